import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { listDeals } from '@/lib/data/deals';
import { formatDate, formatMoney, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';

export default async function DealsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/deals`);
  const [{ rows, total }, t, locale] = await Promise.all([listDeals(access.caller, slug), getTranslations('deals'), getLocale() as Promise<Locale>]);
  type Row = (typeof rows)[number];
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <DataTable<Row>
        caption={t('title')}
        empty={t('empty')}
        rows={rows}
        rowKey={(d) => d.id}
        columns={[
          { header: t('date'), cell: (d) => formatDate(d.date, locale) },
          { header: t('account'), cell: (d) => <span className="font-medium">{d.account.name}</span> },
          { header: t('type'), cell: (d) => t(d.type) },
          { header: t('arr'), numeric: true, cell: (d) => formatMoney(d.arrAdded.toString(), access.organization.currency, locale) },
          { header: t('attribution'), cell: (d) => (d.attribution === 'CS_INFLUENCED' ? t('CS_INFLUENCED', { pct: formatPercent(d.attributionPct.toString(), locale) }) : t(d.attribution)) },
          { header: t('csm'), cell: (d) => d.csm?.name ?? '—' },
        ]}
      />
      {total > rows.length && <p className="mt-3 text-sm text-slate-500">{t('showing', { shown: rows.length, total })}</p>}
    </>
  );
}
