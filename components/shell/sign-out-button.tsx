'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('nav');
  return (
    <button type="button" className="text-sm font-medium text-slate-600 hover:text-slate-900" onClick={() => void signOut({ callbackUrl: '/sign-in' })}>
      {t('signOut')}
    </button>
  );
}
