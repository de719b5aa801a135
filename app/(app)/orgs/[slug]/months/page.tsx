import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { isUuid } from '@/lib/data/entries/shared';
import { roleAtLeast } from '@/lib/data/roles';
import { listMonthsPage } from '@/lib/data/entries/months';
import { monthPreviewInputs } from '@/lib/data/entries/month-preview';
import { csCost } from '@/lib/metrics';
import { formatDateTime, formatMoney, formatMonth, formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { addMonths, monthKey } from '@/lib/months';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { NewMonthForm } from '@/components/entry/new-month-form';
import { engineSettingsOf, previewAggregates } from '@/components/entry/preview-aggregates';

const NO_EVENTS = { churnedArr: '0', contractionArr: '0', expansionArr: '0', expansionAttributed: '0', dealCount: 0, attributedDealCount: 0, savesCount: 0, savedArr: '0', churnedCustomers: 0, churnedCustomersJoinedSameMonth: 0 };

export default async function MonthsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const cursor = query.cursor && isUuid(query.cursor) ? query.cursor : undefined;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/months`);
  const [page, preview, t, tCommon, tAudit, locale] = await Promise.all([
    listMonthsPage(access.caller, slug, { limit: 36, cursor }),
    monthPreviewInputs(access.caller, slug, monthKey(new Date())),
    getTranslations('months'),
    getTranslations('common'),
    getTranslations('auditLog'),
    getLocale() as Promise<Locale>,
  ]);
  const currency = access.organization.currency;
  const settings = engineSettingsOf(preview.settings);
  const latest = page.rows[0]?.month;
  const suggested = latest ? addMonths(latest, 1) : addMonths(monthKey(new Date()), -1);
  type Row = (typeof page.rows)[number];
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={t('title')} intro={t('intro')} />
        {access.role === 'OWNER' && <Link href={`/orgs/${slug}/audit`} className="btn-secondary">{tAudit('link')}</Link>}
      </div>
      {roleAtLeast(access.role, 'EDITOR') && <NewMonthForm slug={slug} suggested={suggested} />}
      <DataTable<Row>
        caption={t('title')}
        empty={t('empty')}
        rows={page.rows}
        rowKey={(m) => m.id}
        columns={[
          { header: t('month'), cell: (m) => <Link href={`/orgs/${slug}/months/${m.month}`} className="font-medium capitalize text-indigo-700 hover:underline">{formatMonth(m.month, locale)}</Link> },
          { header: t('status'), cell: (m) => <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${m.status === 'CLOSED' ? 'bg-emerald-50 text-emerald-800' : 'bg-amber-50 text-amber-800'}`}>{m.status === 'CLOSED' ? tCommon('closed') : tCommon('draft')}</span> },
          { header: t('headcount'), numeric: true, cell: (m) => formatNumber(m.csmFte, locale) },
          { header: t('csCost'), numeric: true, cell: (m) => formatMoney(csCost(previewAggregates(m.month, toValues(m), NO_EVENTS), settings).value ?? 0, currency, locale, { decimals: 0 }) },
          { header: t('startArr'), numeric: true, cell: (m) => formatMoney(m.startArr, currency, locale, { decimals: 0 }) },
          { header: t('customers'), numeric: true, cell: (m) => formatNumber(m.startCustomers, locale) },
          { header: t('lastEditor'), cell: (m) => <span className="text-slate-600">{m.updatedBy ? `${m.updatedBy} · ` : ''}<span className="text-slate-500">{formatDateTime(m.updatedAt, locale)}</span></span> },
        ]}
      />
      <div className="mt-3 flex gap-4 text-sm">
        {cursor && <Link href={`/orgs/${slug}/months`} className="text-indigo-700 hover:underline">{t('newest')}</Link>}
        {page.nextCursor && <Link href={`/orgs/${slug}/months?cursor=${page.nextCursor}`} className="text-indigo-700 hover:underline">{t('older')}</Link>}
      </div>
    </>
  );
}

function toValues(m: { [key: string]: unknown }): Record<string, string> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}
