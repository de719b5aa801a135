import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MethodSettings, Metric, MonthAggregates } from './types';
import { METRIC_KEYS } from './types';
import { clv } from './clv';
import { cohortClv } from './cohort-clv';
import { computeMonth } from './compute-month';
import { computeRange } from './compute-range';
import { addAmounts, amountValue, exact } from './exact-amount';
import { gainsAmount } from './gains';
import { monthFromIndex, monthIndex } from './month-key';
import { periodFigures } from './period-figures';
import { rolling12 } from './rolling-12';
import { cohort, d, month, settings } from './month-fixtures';

// ---- arbitraries ------------------------------------------------------------------------------

/** An amount in cents, as upstream Decimal(19,4) columns hold them; zero is frequent on purpose. */
const cents = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 12n }));
const money = cents.map((value) => d(centsToString(value)));
/** A percentage with two decimals, 0 to 100. */
const pct = fc.integer({ min: 0, max: 10_000 }).map((value) => d(value).dividedBy(100));
const count = fc.oneof(fc.constant(0), fc.nat({ max: 5_000 }));
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const monthFigures = fc
  .record({
    csmFte: fc.integer({ min: 0, max: 5_000 }).map((value) => d(value).dividedBy(100)),
    loadedSalaries: money,
    toolsCost: money,
    trainingCost: money,
    otherDirectCost: money,
    indirectManagementCost: money,
    indirectInfrastructureCost: money,
    indirectRecruitingCost: money,
    startArr: money,
    startCustomers: count,
    newBusinessArr: money,
    managedClients: count,
    avgHealthScore: nullable(pct),
    timeToValueDays: nullable(pct),
    featureAdoptionPct: nullable(pct),
    churnedArr: money,
    contractionArr: money,
    expansionArr: money,
    attributionPct: pct,
    dealCount: count,
    savesCount: count,
    savedArr: money,
    churnedCustomers: count,
    sameMonthShare: fc.integer({ min: 0, max: 100 }),
    draft: fc.boolean(),
  })
  .map(({ attributionPct, sameMonthShare, draft, ...figures }) =>
    month({
      ...figures,
      status: draft ? 'DRAFT' : 'CLOSED',
      expansionAttributed: exact(figures.expansionArr).times(attributionPct).dividedBy(100),
      attributedDealCount: Math.floor((figures.dealCount * sameMonthShare) / 100),
      churnedCustomersJoinedSameMonth: Math.floor((figures.churnedCustomers * sameMonthShare) / 100),
    }),
  );

/** 0 to `max` distinct months, in random order, with gaps. */
const monthList = (max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: max + 6 }), { maxLength: max })
    .chain((offsets) =>
      fc.tuple(...offsets.map(() => monthFigures)).map((figures) =>
        figures.map((figure, position) => ({ ...figure, month: monthFromIndex(monthIndex('2024-01') + (offsets[position] ?? 0)) })),
      ),
    );

const methodSettings: fc.Arbitrary<MethodSettings> = fc
  .record({
    baselineAnnualChurnPct: pct,
    itemised: fc.boolean(),
    indirectCostCoefficient: fc.integer({ min: 100, max: 300 }).map((value) => d(value).dividedBy(100)),
    grossMarginPct: pct,
    averageCac: money,
    countChurnAvoided: fc.boolean(),
    countExpansion: fc.boolean(),
    countCacSaved: fc.boolean(),
    exclude: fc.boolean(),
  })
  .map(({ itemised, exclude, ...rest }) =>
    settings({ ...rest, indirectCostMode: itemised ? 'ITEMISED' : 'COEFFICIENT', sameMonthChurnRule: exclude ? 'EXCLUDE' : 'COUNT' }),
  );

// ---- helpers ----------------------------------------------------------------------------------

