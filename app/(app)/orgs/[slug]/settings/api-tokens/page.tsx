import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { listApiTokens } from '@/lib/data/api-tokens';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { PageHeader } from '@/components/ui/page-header';
import { CreateTokenForm } from '@/components/integrations/create-token-form';
import { RevokeTokenButton } from '@/components/integrations/revoke-token-button';

export default async function ApiTokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'OWNER', `/orgs/${slug}/settings/api-tokens`);
  const [tokens, t, locale] = await Promise.all([listApiTokens(access.caller, slug), getTranslations('apiTokens'), getLocale() as Promise<Locale>]);
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} intro={t('intro')} />
      <section className="card space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">{t('newTitle')}</h2>
        <p className="text-sm text-slate-600">{t('scopeHelp')}</p>
        <CreateTokenForm slug={slug} />
      </section>
      <section className="card">
        <h2 className="text-lg font-semibold text-slate-900">{t('listTitle')}</h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t('none')}</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">{t('name')}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t('token')}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t('scope')}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t('createdAt')}</th>
                  <th scope="col" className="py-2 pr-4 font-medium">{t('lastUsed')}</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">{t('actions')}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.map((token) => (
                  <tr key={token.id} data-testid={`api-token-${token.name}`} className={token.revokedAt ? 'text-slate-400' : ''}>
                    <td className="py-3 pr-4 font-medium">{token.name}</td>
                    <td className="py-3 pr-4 font-mono text-xs">{token.tokenPrefix}…</td>
                    <td className="py-3 pr-4">{t(`scope${token.scope}`)}</td>
                    <td className="py-3 pr-4">{formatDateTime(token.createdAt, locale)}</td>
                    <td className="py-3 pr-4">{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('neverUsed')}</td>
                    <td className="py-3">
                      {token.revokedAt ? <span>{t('revokedOn', { date: formatDateTime(token.revokedAt, locale) })}</span> : <RevokeTokenButton slug={slug} tokenId={token.id} name={token.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="text-sm"><Link className="text-indigo-700 underline" href={`/orgs/${slug}/settings/api-docs`}>{t('docsLink')}</Link></p>
    </div>
  );
}
