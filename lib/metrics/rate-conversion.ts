import type Decimal from 'decimal.js';
import { exact } from './exact-amount';

/**
 * Compounded conversions between a monthly and an annual churn rate, as fractions (0.05 = 5 %).
 * A customer base losing m each month keeps (1 − m)^12 after a year, hence 1 − (1 − m)^12.
 * Kept apart from actualAnnualChurnPct, which annualises by × 12 to match churn avoided.
 */
export function annualFromMonthlyRate(monthlyRate: Decimal.Value): Decimal {
  const kept = exact(1).minus(checkedRate(monthlyRate));
  return exact(1).minus(kept.pow(12));
}

export function monthlyFromAnnualRate(annualRate: Decimal.Value): Decimal {
  const kept = exact(1).minus(checkedRate(annualRate));
  // 0^(1/12) is 0, but decimal.js computes powers through logarithms: keep the edge exact.
  return kept.isZero() ? exact(1) : exact(1).minus(kept.pow(exact(1).dividedBy(12)));
}

/** Outside [0, 1] the power has no meaning (and 1 − rate < 0 would give NaN). */
function checkedRate(rate: Decimal.Value): Decimal {
  const value = exact(rate);
  if (!value.isFinite() || value.lessThan(0) || value.greaterThan(1)) {
    throw new RangeError(`A churn rate must be a fraction between 0 and 1, got ${value.toString()}`);
  }
  return value;
}
