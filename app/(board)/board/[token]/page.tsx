import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { BOARD_PROOF_COOKIE, isUnlocked, openShareLink, openSnapshotShareLink, grantForShareLink } from '@/lib/data/share-links';
import { getSharedSnapshot } from '@/lib/data/snapshots';
import { isLocale, DEFAULT_LOCALE } from '@/lib/i18n/locales';
import { buildScope } from '@/lib/data/dashboard-data';
import type { SearchParams } from '@/lib/dashboard/period';
import { DashboardSections, DashboardToolbar, periodLabel } from '@/components/dashboard/dashboard-view';
import { BoardPasswordForm } from '@/components/board/board-password-form';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';
import { SharedSnapshotView } from '@/components/board/shared-snapshot-view';

// The token is in the URL: keep it out of search engines and out of Referer headers.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'no-referrer' };

/**
 * The read-only board: the live dashboard of the link's organisation, or one frozen board pack for
 * a snapshot link; nothing else. Unknown, revoked and expired links are 404; a password-protected
 * link first asks for its password. Views are counted, and whole pages cached, by the proxy
 * (lib/board-cache/serve-board.ts).
 */
export default async function BoardPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  const { token } = await params;
  const dashboardLink = await openShareLink(token);
  const snapshotLink = dashboardLink ? null : await openSnapshotShareLink(token);
  const link = dashboardLink ?? snapshotLink;
  if (!link) notFound();
  const [t, locale, query] = await Promise.all([getTranslations('sharing.board'), getLocale(), searchParams]);

  if (link.passwordProtected && !(await isUnlocked(token, (await cookies()).get(BOARD_PROOF_COOKIE)?.value))) {
    return (
      <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
        <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <p className="text-lg font-semibold text-indigo-700">Tenure</p>
          <h1 className="mt-2 text-xl font-semibold text-slate-900">{t(snapshotLink ? 'snapshotPasswordTitle' : 'passwordTitle', { organization: link.organization.name })}</h1>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t('passwordIntro')}</p>
          <BoardPasswordForm token={token} snapshot={snapshotLink !== null} />
        </div>
      </main>
    );
  }

  const header = (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <span className="text-lg font-semibold text-indigo-700">Tenure</span>
        <span aria-hidden className="text-slate-300">/</span>
        <span className="font-medium text-slate-900" data-testid="board-organization">{link.organization.name}</span>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{t('readOnly')}</span>
        <div className="ml-auto">
          <LocaleSwitcher current={locale} />
        </div>
      </div>
    </header>
  );

  if (!dashboardLink) {
    if (!snapshotLink) notFound();
    const snapshot = await getSharedSnapshot(snapshotLink);
    if (!snapshot) notFound();
    return (
      <div className="min-h-screen">
        {header}
        <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
          <SharedSnapshotView token={token} organization={link.organization.name} snapshot={snapshot} locale={isLocale(locale) ? locale : DEFAULT_LOCALE} />
        </main>
      </div>
    );
  }

  const scope = await buildScope(grantForShareLink(dashboardLink), query, `/board/${token}`);
  return (
    <div className="min-h-screen">
      {header}
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        <h1 className="mb-6 text-2xl font-semibold text-slate-900">
          {t('title', { organization: link.organization.name, period: periodLabel(scope.view.period.from, scope.view.period.to, locale === 'fr' ? 'fr' : 'en') })}
        </h1>
        <DashboardToolbar scope={scope} />
        <DashboardSections scope={scope} />
        <p className="mt-8 text-center text-xs text-slate-500">{t('footer')}</p>
      </main>
    </div>
  );
}
