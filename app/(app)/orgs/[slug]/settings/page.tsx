import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { listMembers } from '@/lib/data/memberships';
import { listPendingInvitations } from '@/lib/data/invitations';
import { env } from '@/lib/env';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { MemberRow } from '@/components/settings/member-row';
import { InviteForm } from '@/components/settings/invite-form';
import { RevokeInvitationButton } from '@/components/settings/revoke-invitation-button';
import { MethodSettingsForm } from '@/components/settings/method-settings-form';
import { readMethodSettings } from '@/lib/data/method-settings';
import { resolveBaseline } from '@/lib/data/metrics';
import { formatPercent } from '@/lib/format';

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/settings`);
  const isOwner = access.role === 'OWNER';
  const stored = await readMethodSettings(access.organization.id);
  const { updatedAt: _updatedAt, ...methodValues } = stored;
  const baseline = await resolveBaseline(access.organization.id, stored);
  const [members, invitations, t, tRoles, tMethod, locale] = await Promise.all([
    listMembers(access.caller, slug),
    isOwner ? listPendingInvitations(access.caller, slug) : Promise.resolve([]),
    getTranslations('settings'),
    getTranslations('roles'),
    getTranslations('method'),
    getLocale() as Promise<Locale>,
  ]);
  const tNav = await getTranslations('nav');
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <nav aria-label={t('title')} className="flex flex-wrap gap-2 text-sm">
          {isOwner && <Link className="btn-secondary" href={`/orgs/${slug}/settings/api-tokens`}>{tNav('apiTokens')}</Link>}
          {isOwner && <Link className="btn-secondary" href={`/orgs/${slug}/audit`}>{tNav('auditLog')}</Link>}
          <Link className="btn-secondary" href={`/orgs/${slug}/settings/api-docs`}>{tNav('apiDocs')}</Link>
        </nav>
      </div>

      <section className="card">
        <h2 className="text-lg font-semibold text-slate-900">{t('organizationTitle')}</h2>
        <dl className="mt-3 grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-500">{t('organizationTitle')}</dt><dd className="font-medium">{access.organization.name}</dd></div>
          <div><dt className="text-slate-500">{t('slug')}</dt><dd className="font-mono">/orgs/{access.organization.slug}</dd></div>
          <div><dt className="text-slate-500">{t('currency')}</dt><dd>{access.organization.currency}</dd></div>
        </dl>
      </section>

      <section className="card" aria-labelledby="method-title">
        <h2 id="method-title" className="text-lg font-semibold text-slate-900">{tMethod('title')}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{tMethod('intro')}{isOwner ? '' : ` ${tMethod('readOnly')}`}</p>
        <MethodSettingsForm slug={slug} values={methodValues} canEdit={isOwner} resolvedBaseline={formatPercent(baseline.pct.toDecimalPlaces(2).toString(), locale, 2)} />
      </section>

      <section className="card">
        <h2 className="text-lg font-semibold text-slate-900">{t('membersTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('membersIntro')}</p>
        <div className="mt-4 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">{t('member')}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t('role')}</th>
                <th scope="col" className="py-2 pr-4 font-medium">{t('since')}</th>
                {isOwner && <th scope="col" className="py-2 font-medium">{t('actions')}</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => (
                <MemberRow
                  key={m.membershipId}
                  slug={slug}
                  member={{ ...m, since: formatDate(m.since, locale), roleLabel: tRoles(m.role) }}
                  organizationName={access.organization.name}
                  isSelf={m.userId === access.caller.userId}
                  canManage={isOwner}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {isOwner && (
        <section className="card flex flex-wrap items-center justify-between gap-4">
          <div>
            <h2 className="text-lg font-semibold text-slate-900">{t('exportTitle')}</h2>
            <p className="mt-1 max-w-2xl text-sm text-slate-600">{t('exportBody')}</p>
          </div>
          <a className="btn-secondary" href={`/api/orgs/${slug}/export.zip`} download>{t('exportButton')}</a>
        </section>
      )}

      {isOwner && (
        <section className="card space-y-4">
          <div>
            <h2 className="text-lg font-semibold text-slate-900">{t('inviteTitle')}</h2>
            <p className="mt-1 text-sm text-slate-600">{t('inviteIntro', { days: env().TENURE_INVITATION_TTL_DAYS })}</p>
          </div>
          <InviteForm slug={slug} />
          <div>
            <h3 className="text-sm font-semibold text-slate-900">{t('pendingTitle')}</h3>
            {invitations.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500">{t('pendingNone')}</p>
            ) : (
              <ul className="mt-2 divide-y divide-slate-100 text-sm">
                {invitations.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span><span className="font-medium">{i.email}</span> · {tRoles(i.role)} · {t('expires')} {formatDate(i.expiresAt, locale)}</span>
                    <RevokeInvitationButton slug={slug} invitationId={i.id} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
