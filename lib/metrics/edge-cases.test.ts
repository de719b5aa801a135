import { describe, expect, it } from 'vitest';
import { METRIC_KEYS } from './types';
import { churnAvoided } from './churn-avoided';
import { clv } from './clv';
import { cohortClv } from './cohort-clv';
import { computeMonth } from './compute-month';
import { computeRange } from './compute-range';
import { gains } from './gains';
import { leadingIndicatorTrend, leadingIndicators } from './leading-indicator-trend';
import { NBSP } from './localised';
import { missingMonths } from './month-key';
import { rolling12 } from './rolling-12';
import { cohort, d, month, months, settings } from './month-fixtures';

describe('an empty range', () => {
  const range = computeRange([], settings());

  it('sums money to zero and leaves ratios undefined, saying why', () => {
    expect(range.monthsCount).toBe(0);
    expect(range.monthsMissing).toEqual([]);
    expect(range.draftMonths).toEqual([]);
    expect(range.csCost.value?.toString()).toBe('0');
    expect(range.gains.value?.toString()).toBe('0');
    for (const key of ['roiPct', 'grrPct', 'nrrPct', 'logoChurnPct', 'arrPerCsm', 'costPerManagedClient'] as const) {
      expect(range[key].value).toBeNull();
      expect(range[key].explanation.note?.en).toBe('No monthly figures in this period.');
    }
  });

  it('gives no rolling point and no CLV', () => {
    expect(rolling12([], settings())).toEqual([]);
    expect(clv([], settings()).clv.value).toBeNull();
  });
});

describe('a single month', () => {
  const figures = month({
    month: '2026-03',
    csmFte: d(2),
    loadedSalaries: d(10_000),
    startArr: d(1_200_000),
    startCustomers: 40,
    managedClients: 40,
    churnedArr: d(6_000),
    contractionArr: d(1_000),
    expansionArr: d(9_000),
    expansionAttributed: d(4_500),
  });

  it('reads the same as a range of that month', () => {
    const monthly = computeMonth(figures, settings());
    const range = computeRange([figures], settings());
    for (const key of METRIC_KEYS) expect(range[key].value?.toString()).toBe(monthly[key].value?.toString());
    expect(range.monthsCount).toBe(1);
  });

  it('computes the month', () => {
    const metrics = computeMonth(figures, settings({ baselineAnnualChurnPct: d(12) }));
    // 1 200 000 × 12 % ÷ 12 = 12 000 expected; 7 000 lost.
    expect(metrics.churnAvoided.value?.toString()).toBe('5000');
    expect(metrics.csCost.value?.toString()).toBe('13000');
    expect(metrics.gains.value?.toString()).toBe('9500');
    expect(metrics.arrPerCsm.value?.toString()).toBe('600000');
    expect(metrics.csGeneratedRevenuePerCsm.value?.toString()).toBe('4750');
    expect(metrics.costPerManagedClient.value?.toString()).toBe('325');
    // 7 000 ÷ 1 200 000 × 12 × 100 = 7 %.
    expect(metrics.actualAnnualChurnPct.value?.toString()).toBe('7');
    expect(metrics.actualAnnualChurnPct.explanation.note?.en).toContain('not compounded');
  });

  it('explains itself with sources in both languages', () => {
    const metric = computeMonth(figures, settings()).churnAvoided;
    expect(metric.label).toEqual({ en: 'Churn avoided', fr: 'Churn évité' });
    expect(metric.explanation.inputs[0]?.source).toEqual({ en: 'Monthly figures, 2026-03', fr: 'Chiffres mensuels, 2026-03' });
    expect(metric.explanation.inputs.map((input) => input.value?.toString())).toEqual(['1200000', '28', '28000', '6000', '1000']);
  });
});

