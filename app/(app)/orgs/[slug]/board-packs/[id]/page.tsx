import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { changedMonthsSince, getSnapshot } from '@/lib/data/snapshots';
import { isAppError } from '@/lib/errors';
import { formatDateTime, formatMonth, formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { PageHeader } from '@/components/ui/page-header';
import { DeleteBoardPackButton } from '@/components/boardpack/delete-board-pack-button';
import { SnapshotFigures } from '@/components/boardpack/snapshot-figures';
import { SnapshotShareLinks } from '@/components/boardpack/snapshot-share-links';
import { listSnapshotShareLinks } from '@/lib/data/share-links';

export default async function BoardPackPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/board-packs/${id}`);
  const snapshot = await getSnapshot(access.caller, slug, id).catch((error: unknown) => {
    if (isAppError(error, 'NOT_FOUND')) notFound();
    throw error;
  });
  const owner = access.role === 'OWNER';
  const [changed, t, locale, links] = await Promise.all([
    changedMonthsSince(snapshot),
    getTranslations('boardPacks'),
    getLocale() as Promise<Locale>,
    owner ? listSnapshotShareLinks(access.caller, slug, snapshot.id) : Promise.resolve([]),
  ]);
  const period = `${formatMonth(snapshot.from, locale)} – ${formatMonth(snapshot.to, locale)}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/orgs/${slug}/board-packs`} className="text-indigo-700 hover:underline">← {t('details.back')}</Link>
      </p>
      <PageHeader title={snapshot.title} intro={period} />
      <div className="mb-6 flex flex-wrap items-start gap-3">
        <a href={`/api/orgs/${slug}/board-packs/${snapshot.id}/pdf`} className="btn-primary" data-testid="download-board-pack">{t('details.download')}</a>
        {owner ? <DeleteBoardPackButton slug={slug} id={snapshot.id} /> : null}
      </div>
      <p role="status" data-testid="changed-months" className={`mb-6 rounded-md px-4 py-3 text-sm ${changed.length ? 'bg-amber-50 text-amber-900' : 'bg-emerald-50 text-emerald-900'}`}>
        {changed.length ? t('details.changed', { months: changed.map((m) => formatMonth(m, locale, 'short')).join(', ') }) : t('details.unchanged')}
      </p>
      <dl className="card mb-6 grid gap-3 text-sm sm:grid-cols-[14rem_1fr]">
        <dt className="text-slate-500">{t('details.author')}</dt>
        <dd>{snapshot.author ?? t('details.unknownAuthor')}</dd>
        <dt className="text-slate-500">{t('details.createdAt')}</dt>
        <dd>{formatDateTime(snapshot.createdAt, locale)}</dd>
        <dt className="text-slate-500">{t('details.checksum')}</dt>
        <dd className="break-all font-mono text-xs" data-testid="board-pack-checksum">{snapshot.checksum}</dd>
        <dt className="text-slate-500">{t('details.size')}</dt>
        <dd>{formatNumber(Math.round(snapshot.pdfBytes / 1024), locale, 0)} KB</dd>
      </dl>
      {owner ? <SnapshotShareLinks slug={slug} id={snapshot.id} links={links} locale={locale} /> : null}
      <h2 className="mb-1 text-lg font-semibold text-slate-900">{t('details.figures')}</h2>
      <p className="mb-3 text-sm text-slate-600">{t('details.frozen')}</p>
      <SnapshotFigures figures={snapshot.figures} locale={locale} />
    </>
  );
}
