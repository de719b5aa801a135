'use client';

import { useActionState, useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveChurnEventAction, saveDealAction, saveSaveAction, type EventKind } from '@/lib/actions/entries/events';
import { EntryField as Field } from './entry-field';
import { FormMessage } from '@/components/ui/form-message';
import { keepValues } from './keep-values';
import { AccountPicker, type Choice } from './account-picker';

/** A churn event, a save or a deal as its form shows it (strings, as typed or as stored). */
export type EventValues = {
  id?: string; accountId?: string; csmId?: string | null; date?: string;
  kind?: 'FULL' | 'CONTRACTION'; arrLost?: string; reason?: string | null;
  arrSaved?: string; playbook?: string | null;
  type?: 'UPSELL' | 'CROSS_SELL' | 'USAGE_GROWTH'; arrAdded?: string; attribution?: 'CS_SOURCED' | 'CS_INFLUENCED' | 'NOT_CS'; attributionPct?: string;
};

const ACTIONS = { churn: saveChurnEventAction, save: saveSaveAction, deal: saveDealAction };

export function EventForm({ slug, month, kind, initial, accounts, csms, defaultPct, onDone }: {
  slug: string; month: string; kind: EventKind; initial?: EventValues; accounts: Choice[]; csms: Choice[]; defaultPct: string; onDone: () => void;
}) {
  const t = useTranslations('eventEntry');
  const tEntry = useTranslations('entry');
  const [state, action, pending] = useActionState(ACTIONS[kind].bind(null, slug, month, initial?.id ?? null), null);
  const [attribution, setAttribution] = useState(initial?.attribution ?? 'CS_INFLUENCED');
  const errors = state && !state.ok ? state.errors : undefined;
  const prefix = `${kind}-${initial?.id ?? 'new'}`;
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  return (
    <form onSubmit={keepValues(action)} noValidate className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" aria-label={t(kind === 'churn' ? 'addChurn' : kind === 'save' ? 'addSave' : 'addDeal')}>
      <div className="grid gap-3 sm:grid-cols-3">
        <AccountPicker idPrefix={prefix} accounts={accounts} defaultAccountId={initial?.accountId} errors={errors?.accountId} nameErrors={errors?.newAccountName} />
        <Field label={t('date')} name="date" id={`${prefix}-date`} type="date" min={`${month}-01`} defaultValue={initial?.date ?? `${month}-01`} errors={errors?.date} />
        <div>
          <label htmlFor={`${prefix}-csm`} className="field-label">{t('csm')}</label>
          <select id={`${prefix}-csm`} name="csmId" className="field-input" defaultValue={initial?.csmId ?? ''}>
            <option value="">{tEntry('noCsm')}</option>
            {csms.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
          {errors?.csmId && <p className="field-error" role="alert">{errors.csmId.join(' ')}</p>}
        </div>
        {kind === 'churn' && (
          <>
            <div>
              <label htmlFor={`${prefix}-kind`} className="field-label">{t('kind')}</label>
              <select id={`${prefix}-kind`} name="kind" className="field-input" defaultValue={initial?.kind ?? 'FULL'}>
                <option value="FULL">{t('FULL')}</option>
                <option value="CONTRACTION">{t('CONTRACTION')}</option>
              </select>
            </div>
            <Field label={t('arrLost')} name="arrLost" id={`${prefix}-arrLost`} inputMode="decimal" defaultValue={initial?.arrLost ?? ''} errors={errors?.arrLost} />
            <Field label={t('reason')} name="reason" id={`${prefix}-reason`} defaultValue={initial?.reason ?? ''} errors={errors?.reason} />
          </>
        )}
        {kind === 'save' && (
          <>
            <Field label={t('arrSaved')} name="arrSaved" id={`${prefix}-arrSaved`} inputMode="decimal" defaultValue={initial?.arrSaved ?? ''} errors={errors?.arrSaved} />
            <Field label={t('playbook')} name="playbook" id={`${prefix}-playbook`} defaultValue={initial?.playbook ?? ''} errors={errors?.playbook} />
          </>
        )}
        {kind === 'deal' && (
          <>
            <div>
              <label htmlFor={`${prefix}-type`} className="field-label">{t('type')}</label>
              <select id={`${prefix}-type`} name="type" className="field-input" defaultValue={initial?.type ?? 'UPSELL'}>
                {(['UPSELL', 'CROSS_SELL', 'USAGE_GROWTH'] as const).map((v) => <option key={v} value={v}>{t(v)}</option>)}
              </select>
            </div>
            <Field label={t('arrAdded')} name="arrAdded" id={`${prefix}-arrAdded`} inputMode="decimal" defaultValue={initial?.arrAdded ?? ''} errors={errors?.arrAdded} />
            <fieldset className="sm:col-span-3">
              <legend className="field-label">{t('attribution')}</legend>
              <div className="mt-1 flex flex-wrap items-center gap-4">
                {(['CS_SOURCED', 'CS_INFLUENCED', 'NOT_CS'] as const).map((v) => (
                  <label key={v} className="flex items-center gap-1.5 text-sm">
                    <input type="radio" name="attribution" value={v} checked={attribution === v} onChange={() => setAttribution(v)} />
                    {t(v)}
                  </label>
                ))}
                {attribution === 'CS_INFLUENCED' && (
                  <span className="flex items-center gap-2">
                    <label htmlFor={`${prefix}-pct`} className="text-sm">{t('attributionPct')}</label>
                    <input id={`${prefix}-pct`} name="attributionPct" inputMode="decimal" className="field-input mt-0 w-20" defaultValue={initial?.attribution === 'CS_INFLUENCED' ? initial.attributionPct : defaultPct} />
                    <span className="text-xs text-slate-500">{t('attributionDefault', { pct: defaultPct })}</span>
                  </span>
                )}
              </div>
              {errors?.attributionPct && <p className="field-error" role="alert">{errors.attributionPct.join(' ')}</p>}
            </fieldset>
          </>
        )}
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>{tEntry('save')}</button>
        <button type="button" className="btn-secondary" onClick={onDone}>{tEntry('cancel')}</button>
        {state && !state.ok && <FormMessage state={state} />}
      </div>
    </form>
  );
}
