import { getTranslations } from 'next-intl/server';
import type { ShareLinkSummary } from '@/lib/data/share-links';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { RevokeSnapshotLinkButton } from './revoke-snapshot-link-button';
import { SnapshotShareForm } from './snapshot-share-form';

/** The snapshot page's sharing panel (owners): new board link, and the links already given. */
export async function SnapshotShareLinks({ slug, id, links, locale }: { slug: string; id: string; links: ShareLinkSummary[]; locale: Locale }) {
  const [t, tPack] = await Promise.all([getTranslations('sharing'), getTranslations('boardPacks.share')]);
  const stateTone = { active: 'bg-emerald-100 text-emerald-800', expired: 'bg-amber-100 text-amber-900', revoked: 'bg-slate-200 text-slate-700' } as const;
  return (
    <section aria-labelledby="snapshot-share" className="card mb-6 space-y-4">
      <div>
        <h2 id="snapshot-share" className="text-base font-semibold text-slate-900">{tPack('title')}</h2>
        <p className="text-sm text-slate-600">{tPack('intro')}</p>
      </div>
      <SnapshotShareForm slug={slug} id={id} />
      {links.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full text-sm" data-testid="snapshot-share-links">
            <caption className="sr-only">{t('links')}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {[t('label'), t('status'), t('expires'), t('views'), t('lastViewed'), ''].map((h, i) => (
                  <th key={i} scope="col" className="px-4 py-2 text-left font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {links.map((link) => (
                <tr key={link.id}>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                    {link.label}
                    {link.hasPassword && <span className="ml-2 whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t('passwordProtected')}</span>}
                  </th>
                  <td className="px-4 py-2"><span className={`rounded-full px-2 py-0.5 text-xs font-medium ${stateTone[link.state]}`}>{t(`state.${link.state}`)}</span></td>
                  <td className="px-4 py-2 text-slate-600">{link.expiresAt ? formatDate(link.expiresAt, locale) : t('never')}</td>
                  <td className="px-4 py-2 tabular-nums">{link.viewCount}</td>
                  <td className="px-4 py-2 text-slate-600">{link.lastViewedAt ? formatDateTime(link.lastViewedAt, locale) : '—'}</td>
                  <td className="px-4 py-2 text-right">{link.state !== 'revoked' && <RevokeSnapshotLinkButton slug={slug} id={id} linkId={link.id} label={link.label} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
