import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { clv } from './clv';
import { cohortClv } from './cohort-clv';
import { computeMonth } from './compute-month';
import { logoChurnPct } from './logo-churn';
import { annualFromMonthlyRate, monthlyFromAnnualRate } from './rate-conversion';
import { grossRevenueChurnPct, netRevenueChurnPct } from './revenue-churn';
import { grrPct, nrrPct } from './revenue-retention';
import { cohort, d, month, settings } from './month-fixtures';

// Worked examples published by SaaS metrics vendors, for the formulas the article only names.

describe('revenue churn and retention', () => {
  const figures = month({ startArr: d(100), churnedArr: d(10), contractionArr: d(10), expansionArr: d(10) });

  it('start 100, churn 10, contraction 10, expansion 10: gross 20 %, net 10 %, GRR 80 %', () => {
    expect(grossRevenueChurnPct(figures).value?.toString()).toBe('20');
    expect(netRevenueChurnPct(figures).value?.toString()).toBe('10');
    expect(grrPct(figures).value?.toString()).toBe('80');
    expect(nrrPct(figures).value?.toString()).toBe('90');
  });

  it('start 1 000 000, churn 25 000, contraction 25 000, expansion 150 000: NRR 110 %', () => {
    const growing = month({
      startArr: d(1_000_000),
      churnedArr: d(25_000),
      contractionArr: d(25_000),
      expansionArr: d(150_000),
      newBusinessArr: d(400_000),
    });
    expect(nrrPct(growing).value?.toString()).toBe('110');
    expect(netRevenueChurnPct(growing).value?.toString()).toBe('-10');
    expect(nrrPct(growing).explanation.note?.en).toContain('New business');
  });
});

describe('CLV = ARPA × gross margin ÷ monthly churn', () => {
  it('ARPA 100 at 5 % monthly churn and 100 % margin is 2 000, per cohort', () => {
    const result = cohortClv(
      cohort({ accounts: 10, mrrSum: d(1_000), churnedAccounts: 5, activeAccountMonths: 100 }),
      settings({ grossMarginPct: d(100) }),
    );
    expect(result.clv.value?.toString()).toBe('2000');
  });

  it('gives the same 2 000 from monthly figures', () => {
    // 100 customers paying 100 a month: start ARR 120 000; 5 of them leave.
    const result = clv(
      [month({ startArr: d(120_000), startCustomers: 100, churnedCustomers: 5 })],
      settings({ grossMarginPct: d(100) }),
    );
    expect(result.clv.value?.toString()).toBe('2000');
  });

  it('applies the gross margin', () => {
    const result = cohortClv(
      cohort({ accounts: 10, mrrSum: d(1_000), churnedAccounts: 5, activeAccountMonths: 100 }),
      settings({ grossMarginPct: d(80) }),
    );
    expect(result.clv.value?.toString()).toBe('1600');
  });
});

describe('logo churn and customers who join and leave in the same month', () => {
  const figures = month({ startCustomers: 100, churnedCustomers: 11, churnedCustomersJoinedSameMonth: 1 });

  it('is 10 % when the same-month customer is excluded', () => {
    const metric = logoChurnPct(figures, settings({ sameMonthChurnRule: 'EXCLUDE' }));
    expect(metric.value?.toString()).toBe('10');
    expect(metric.explanation.note?.en).toContain('not counted');
  });

  it('is 11 % when it is counted', () => {
    expect(logoChurnPct(figures, settings({ sameMonthChurnRule: 'COUNT' })).value?.toString()).toBe('11');
  });

  it('is the one computeMonth reports', () => {
    expect(computeMonth(figures, settings()).logoChurnPct.value?.toString()).toBe('10');
  });
});

describe('compounded rate conversions', () => {
  it('5 % a month is 1 − 0.95^12 ≈ 45.96 % a year, exactly', () => {
    const annual = annualFromMonthlyRate(d('0.05'));
    expect(annual.toString()).toBe('0.459639912337363037109375');
    expect(annual.times(100).toDecimalPlaces(2).toString()).toBe('45.96');
  });

  it('comes back to 5 % a month', () => {
    const monthly = monthlyFromAnnualRate(annualFromMonthlyRate(d('0.05')));
    expect(monthly.minus('0.05').abs().lessThan('1e-45')).toBe(true);
  });

  it('keeps the edges exact', () => {
    expect(annualFromMonthlyRate(0).toString()).toBe('0');
    expect(monthlyFromAnnualRate(0).toString()).toBe('0');
    expect(annualFromMonthlyRate(1).toString()).toBe('1');
    expect(monthlyFromAnnualRate(1).toString()).toBe('1');
  });

  it('refuses rates outside [0, 1] instead of returning NaN', () => {
    expect(() => annualFromMonthlyRate(d('1.2'))).toThrow(RangeError);
    expect(() => monthlyFromAnnualRate(d('-0.1'))).toThrow(RangeError);
    expect(() => monthlyFromAnnualRate(new Decimal(NaN))).toThrow(RangeError);
  });
});
