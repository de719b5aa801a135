'use client';

import { useActionState, useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { saveAccountAction } from '@/lib/actions/entries/accounts';
import type { AccountRow } from '@/lib/data/entries/accounts';
import { EntryField as Field } from './entry-field';
import { FormMessage } from '@/components/ui/form-message';
import { keepValues } from './keep-values';
import type { Choice } from './account-picker';

/** Create (no `account`) or edit an account: cohort (start date), MRR, segment, owning CSM, churn date. */
export function AccountForm({ slug, account, csms, onDone }: { slug: string; account?: AccountRow; csms: Choice[]; onDone?: () => void }) {
  const t = useTranslations('accounts');
  const tEntry = useTranslations('entry');
  const [state, action, pending] = useActionState(saveAccountAction.bind(null, slug, account?.id ?? null), null);
  const errors = state && !state.ok ? state.errors : undefined;
  const p = `account-${account?.id ?? 'new'}`;
  useEffect(() => {
    if (state?.ok) onDone?.();
  }, [state, onDone]);
  return (
    <form onSubmit={keepValues(action)} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={account ? t('edit') : t('add')}>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('name')} name="name" id={`${p}-name`} defaultValue={account?.name ?? ''} errors={errors?.name} />
        <Field label={t('segment')} name="segment" id={`${p}-segment`} defaultValue={account?.segment ?? ''} errors={errors?.segment} />
        <div>
          <label htmlFor={`${p}-csm`} className="field-label">{t('csm')}</label>
          <select id={`${p}-csm`} name="csmId" className="field-input" defaultValue={account?.csmId ?? ''}>
            <option value="">{t('csmNone')}</option>
            {csms.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
          {errors?.csmId && <p className="field-error" role="alert">{errors.csmId.join(' ')}</p>}
        </div>
        <Field label={t('startDate')} name="startDate" id={`${p}-start`} type="date" defaultValue={account?.startDate ?? ''} errors={errors?.startDate} />
        <Field label={t('mrr')} name="mrr" id={`${p}-mrr`} inputMode="decimal" defaultValue={account?.mrr ?? ''} errors={errors?.mrr} />
        <Field label={t('churnDate')} name="churnDate" id={`${p}-churn`} type="date" defaultValue={account?.churnDate ?? ''} errors={errors?.churnDate} />
        <Field label={tEntry('externalId')} name="externalId" id={`${p}-ext`} defaultValue={account?.externalId ?? ''} errors={errors?.externalId} hint={tEntry('externalIdHint')} />
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>{tEntry('save')}</button>
        {onDone && <button type="button" className="btn-secondary" onClick={onDone}>{tEntry('cancel')}</button>}
        <FormMessage state={state} />
      </div>
    </form>
  );
}