describe('undefined values', () => {
  it('without CSM headcount, per-CSM metrics are null with a note', () => {
    const metrics = computeMonth(month({ startArr: d(1_000) }), settings());
    expect(metrics.arrPerCsm.value).toBeNull();
    expect(metrics.arrPerCsm.explanation.note).toEqual({ en: 'No CSM headcount (FTE) this month.', fr: 'Aucun effectif CSM (ETP) ce mois-ci.' });
    expect(metrics.csGeneratedRevenuePerCsm.value).toBeNull();
  });

  it('without cost, ROI is null, not infinite', () => {
    const metrics = computeMonth(month({ expansionAttributed: d(1_000) }), settings());
    expect(metrics.roiPct.value).toBeNull();
    expect(metrics.roiPct.explanation.note?.fr).toBe(`Aucun coût d'équipe CS saisi${NBSP}: impossible de mesurer un retour sur un investissement nul.`);
  });
});

describe('churn avoided', () => {
  it('is negative, and says so, when more is lost than the baseline predicts', () => {
    const metric = churnAvoided(month({ startArr: d(1_200), churnedArr: d(100) }), settings({ baselineAnnualChurnPct: d(10) }));
    expect(metric.value?.toString()).toBe('-90');
    expect(metric.explanation.note?.en).toContain('Negative');
  });

  it('sums twelve non-terminating months back to a round figure', () => {
    // 1 000 × 10 % ÷ 12 = 8.333… a month, 100 a year.
    const range = computeRange(months(12, { startArr: d(1_000) }), settings({ baselineAnnualChurnPct: d(10) }));
    expect(range.churnAvoided.value?.toString()).toBe('100');
  });
});

describe('gains follow the method settings', () => {
  it('leaves out disabled components and names them', () => {
    const metric = gains(
      month({ expansionAttributed: d(1_000), savesCount: 2 }),
      settings({ averageCac: d(500), countCacSaved: false, countChurnAvoided: false }),
    );
    expect(metric.value?.toString()).toBe('1000');
    expect(metric.explanation.formula.en).toBe('Expansion attributable to CS');
    expect(metric.explanation.note?.en).toContain('Churn avoided, CAC saved');
  });
});

describe('gaps and drafts', () => {
  const list = [
    month({ month: '2026-01', startArr: d(1_000), churnedArr: d(10), loadedSalaries: d(100), expansionAttributed: d(200) }),
    month({ month: '2026-04', startArr: d(990), churnedArr: d(20), loadedSalaries: d(100), expansionAttributed: d(200), status: 'DRAFT' }),
    month({ month: '2026-02', startArr: d(990), contractionArr: d(5), loadedSalaries: d(100), expansionAttributed: d(200) }),
  ];
  const method = settings({ indirectCostMode: 'ITEMISED', baselineAnnualChurnPct: d(0), countChurnAvoided: false });

  it('reports missing months and drafts, and never fills them in', () => {
    const range = computeRange(list, method);
    expect(range.monthsCount).toBe(3);
    expect(range.monthsMissing).toEqual(['2026-03']);
    expect(range.draftMonths).toEqual(['2026-04']);
    expect(range.csCost.value?.toString()).toBe('300');
    expect(range.csCost.explanation.inputs[0]?.source.en).toBe('Monthly figures, 2026-01 to 2026-04 (3 of 4 months present)');
  });

  it('measures GRR and NRR from the ARR at the start of the first month', () => {
    const range = computeRange(list, method);
    // (1 000 − 10 − 20 − 5) ÷ 1 000.
    expect(range.grrPct.value?.toString()).toBe('96.5');
    expect(range.grossRevenueChurnPct.value?.toString()).toBe('3.5');
  });

  it('shrinks the rolling window over a gap instead of reaching further back', () => {
    const points = rolling12(list, method);
    expect(points.map((point) => point.month)).toEqual(['2026-01', '2026-02', '2026-04']);
    expect(points.map((point) => point.monthsInWindow)).toEqual([1, 2, 3]);
    expect(points.every((point) => !point.complete)).toBe(true);
    expect(points[2]?.note).toEqual({ en: 'Rolling ROI over 3 months: 12 needed.', fr: `ROI glissant sur 3 mois${NBSP}: 12 nécessaires.` });
    expect(points[2]?.roiPct.explanation.note?.en).toContain('12 needed');
    // (600 − 300) ÷ 300.
    expect(points[2]?.roiPct.value?.toString()).toBe('100');
  });

  it('drops months older than twelve calendar months from the window', () => {
    const longList = [...months(12, { loadedSalaries: d(1) }, '2025-01'), month({ month: '2026-06', loadedSalaries: d(1) })];
    const last = rolling12(longList, settings({ indirectCostMode: 'ITEMISED' })).at(-1);
    // 2025-07 … 2026-06 holds 2025-07 … 2025-12 and 2026-06.
    expect(last?.monthsInWindow).toBe(7);
    expect(last?.csCost.value?.toString()).toBe('7');
  });

  it('lists missing months across a year boundary', () => {
    expect(missingMonths(['2025-11', '2026-02'])).toEqual(['2025-12', '2026-01']);
  });
});

