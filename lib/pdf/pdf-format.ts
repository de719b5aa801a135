import Decimal from 'decimal.js';
import { formatMoney, formatMoneyCompact, formatMonth, formatNumber, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { ValueKind } from '@/lib/metrics';
import type { Figure } from './board-pack-model';
import { pdfText } from './pdf-text';

/** Figures as the pack writes them: whole currency units, one decimal for rates, "—" when undefined. */
export type PackFormat = {
  locale: Locale;
  money: (value: Figure) => string;
  compactMoney: (value: number) => string;
  pct: (value: Figure) => string;
  value: (value: Figure, kind: ValueKind) => string;
  month: (month: string, style?: 'long' | 'short') => string;
  monthList: (months: readonly string[]) => string;
};

export const DASH = '—';

export function packFormat(locale: Locale, currency: string): PackFormat {
  const money = (value: Figure) => (value === null ? DASH : pdfText(formatMoney(value, currency, locale, { decimals: 0 })));
  const pct = (value: Figure) => (value === null ? DASH : pdfText(formatPercent(value, locale, 1)));
  const month = (key: string, style: 'long' | 'short' = 'long') => pdfText(formatMonth(key, locale, style));
  return {
    locale,
    money,
    compactMoney: (value) => pdfText(formatMoneyCompact(value, currency, locale)),
    pct,
    value: (value, kind) => {
      if (value === null) return DASH;
      if (kind === 'money') return money(value);
      if (kind === 'percent') return pct(value);
      if (kind === 'count') return pdfText(formatNumber(value, locale, 0));
      return pdfText(formatNumber(new Decimal(value).toDecimalPlaces(2).toString(), locale, 2));
    },
    month,
    monthList: (months) => months.map((m) => month(m, 'short')).join(', '),
  };
}
