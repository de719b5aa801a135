import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { LocaleSwitcher } from '@/components/shell/locale-switcher';
import { ClientMessages } from '@/components/i18n/client-messages';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <span className="text-lg font-semibold text-indigo-700">Tenure</span>
        <LocaleSwitcher current={await getLocale()} />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-8 sm:pt-16">
        <div className="w-full max-w-md">
          <p className="mb-6 text-center text-sm text-slate-600">{t('tagline')}</p>
          <ClientMessages>{children}</ClientMessages>
        </div>
      </main>
    </div>
  );
}
