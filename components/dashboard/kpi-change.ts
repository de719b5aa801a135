import type Decimal from 'decimal.js';

export type Change = { text: string | null; deltaType: 'increase' | 'decrease' | 'unchanged'; good: boolean | null };

/**
 * Change against the comparison period: relative for amounts, in points for percentages (an ROI
 * going from 60 % to 80 % is "+20 pts", not "+33 %"). No comparison value ⇒ no badge, never NaN.
 */
export function kpiChange(current: Decimal | null, previous: Decimal | null, options: { kind: 'money' | 'percent'; higherIsBetter: boolean; locale: 'en' | 'fr' }): Change {
  if (current === null || previous === null) return { text: null, deltaType: 'unchanged', good: null };
  const diff = current.minus(previous);
  const deltaType = diff.isZero() ? 'unchanged' : diff.isPositive() ? 'increase' : 'decrease';
  const good = diff.isZero() ? null : diff.isPositive() === options.higherIsBetter;
  const nf = (value: Decimal, unit: string) => {
    const number = new Intl.NumberFormat(options.locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value.toDecimalPlaces(1).toNumber());
    return `${number}${unit}`;
  };
  if (options.kind === 'percent') return { text: nf(diff, options.locale === 'fr' ? '\u00a0pts' : ' pts'), deltaType, good };
  if (previous.isZero()) return { text: null, deltaType, good };
  const relative = diff.div(previous.abs()).times(100);
  // Against a near-zero base a relative change means nothing (+287 000 %): cap what is shown.
  if (relative.abs().greaterThan(999)) return { text: `${relative.isPositive() ? '>\u00a0+' : '<\u00a0−'}999${options.locale === 'fr' ? '\u00a0%' : '%'}`, deltaType, good };
  return { text: nf(relative, options.locale === 'fr' ? '\u00a0%' : '%'), deltaType, good };
}

