import 'server-only';
import { getLocale } from 'next-intl/server';
import { isLocale, DEFAULT_LOCALE } from '@/lib/i18n/locales';
import type { DashboardScope } from '@/lib/data/dashboard-data';
import type { FormatContext } from './format-value';

/** The reader's language and the organisation's currency, for every figure of one render. */
export async function formatContext(scope: DashboardScope): Promise<FormatContext> {
  const locale = await getLocale();
  return { locale: isLocale(locale) ? locale : DEFAULT_LOCALE, currency: scope.grant.organization.currency };
}
