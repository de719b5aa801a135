import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getCaller } from '@/lib/auth/caller';
import { describeInvitation } from '@/lib/data/invitations';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { AcceptInvitationButton } from '@/components/auth/accept-invitation-button';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';
import { SignOutButton } from '@/components/shell/sign-out-button';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, caller, t, tRoles, tAuth] = await Promise.all([
    describeInvitation(token),
    getCaller(),
    getTranslations('invite'),
    getTranslations('roles'),
    getTranslations('auth'),
  ]);
  const organization = invitation.organizationName ?? '';
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <span className="text-lg font-semibold text-indigo-700">Tenure</span>
        <LocaleSwitcher current={await getLocale()} />
      </header>
      <main className="mx-auto w-full max-w-md px-4 pb-16 pt-8">
        <div className="card space-y-5">
          {invitation.state !== 'valid' ? (
            <p role="alert" className="text-slate-700">{t(invitation.state)}</p>
          ) : (
            <>
              <h1 className="text-xl font-semibold text-slate-900">{t('title', { organization })}</h1>
              <p className="text-slate-600">{t('body', { email: invitation.email ?? '', organization, role: tRoles(invitation.role ?? 'VIEWER') })}</p>
              {caller ? (
                <div className="space-y-3">
                  <p className="text-sm text-slate-500">{t('signedInAs', { email: caller.email })}</p>
                  {caller.email === invitation.email ? <AcceptInvitationButton token={token} label={t('accept', { organization })} /> : (
                    <><p role="alert" className="text-sm text-red-800">{t('wrongEmail')}</p><SignOutButton /></>
                  )}
                </div>
              ) : (
                <>
                  <h2 className="text-sm font-semibold text-slate-900">{t('signUpToAccept')}</h2>
                  <SignUpForm invitationToken={token} invitedEmail={invitation.email} />
                  <Link className="block text-sm font-medium text-indigo-700 hover:underline" href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>
                    {t('signInToAccept')}
                  </Link>
                  <p className="sr-only">{tAuth('haveAccount')}</p>
                </>
              )}
            </>
          )}
        </div>
      </main>
    </div>
  );
}
