'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { EntryState } from '@/lib/actions/entries/outcome';

/** A delete button that asks first and shows why a deletion was refused (closed month, …). */
export function DeleteButton({ action, label }: { action: (prev: EntryState, formData: FormData) => Promise<EntryState>; label: string }) {
  const t = useTranslations('entry');
  const [state, run, pending] = useActionState(action, null);
  return (
    <form action={run} onSubmit={(e) => { if (!window.confirm(t('confirmDelete'))) e.preventDefault(); }} className="inline">
      <button type="submit" className="text-sm text-red-700 hover:underline disabled:opacity-50" disabled={pending} aria-label={label}>{t('delete')}</button>
      {state && !state.ok && <span role="alert" className="ml-2 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
