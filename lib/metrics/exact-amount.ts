import Decimal from 'decimal.js';
import type { ExactAmount } from './types';

/**
 * decimal.js rounds every operation to `precision` significant digits (20 by default), which a
 * Decimal(19,4) amount times a percentage can exceed. 50 digits keeps every sum and product of
 * realistic figures exact, so the only rounding left is the final division of a ratio.
 * A clone, not Decimal.set, so that nobody else's Decimal changes behaviour.
 */
const Exact = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });

/** Copies a value into the 50-digit context; every chain of operations here starts from one. */
export function exact(value: Decimal.Value): Decimal {
  return new Exact(value);
}

export function amount(numerator: Decimal.Value, denominator: Decimal.Value = 1): ExactAmount {
  const den = exact(denominator);
  if (den.isZero() || !den.isFinite()) throw new RangeError('An amount needs a finite, non-zero denominator');
  return den.isNegative()
    ? { numerator: exact(numerator).negated(), denominator: den.negated() }
    : { numerator: exact(numerator), denominator: den };
}

export function addAmounts(...amounts: ExactAmount[]): ExactAmount {
  return amounts.reduce<ExactAmount>((total, next) => {
    // Equal denominators (the usual case: 1 or 1 200) are added directly so that they never grow.
    if (total.denominator.equals(next.denominator)) {
      return { numerator: total.numerator.plus(next.numerator), denominator: total.denominator };
    }
    return {
      numerator: total.numerator.times(next.denominator).plus(next.numerator.times(total.denominator)),
      denominator: total.denominator.times(next.denominator),
    };
  }, amount(0));
}

export function subtractAmount(from: ExactAmount, taken: ExactAmount): ExactAmount {
  return addAmounts(from, { numerator: taken.numerator.negated(), denominator: taken.denominator });
}

export function scaleAmount(value: ExactAmount, factor: Decimal.Value): ExactAmount {
  return { numerator: value.numerator.times(exact(factor)), denominator: value.denominator };
}

/** The decimal value, rounded once (at the 50th significant digit) if it does not terminate. */
export function amountValue(value: ExactAmount): Decimal {
  return value.numerator.dividedBy(value.denominator);
}

/** dividend ÷ divisor with a single rounding; null when the divisor is zero. */
export function divideAmounts(dividend: ExactAmount, divisor: ExactAmount): Decimal | null {
  if (divisor.numerator.isZero()) return null;
  return dividend.numerator
    .times(divisor.denominator)
    .dividedBy(dividend.denominator.times(divisor.numerator));
}

export function toAmount(value: Decimal | ExactAmount): ExactAmount {
  // isDecimal also recognises other copies of decimal.js (Prisma bundles its own).
  return Decimal.isDecimal(value) ? amount(value) : value;
}
