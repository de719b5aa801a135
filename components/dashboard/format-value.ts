import type Decimal from 'decimal.js';
import type { ValueKind } from '@/lib/metrics/types';
import type { Locale } from '@/lib/i18n/locales';
import { formatMoney, formatMoneyCompact, formatNumber, formatPercent } from '@/lib/format';

export type FormatContext = { locale: Locale; currency: string };

/** One figure as the board reads it; null is "not available" (the explanation says why), never NaN. */
export function formatValue(value: Decimal | number | null, kind: ValueKind, ctx: FormatContext, style: 'compact' | 'exact' = 'exact'): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '—';
  switch (kind) {
    case 'money':
      return style === 'compact' ? formatMoneyCompact(value, ctx.currency, ctx.locale) : formatMoney(value, ctx.currency, ctx.locale, { decimals: 0 });
    case 'percent':
      return formatPercent(value, ctx.locale, 1);
    case 'days':
      return `${formatNumber(value, ctx.locale, 1)} ${ctx.locale === 'fr' ? 'j' : 'd'}`;
    case 'count':
    case 'ratio':
    case 'score':
      return formatNumber(value, ctx.locale, 2);
  }
}

/** Decimal → number, only at the chart boundary; undefined stays null so the chart leaves a gap. */
export function chartNumber(value: Decimal | null): number | null {
  return value === null ? null : Math.round(value.toNumber() * 100) / 100;
}