describe('bad input fails loudly', () => {
  it('refuses duplicated months, malformed months and impossible counts', () => {
    expect(() => computeRange([month(), month()], settings())).toThrow(/twice/);
    expect(() => computeMonth(month({ month: '2026-13' }), settings())).toThrow(RangeError);
    expect(() => computeMonth(month({ startCustomers: 1.5 }), settings())).toThrow(RangeError);
    expect(() => computeMonth(month({ churnedCustomers: 1, churnedCustomersJoinedSameMonth: 2 }), settings())).toThrow(RangeError);
    expect(() => computeMonth(month({ startArr: d(Number.NaN) }), settings())).toThrow(RangeError);
  });
});

describe('CLV without churn', () => {
  it('is null for a cohort that lost nobody, with the value realised to date beside it', () => {
    // ARPA 1 000 ÷ 10 = 100, margin 80 %, 60 account-months ÷ 10 accounts = 6 months.
    const result = cohortClv(cohort({ accounts: 10, mrrSum: d(1_000), activeAccountMonths: 60 }), settings({ grossMarginPct: d(80) }));
    expect(result.clv.value).toBeNull();
    expect(result.clv.explanation.note?.en).toContain('Not enough churn yet');
    expect(result.clv.explanation.note?.fr).toContain('Pas encore assez de churn');
    expect(result.realisedValueToDate.value?.toString()).toBe('480');
  });

  it('is null over months without churn, with the margin of a customer present throughout', () => {
    // 2 months, ARPA = 2 × 120 000 ÷ 12 ÷ 200 customer-months = 100; margin 50 %; 2 months.
    const result = clv(months(2, { startArr: d(120_000), startCustomers: 100 }), settings({ grossMarginPct: d(50) }));
    expect(result.clv.value).toBeNull();
    expect(result.realisedValueToDate.value?.toString()).toBe('100');
  });

  it('says so for an empty cohort', () => {
    const result = cohortClv(cohort({ cohort: '2024' }), settings());
    expect(result.clv.value).toBeNull();
    expect(result.realisedValueToDate.value).toBeNull();
    expect(result.clv.explanation.note?.en).toBe('Cohort 2024 has no account.');
  });
});

describe('leading indicators', () => {
  it('compares the last two values', () => {
    expect(leadingIndicatorTrend([d(60), d(70), d('72.5')])).toMatchObject({ direction: 'up' });
    expect(leadingIndicatorTrend([d(70), d('72.5')]).change?.toString()).toBe('2.5');
    expect(leadingIndicatorTrend([d(12), d(9)]).direction).toBe('down');
    expect(leadingIndicatorTrend([d(9), d(9)]).direction).toBe('flat');
  });

  it('is unknown when a value is missing', () => {
    expect(leadingIndicatorTrend([])).toEqual({ latest: null, previous: null, change: null, direction: 'unknown' });
    expect(leadingIndicatorTrend([d(5)]).direction).toBe('unknown');
    expect(leadingIndicatorTrend([d(5), null]).direction).toBe('unknown');
  });

  it('takes the calendar month before the latest, not the previous entry', () => {
    const trends = leadingIndicators([
      month({ month: '2026-01', avgHealthScore: d(50), timeToValueDays: d(30) }),
      month({ month: '2026-03', avgHealthScore: d(60), timeToValueDays: d(20) }),
      month({ month: '2026-02', avgHealthScore: d(55) }),
    ]);
    expect(trends.healthScore).toMatchObject({ direction: 'up' });
    expect(trends.healthScore.change?.toString()).toBe('5');
    expect(trends.timeToValueDays.direction).toBe('unknown');
    expect(trends.featureAdoptionPct.direction).toBe('unknown');
  });
});
