import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { roleAtLeast } from '@/lib/data/roles';
import { defaultPackPeriod, listSnapshots } from '@/lib/data/snapshots';
import { formatDateTime, formatMonth } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { CreateBoardPackForm } from '@/components/boardpack/create-board-pack-form';

export default async function BoardPacksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/board-packs`);
  const [snapshots, period, t, locale] = await Promise.all([
    listSnapshots(access.caller, slug),
    defaultPackPeriod(access.organization.id),
    getTranslations('boardPacks'),
    getLocale() as Promise<Locale>,
  ]);
  type Row = (typeof snapshots)[number];
  const livePdf = `/api/orgs/${slug}/board-pack.pdf?from=${period.from}&to=${period.to}`;
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <section className="mb-8 space-y-3">
        {roleAtLeast(access.role, 'EDITOR') ? (
          <CreateBoardPackForm slug={slug} from={period.from} to={period.to} canIncludeLeaderboard={access.role === 'OWNER'} />
        ) : (
          <p className="text-sm text-slate-600">{t('editorsOnly')}</p>
        )}
        <p className="text-sm">
          <a href={livePdf} className="text-indigo-700 underline hover:text-indigo-900" data-testid="live-board-pack">
            {t('livePdf')}
          </a>
        </p>
      </section>
      <DataTable<Row>
        caption={t('title')}
        empty={t('empty')}
        rows={snapshots}
        rowKey={(s) => s.id}
        columns={[
          { header: t('columns.title'), cell: (s) => <Link href={`/orgs/${slug}/board-packs/${s.id}`} className="font-medium text-indigo-700 hover:underline">{s.title}</Link> },
          { header: t('columns.period'), cell: (s) => `${formatMonth(s.from, locale, 'short')} – ${formatMonth(s.to, locale, 'short')}` },
          { header: t('columns.language'), cell: (s) => s.locale.toUpperCase() },
          { header: t('columns.author'), cell: (s) => s.author ?? t('details.unknownAuthor') },
          { header: t('columns.createdAt'), cell: (s) => formatDateTime(s.createdAt, locale) },
        ]}
      />
    </>
  );
}
