import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { listAccounts } from '@/lib/data/accounts';
import { formatDate, formatMoney } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';

export default async function AccountsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/accounts`);
  const [{ rows, total }, t, locale] = await Promise.all([listAccounts(access.caller, slug), getTranslations('accounts'), getLocale() as Promise<Locale>]);
  type Row = (typeof rows)[number];
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <DataTable<Row>
        caption={t('title')}
        empty={t('empty')}
        rows={rows}
        rowKey={(a) => a.id}
        columns={[
          { header: t('name'), cell: (a) => <span className="font-medium">{a.name}</span> },
          { header: t('segment'), cell: (a) => a.segment ?? '—' },
          { header: t('csm'), cell: (a) => a.csm?.name ?? '—' },
          { header: t('startDate'), cell: (a) => formatDate(a.startDate, locale) },
          { header: t('mrr'), numeric: true, cell: (a) => formatMoney(a.mrr.toString(), access.organization.currency, locale) },
          { header: t('churnDate'), cell: (a) => (a.churnDate ? formatDate(a.churnDate, locale) : '—') },
        ]}
      />
      {total > rows.length && <p className="mt-3 text-sm text-slate-500">{t('showing', { shown: rows.length, total })}</p>}
    </>
  );
}
