'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('common');
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t('errorTitle')}</h1>
      <p className="mt-3 text-slate-600">{t('errorBody')}</p>
      <button type="button" onClick={reset} className="btn-primary mt-8">{t('retry')}</button>
    </main>
  );
}
