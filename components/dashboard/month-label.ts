import { formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';

/** Short month label for axes and tables; draft months carry a mark explained under the chart. */
export function monthLabel(month: string, status: 'DRAFT' | 'CLOSED', locale: Locale): string {
  const label = formatMonth(month, locale, 'short');
  return status === 'DRAFT' ? `${label}*` : label;
}
