import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { isUuid } from '@/lib/data/entries/shared';
import { deleteEventAction } from '@/lib/actions/entries/events';
import { roleAtLeast } from '@/lib/data/roles';
import { listDealsPage, type DealRow } from '@/lib/data/entries/deals';
import { closedMonths } from '@/lib/data/entries/months';
import { formatDate, formatMoney, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { DeleteButton } from '@/components/entry/delete-button';

export default async function DealsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const cursor = query.cursor && isUuid(query.cursor) ? query.cursor : undefined;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/deals`);
  const [page, closed, t, tEntry, locale] = await Promise.all([listDealsPage(access.caller, slug, { limit: 100, cursor }), closedMonths(access.caller, slug), getTranslations('deals'), getTranslations('entry'), getLocale() as Promise<Locale>]);
  const canEdit = roleAtLeast(access.role, 'EDITOR');
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      {canEdit && <p className="mb-3 text-sm text-slate-600">{t('monthHint')}</p>}
      <DataTable<DealRow>
        caption={t('title')}
        empty={t('empty')}
        rows={page.rows}
        rowKey={(d) => d.id}
        columns={[
          { header: t('date'), cell: (d) => formatDate(new Date(`${d.date}T00:00:00Z`), locale) },
          { header: t('account'), cell: (d) => <span className="font-medium">{d.accountName}</span> },
          { header: t('type'), cell: (d) => t(d.type) },
          { header: t('arr'), numeric: true, cell: (d) => formatMoney(d.arrAdded, access.organization.currency, locale, { decimals: 0 }) },
          { header: t('attribution'), cell: (d) => (d.attribution === 'CS_INFLUENCED' ? t('CS_INFLUENCED', { pct: formatPercent(d.attributionPct, locale, 2) }) : t(d.attribution)) },
          { header: t('csm'), cell: (d) => d.csmName ?? '—' },
          {
            header: tEntry('actions'),
            cell: (d) => (
              <span className="space-x-3 whitespace-nowrap">
                <Link href={`/orgs/${slug}/months/${d.month}`} className="text-sm text-indigo-700 hover:underline">{t('openMonth')}</Link>
                {canEdit && !closed.has(d.month) && <DeleteButton action={deleteEventAction.bind(null, slug, d.month, 'deal', d.id)} label={`${tEntry('delete')} ${d.accountName}`} />}
              </span>
            ),
          },
        ]}
      />
      <div className="mt-3 flex gap-4 text-sm">
        {cursor && <Link href={`/orgs/${slug}/deals`} className="text-indigo-700 hover:underline">{t('newest')}</Link>}
        {page.nextCursor && <Link href={`/orgs/${slug}/deals?cursor=${page.nextCursor}`} className="text-indigo-700 hover:underline">{t('older')}</Link>}
      </div>
    </>
  );
}
