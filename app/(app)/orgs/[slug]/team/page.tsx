import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { listCsms } from '@/lib/data/csms';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/team`);
  const [csms, t, locale] = await Promise.all([listCsms(access.caller, slug), getTranslations('team'), getLocale() as Promise<Locale>]);
  type Row = (typeof csms)[number];
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <DataTable<Row>
        caption={t('title')}
        empty={t('empty')}
        rows={csms}
        rowKey={(c) => c.id}
        columns={[
          { header: t('name'), cell: (c) => <span className="font-medium">{c.name}</span> },
          { header: t('email'), cell: (c) => c.email ?? '—' },
          { header: t('startDate'), cell: (c) => formatDate(c.startDate, locale) },
          { header: t('endDate'), cell: (c) => (c.endDate ? formatDate(c.endDate, locale) : '—') },
          { header: t('accounts'), numeric: true, cell: (c) => c._count.accounts },
        ]}
      />
    </>
  );
}
