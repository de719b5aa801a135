'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { updateMethodSettingsAction } from '@/lib/actions/method-settings';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { StoredMethodSettings } from '@/lib/data/method-settings';

type Values = Omit<StoredMethodSettings, 'updatedAt'>;

/** The organisation's ROI method; owners edit it, everyone else reads it. */
export function MethodSettingsForm({ slug, values, canEdit, resolvedBaseline }: { slug: string; values: Values; canEdit: boolean; resolvedBaseline: string }) {
  const t = useTranslations('method');
  const [state, action, pending] = useActionState(updateMethodSettingsAction.bind(null, slug), null);
  const errors = state && !state.ok ? state.errors : undefined;
  return (
    <form action={action} className="space-y-6" noValidate>
      <fieldset disabled={!canEdit || pending} className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="baselineMode" className="field-label">{t('baselineMode')}</label>
            <select id="baselineMode" name="baselineMode" className="field-input" defaultValue={values.baselineMode}>
              <option value="MANUAL">{t('baselineManual')}</option>
              <option value="REFERENCE_PERIOD">{t('baselineReference')}</option>
            </select>
            <p className="mt-1 text-xs text-slate-500">{t('baselineResolved', { pct: resolvedBaseline })}</p>
          </div>
          <Field label={t('baselinePct')} name="baselineAnnualChurnPct" inputMode="decimal" defaultValue={values.baselineAnnualChurnPct} errors={errors?.baselineAnnualChurnPct} hint={t('baselinePctHint')} />
          <Field label={t('referenceFrom')} name="baselineReferenceFrom" type="month" defaultValue={values.baselineReferenceFrom ?? ''} errors={errors?.baselineReferenceFrom} />
          <Field label={t('referenceTo')} name="baselineReferenceTo" type="month" defaultValue={values.baselineReferenceTo ?? ''} errors={errors?.baselineReferenceTo} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="indirectCostMode" className="field-label">{t('indirectMode')}</label>
            <select id="indirectCostMode" name="indirectCostMode" className="field-input" defaultValue={values.indirectCostMode}>
              <option value="COEFFICIENT">{t('indirectCoefficient')}</option>
              <option value="ITEMISED">{t('indirectItemised')}</option>
            </select>
          </div>
          <Field label={t('coefficient')} name="indirectCostCoefficient" inputMode="decimal" defaultValue={values.indirectCostCoefficient} errors={errors?.indirectCostCoefficient} hint={t('coefficientHint')} />
          <Field label={t('grossMargin')} name="grossMarginPct" inputMode="decimal" defaultValue={values.grossMarginPct} errors={errors?.grossMarginPct} />
          <Field label={t('averageCac')} name="averageCac" inputMode="decimal" defaultValue={values.averageCac} errors={errors?.averageCac} />
          <Field label={t('influencedPct')} name="influencedAttributionPct" inputMode="decimal" defaultValue={values.influencedAttributionPct} errors={errors?.influencedAttributionPct} hint={t('influencedHint')} />
          <div>
            <label htmlFor="sameMonthChurnRule" className="field-label">{t('sameMonthRule')}</label>
            <select id="sameMonthChurnRule" name="sameMonthChurnRule" className="field-input" defaultValue={values.sameMonthChurnRule}>
              <option value="EXCLUDE">{t('sameMonthExclude')}</option>
              <option value="COUNT">{t('sameMonthCount')}</option>
            </select>
          </div>
        </div>
        <fieldset>
          <legend className="field-label">{t('gainsCounted')}</legend>
          <div className="mt-2 flex flex-wrap gap-6 text-sm">
            {(['countChurnAvoided', 'countExpansion', 'countCacSaved'] as const).map((name) => (
              <label key={name} className="flex items-center gap-2">
                <input type="checkbox" name={name} defaultChecked={values[name]} className="rounded border-slate-300 text-indigo-600" />
                {t(name)}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
      <FormMessage state={state} />
      {canEdit && <button type="submit" className="btn-primary" disabled={pending}>{t('save')}</button>}
    </form>
  );
}
