import { describe, expect, it } from 'vitest';
import { computeMonth } from './compute-month';
import { computeRange } from './compute-range';
import { csCost } from './cs-cost';
import { expansionAttributable } from './expansion-attributable';
import { cacSaved } from './cac-saved';
import { churnAvoided } from './churn-avoided';
import { periodFigures } from './period-figures';
import { roiPct } from './roi-pct';
import { rolling12 } from './rolling-12';
import { d, month, months, settings } from './month-fixtures';

// Every worked example of the method article ("Comment calculer le ROI réel de votre équipe CS"),
// reproduced to the last digit.

describe('ROI CS = (gains − coût) ÷ coût × 100', () => {
  it('4 CSM × 50 000 = 200 000 of cost against 800 000 of gains gives 300 %', () => {
    expect(roiPct(d(800_000), d(200_000)).value?.toString()).toBe('300');
  });

  it('gets there from a month of figures, cost itemised', () => {
    const metrics = computeMonth(
      month({ loadedSalaries: d(50_000).times(4), expansionArr: d(800_000), expansionAttributed: d(800_000) }),
      settings({ indirectCostMode: 'ITEMISED', countChurnAvoided: false }),
    );
    expect(metrics.csCost.value?.toString()).toBe('200000');
    expect(metrics.gains.value?.toString()).toBe('800000');
    expect(metrics.roiPct.value?.toString()).toBe('300');
  });
});

describe('Gain #1: churn avoided', () => {
  // ARR 2 M€, churn 25 %/an → 18 %/an: 7 % × 2 M€ = 140 k€/an.
  const year = months(12, { startArr: d(2_000_000), churnedArr: d(2_000_000).times(18).dividedBy(100).dividedBy(12) });
  const method = settings({ baselineAnnualChurnPct: d(25) });

  it('monthly churn at 18 % a year of 2 000 000 is 30 000', () => {
    expect(year[0]?.churnedArr.toString()).toBe('30000');
  });

  it('sums to 140 000 over twelve flat months', () => {
    expect(computeRange(year, method).churnAvoided.value?.toString()).toBe('140000');
    expect(churnAvoided(periodFigures(year), method).value?.toString()).toBe('140000');
  });

  it('reads back the 18 % actual churn against the 25 % baseline', () => {
    const range = computeRange(year, method);
    expect(range.actualAnnualChurnPct.value?.toString()).toBe('18');
    expect(range.baselineAnnualChurnPct.value?.toString()).toBe('25');
  });
});

describe('Gain #2: expansion revenue', () => {
  it('500 000 of expansion at 60 % attributable gives 300 000', () => {
    const metric = expansionAttributable(
      month({ expansionArr: d(500_000), expansionAttributed: d(500_000).times(60).dividedBy(100), dealCount: 4, attributedDealCount: 4 }),
    );
    expect(metric.value?.toString()).toBe('300000');
    const share = metric.explanation.inputs.find((input) => input.label.en === 'Share of expansion attributable to CS');
    expect(share?.value?.toString()).toBe('60');
  });
});

describe('Gain #3: CAC optimisation', () => {
  it('50 saves × CAC 3 000 gives 150 000', () => {
    expect(cacSaved(month({ savesCount: 50 }), settings({ averageCac: d(3_000) })).value?.toString()).toBe('150000');
  });
});

describe('Coût équipe CS = (Salaires + Outils + Formation) × 1,3', () => {
  it('applies the coefficient to direct costs only', () => {
    const metric = csCost(
      month({ loadedSalaries: d(150_000), toolsCost: d(20_000), trainingCost: d(10_000), indirectManagementCost: d(9_999) }),
      settings(),
    );
    expect(metric.value?.toString()).toBe('234000');
    expect(metric.explanation.note?.en).toContain('not added');
  });
});

describe('Case study: ARR 3 M€, churn 28 % → 19 %, 180 k€ of expansion, cost 250 k€', () => {
  // 250 000 a year does not split into equal months: ten months of 20 833 and two of 20 835.
  const year = months(12, {
    startArr: d(3_000_000),
    churnedArr: d(3_000_000).times(19).dividedBy(100).dividedBy(12),
    expansionArr: d(15_000),
    expansionAttributed: d(15_000),
    loadedSalaries: d(17_000),
    toolsCost: d(2_000),
    trainingCost: d(833),
    indirectManagementCost: d(1_000),
  }).map((figures, index) => (index < 2 ? { ...figures, indirectInfrastructureCost: d(2) } : figures));
  const method = settings({ baselineAnnualChurnPct: d(28), indirectCostMode: 'ITEMISED', countCacSaved: false });
  const range = computeRange(year, method);

  it('avoids 9 % × 3 000 000 = 270 000 of churn', () => {
    expect(range.churnAvoided.value?.toString()).toBe('270000');
  });

  it('counts 270 000 + 180 000 = 450 000 of gains against 250 000 of cost', () => {
    expect(range.expansionAttributable.value?.toString()).toBe('180000');
    expect(range.gains.value?.toString()).toBe('450000');
    expect(range.csCost.value?.toString()).toBe('250000');
  });

  it('gives an ROI of 80 %, also as the complete rolling 12 months', () => {
    expect(range.roiPct.value?.toString()).toBe('80');
    const last = rolling12(year, method).at(-1);
    expect(last?.complete).toBe(true);
    expect(last?.roiPct.value?.toString()).toBe('80');
    expect(last?.gains.value?.toString()).toBe('450000');
  });
});
