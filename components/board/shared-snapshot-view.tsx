import { getTranslations } from 'next-intl/server';
import type { SharedSnapshot } from '@/lib/data/snapshots';
import { formatDate, formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { SnapshotFigures } from '@/components/boardpack/snapshot-figures';

/** A frozen board pack seen through a board link: its stored figures and its stored PDF, read-only. */
export async function SharedSnapshotView({ token, organization, snapshot, locale }: { token: string; organization: string; snapshot: SharedSnapshot; locale: Locale }) {
  const t = await getTranslations('sharing.board');
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold text-slate-900" data-testid="shared-snapshot-title">
        {t('snapshotTitle', { organization, title: snapshot.title })}
      </h1>
      <p className="mb-6 text-sm text-slate-600">{t('snapshotIntro', { date: formatDate(snapshot.createdAt, locale) })}</p>
      <p className="mb-6">
        <a href={`/board/${token}/pdf`} download className="btn-primary" data-testid="shared-snapshot-download">
          {t('download')} ({formatNumber(Math.round(snapshot.pdfBytes / 1024), locale, 0)} KB)
        </a>
      </p>
      <SnapshotFigures figures={snapshot.figures} locale={locale} />
      <p className="mt-8 text-center text-xs text-slate-500">{t('snapshotFooter')}</p>
    </>
  );
}
