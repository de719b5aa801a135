'use client';

import { useActionState, useEffect, useRef } from 'react';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { signUpAction } from '@/lib/actions/auth';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

/** Sign-up; with an invitation token it joins that organisation instead of creating one. */
export function SignUpForm({ invitationToken, invitedEmail }: { invitationToken?: string; invitedEmail?: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [state, action, pending] = useActionState(signUpAction, null);
  const password = useRef('');
  const email = useRef(invitedEmail ?? '');

  useEffect(() => {
    if (state?.ok && state.data) {
      const slug = state.data.slug;
      void signIn('credentials', { email: email.current, password: password.current, redirect: false }).then(() => {
        router.replace(`/orgs/${slug}`);
        router.refresh();
      });
    }
  }, [state, router]);

  const errors = state && !state.ok ? state.errors : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {invitationToken && <input type="hidden" name="invitationToken" value={invitationToken} />}
      <Field label={t('name')} name="name" autoComplete="name" required errors={errors?.name} />
      <Field
        label={t('email')} name="email" type="email" autoComplete="email" required errors={errors?.email}
        defaultValue={invitedEmail} readOnly={Boolean(invitedEmail)}
        onChange={(e) => { email.current = e.target.value; }}
      />
      <Field
        label={t('password')} name="password" type="password" autoComplete="new-password" required hint={t('passwordHint')} errors={errors?.password}
        onChange={(e) => { password.current = e.target.value; }}
      />
      {!invitationToken && <Field label={t('organizationName')} name="organizationName" hint={t('organizationHint')} errors={errors?.organizationName} />}
      {state && !state.ok && !errors ? <FormMessage state={state} /> : null}
      <button type="submit" className="btn-primary w-full" disabled={pending || Boolean(state?.ok)}>{pending || state?.ok ? t('creating') : t('signUp')}</button>
    </form>
  );
}
