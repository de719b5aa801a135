'use client';

import { useActionState, useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { saveCsmAction } from '@/lib/actions/entries/accounts';
import type { CsmRow } from '@/lib/data/entries/csms';
import { EntryField as Field } from './entry-field';
import { FormMessage } from '@/components/ui/form-message';
import { keepValues } from './keep-values';

export function CsmForm({ slug, csm, onDone }: { slug: string; csm?: CsmRow; onDone?: () => void }) {
  const t = useTranslations('team');
  const tEntry = useTranslations('entry');
  const [state, action, pending] = useActionState(saveCsmAction.bind(null, slug, csm?.id ?? null), null);
  const errors = state && !state.ok ? state.errors : undefined;
  const p = `csm-${csm?.id ?? 'new'}`;
  useEffect(() => {
    if (state?.ok) onDone?.();
  }, [state, onDone]);
  return (
    <form onSubmit={keepValues(action)} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={csm ? t('edit') : t('add')}>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('name')} name="name" id={`${p}-name`} defaultValue={csm?.name ?? ''} errors={errors?.name} />
        <Field label={t('email')} name="email" id={`${p}-email`} type="email" defaultValue={csm?.email ?? ''} errors={errors?.email} />
        <Field label={tEntry('externalId')} name="externalId" id={`${p}-ext`} defaultValue={csm?.externalId ?? ''} errors={errors?.externalId} />
        <Field label={t('startDate')} name="startDate" id={`${p}-start`} type="date" defaultValue={csm?.startDate ?? ''} errors={errors?.startDate} />
        <Field label={t('endDate')} name="endDate" id={`${p}-end`} type="date" defaultValue={csm?.endDate ?? ''} errors={errors?.endDate} />
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>{tEntry('save')}</button>
        {onDone && <button type="button" className="btn-secondary" onClick={onDone}>{tEntry('cancel')}</button>}
        <FormMessage state={state} />
      </div>
    </form>
  );
}
