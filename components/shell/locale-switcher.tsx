'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { setLocaleAction } from '@/lib/actions/locale';

export function LocaleSwitcher({ current }: { current: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      <span className="sr-only">{t('common.language')}</span>
      <select
        aria-label={t('common.language')}
        className="rounded-md border-slate-300 py-1 pl-2 pr-8 text-sm"
        value={current}
        disabled={pending}
        onChange={(e) => {
          const locale = e.target.value;
          startTransition(async () => {
            await setLocaleAction(locale);
            router.refresh();
          });
        }}
      >
        <option value="en">{t('locale.en')}</option>
        <option value="fr">{t('locale.fr')}</option>
      </select>
    </label>
  );
}