function centsToString(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const absolute = value < 0n ? -value : value;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

function sum(values: (Decimal | null)[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.plus(value ?? 0), exact(0));
}

function expectExplained(metric: Metric): void {
  if (metric.value === null) {
    expect(metric.explanation.note?.en.length ?? 0).toBeGreaterThan(0);
    expect(metric.explanation.note?.fr.length ?? 0).toBeGreaterThan(0);
  } else {
    expect(metric.value.isFinite()).toBe(true);
  }
  expect(metric.explanation.formula.en.length).toBeGreaterThan(0);
  expect(metric.explanation.formula.fr.length).toBeGreaterThan(0);
  for (const input of metric.explanation.inputs) {
    if (input.value !== null) expect(new Decimal(input.value).isFinite()).toBe(true);
    expect(input.source.en.length * input.source.fr.length).toBeGreaterThan(0);
  }
}

// Scaled in the 50-digit context: at decimal.js's default 20 digits the test itself would round.
const scaleMoney = (figures: MonthAggregates, k: Decimal): MonthAggregates => {
  const factor = exact(k);
  return {
  ...figures,
    loadedSalaries: exact(figures.loadedSalaries).times(factor),
    toolsCost: exact(figures.toolsCost).times(factor),
    trainingCost: exact(figures.trainingCost).times(factor),
    otherDirectCost: exact(figures.otherDirectCost).times(factor),
    indirectManagementCost: exact(figures.indirectManagementCost).times(factor),
    indirectInfrastructureCost: exact(figures.indirectInfrastructureCost).times(factor),
    indirectRecruitingCost: exact(figures.indirectRecruitingCost).times(factor),
    startArr: exact(figures.startArr).times(factor),
    newBusinessArr: exact(figures.newBusinessArr).times(factor),
    churnedArr: exact(figures.churnedArr).times(factor),
    contractionArr: exact(figures.contractionArr).times(factor),
    expansionArr: exact(figures.expansionArr).times(factor),
    expansionAttributed: exact(figures.expansionAttributed).times(factor),
    savedArr: exact(figures.savedArr).times(factor),
  };
};

// fast-check runs many cases inside one test: give it room on a slow CI machine.
const PROPERTY_TIMEOUT_MS = 60_000;

// ---- properties -------------------------------------------------------------------------------

describe('rolling 12 months', () => {
  it('adds monthly gains and costs up to the window totals', () => {
    fc.assert(
      fc.property(monthList(30), methodSettings, (list, method) => {
        const byMonth = new Map(list.map((figures) => [figures.month, figures]));
        for (const point of rolling12(list, method)) {
          const window = [...byMonth.values()].filter(
            (figures) => monthIndex(figures.month) > monthIndex(point.month) - 12 && monthIndex(figures.month) <= monthIndex(point.month),
          );
          expect(point.monthsInWindow).toBe(window.length);
          expect(point.complete).toBe(window.length === 12);
          const monthly = window.map((figures) => computeMonth(figures, method));
          // Cost has no division: the plain sum of the monthly values is exact.
          expect(sum(monthly.map((metrics) => metrics.csCost.value)).equals(point.csCost.value ?? NaN)).toBe(true);
          // Gains carry churn avoided over 1 200: the exact monthly amounts add up to the window's.
          const monthlyGains = addAmounts(...window.map((figures) => gainsAmount(periodFigures([figures]), method)));
          expect(amountValue(monthlyGains).equals(point.gains.value ?? NaN)).toBe(true);
          // And the rounded monthly values stay within 1e-30 of it: far below a cent.
          const drift = sum(monthly.map((metrics) => metrics.gains.value)).minus(point.gains.value ?? NaN).abs();
          expect(drift.lessThan('1e-30')).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('ROI', () => {
  it('does not change when every amount is scaled by the same positive factor', () => {
    const factor = fc.integer({ min: 1, max: 10_000_000 }).map((value) => d(value).dividedBy(1_000));
    fc.assert(
      fc.property(monthList(14), methodSettings, factor, (list, method, k) => {
        const scaledMethod = { ...method, averageCac: exact(method.averageCac).times(k) };
        const scaled = list.map((figures) => scaleMoney(figures, k));
        const before = computeRange(list, method).roiPct.value;
        const after = computeRange(scaled, scaledMethod).roiPct.value;
        expect(after?.toString()).toBe(before?.toString());
        const rollingBefore = rolling12(list, method).map((point) => point.roiPct.value?.toString());
        const rollingAfter = rolling12(scaled, scaledMethod).map((point) => point.roiPct.value?.toString());
        expect(rollingAfter).toEqual(rollingBefore);
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('every metric is a finite number or an explained null', () => {
  it('for months, ranges, rolling windows and CLV, zeros included', () => {
    fc.assert(
      fc.property(monthList(15), methodSettings, (list, method) => {
        const range = computeRange(list, method);
        for (const key of METRIC_KEYS) expectExplained(range[key]);
        for (const figures of list) {
          const metrics = computeMonth(figures, method);
          for (const key of METRIC_KEYS) expectExplained(metrics[key]);
        }
        for (const point of rolling12(list, method)) {
          [point.gains, point.csCost, point.roiPct, point.grrPct, point.nrrPct].forEach(expectExplained);
        }
        const overall = clv(list, method);
        expectExplained(overall.clv);
        expectExplained(overall.realisedValueToDate);
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('for any cohort', () => {
    const cohortFigures = fc
      .record({ accounts: count, churnShare: fc.integer({ min: 0, max: 100 }), activeAccountMonths: count, mrrSum: money })
      .map(({ churnShare, ...figures }) => cohort({ ...figures, churnedAccounts: Math.floor((figures.accounts * churnShare) / 100) }));
    fc.assert(
      fc.property(cohortFigures, methodSettings, (figures, method) => {
        const result = cohortClv(figures, method);
        expectExplained(result.clv);
        expectExplained(result.realisedValueToDate);
      }),
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('money stays exact', () => {
  it('to the cent over 120 months, against BigInt cents', () => {
    const monthCents = fc.record({ salaries: cents, tools: cents, expansion: cents, attributed: cents, arr: cents, lost: cents, saves: count });
    fc.assert(
      fc.property(fc.array(monthCents, { minLength: 120, maxLength: 120 }), cents, pct, (rows, cac, baseline) => {
        const list = rows.map((row, offset) =>
          month({
            month: monthFromIndex(monthIndex('2016-01') + offset),
            loadedSalaries: d(centsToString(row.salaries)),
            toolsCost: d(centsToString(row.tools)),
            expansionArr: d(centsToString(row.expansion)),
            expansionAttributed: d(centsToString(row.attributed)),
            startArr: d(centsToString(row.arr)),
            churnedArr: d(centsToString(row.lost)),
            savesCount: row.saves,
          }),
        );
        const method = settings({ averageCac: d(centsToString(cac)), baselineAnnualChurnPct: baseline, indirectCostCoefficient: d('1.3') });
        const range = computeRange(list, method);
        const total = (pick: (row: (typeof rows)[number]) => bigint) => rows.reduce((acc, row) => acc + pick(row), 0n);

        // Cost × 1.3: exact in tenths of a cent.
        const directCents = total((row) => row.salaries + row.tools);
        expect(range.csCost.value?.times(1_000).toString()).toBe((directCents * 13n).toString());
        expect(range.expansionAttributable.value?.toString()).toBe(d(centsToString(total((row) => row.attributed))).toString());
        const savedCents = total((row) => BigInt(row.saves)) * cac;
        expect(range.cacSaved.value?.toString()).toBe(d(centsToString(savedCents)).toString());

        // Churn avoided = (Σ ARR cents × baseline in basis points − 1 200 × 100 × Σ lost cents) ÷ (1 200 × 100 × 100 cents).
        const baselineBp = BigInt(baseline.times(100).toFixed(0));
        const numerator = total((row) => row.arr) * baselineBp - 120_000n * total((row) => row.lost);
        const expectedCents = roundHalfUp(numerator, 120_000n);
        expect(range.churnAvoided.value?.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString()).toBe(d(centsToString(expectedCents)).toString());
      }),
      { numRuns: 40 },
    );
  }, PROPERTY_TIMEOUT_MS);
});

/** numerator ÷ denominator rounded half away from zero, in integers. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const absolute = negative ? -numerator : numerator;
  const rounded = (absolute * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
