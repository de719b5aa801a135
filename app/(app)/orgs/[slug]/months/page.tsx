import Decimal from 'decimal.js';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { listMonths } from '@/lib/data/months';
import { formatMoney, formatMonth, formatNumber, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { monthKey } from '@/lib/months';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';

export default async function MonthsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/months`);
  const [months, t, tCommon, locale] = await Promise.all([listMonths(access.caller, slug), getTranslations('months'), getTranslations('common'), getLocale() as Promise<Locale>]);
  const currency = access.organization.currency;
  type Row = (typeof months)[number];
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <DataTable<Row>
        caption={t('title')}
        empty={t('empty')}
        rows={months}
        rowKey={(m) => m.id}
        columns={[
          { header: t('month'), cell: (m) => <span className="font-medium capitalize">{formatMonth(monthKey(m.month), locale)}</span> },
          { header: t('status'), cell: (m) => <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${m.status === 'CLOSED' ? 'bg-emerald-50 text-emerald-800' : 'bg-amber-50 text-amber-800'}`}>{m.status === 'CLOSED' ? tCommon('closed') : tCommon('draft')}</span> },
          { header: t('headcount'), numeric: true, cell: (m) => formatNumber(m.csmFte.toString(), locale) },
          { header: t('directCost'), numeric: true, cell: (m) => formatMoney(new Decimal(m.loadedSalaries.toString()).plus(m.toolsCost.toString()).plus(m.trainingCost.toString()).plus(m.otherDirectCost.toString()), currency, locale, { decimals: 0 }) },
          { header: t('startArr'), numeric: true, cell: (m) => formatMoney(m.startArr.toString(), currency, locale, { decimals: 0 }) },
          { header: t('customers'), numeric: true, cell: (m) => formatNumber(m.startCustomers, locale) },
          { header: t('lastEditor'), cell: (m) => <span className="text-slate-500">{formatDateTime(m.updatedAt, locale)}</span> },
        ]}
      />
    </>
  );
}
