import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { listShareLinks } from '@/lib/data/share-links';
import { formatDate, formatDateTime } from '@/lib/format';
import { isLocale, DEFAULT_LOCALE } from '@/lib/i18n/locales';
import { PageHeader } from '@/components/ui/page-header';
import { ShareLinkForm } from '@/components/board/share-link-form';
import { RevokeShareLinkButton } from '@/components/board/revoke-share-link-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('sharing'))('title') };
}

/** Owners create, follow and revoke the read-only board links of their organisation. */
export default async function SharingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'OWNER', `/orgs/${slug}/sharing`);
  const [links, t, rawLocale] = await Promise.all([listShareLinks(access.caller, slug), getTranslations('sharing'), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const stateTone = { active: 'bg-emerald-100 text-emerald-800', expired: 'bg-amber-100 text-amber-900', revoked: 'bg-slate-200 text-slate-700' } as const;
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <section aria-labelledby="new-link" className="mb-8 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="new-link" className="mb-4 text-base font-semibold text-slate-900">{t('newLink')}</h2>
        <ShareLinkForm slug={slug} />
      </section>
      <section aria-labelledby="links">
        <h2 id="links" className="mb-3 text-base font-semibold text-slate-900">{t('links')}</h2>
        {links.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t('none')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm" data-testid="share-links">
              <caption className="sr-only">{t('links')}</caption>
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  {[t('label'), t('status'), t('shows'), t('expires'), t('views'), t('lastViewed'), ''].map((h, i) => (
                    <th key={i} scope="col" className="px-4 py-2 text-left font-medium">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {links.map((link) => (
                  <tr key={link.id} data-testid={`share-link-${link.label}`}>
                    <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                      {link.label}
                      {link.hasPassword && <span className="ml-2 whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t('passwordProtected')}</span>}
                    </th>
                    <td className="px-4 py-2"><span className={`rounded-full px-2 py-0.5 text-xs font-medium ${stateTone[link.state]}`}>{t(`state.${link.state}`)}</span></td>
                    <td className="px-4 py-2 text-slate-600">
                      {[link.includeLeaderboard ? t('withLeaderboard') : t('withoutLeaderboard'), link.includeDrafts ? t('withDrafts') : t('closedOnly')].join(' · ')}
                    </td>
                    <td className="px-4 py-2 text-slate-600">{link.expiresAt ? formatDate(link.expiresAt, locale) : t('never')}</td>
                    <td className="px-4 py-2 tabular-nums">{link.viewCount}</td>
                    <td className="px-4 py-2 text-slate-600">{link.lastViewedAt ? formatDateTime(link.lastViewedAt, locale) : '—'}</td>
                    <td className="px-4 py-2 text-right">{link.state !== 'revoked' && <RevokeShareLinkButton slug={slug} linkId={link.id} label={link.label} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
