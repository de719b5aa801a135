'use client';

import { useActionState, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { saveMonthAction } from '@/lib/actions/entries/months';
import type { PreviewEventSums, PreviewSettings } from '@/lib/data/entries/month-preview';
import type { Locale } from '@/lib/i18n/locales';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { keepValues } from './keep-values';
import { MonthPreview, type FormValues } from './month-preview';

type Group = { title: string; hint: string; fields: { name: string; kind: 'money' | 'count' | 'decimal' | 'percent'; optional?: boolean }[] };

/**
 * The monthly report, grouped as the article groups it, with the live preview beside it. `version`
 * is the version the editor started from: a month changed meanwhile is refused, never overwritten.
 */
export function MonthForm({ slug, month, version, initial, readOnly, settings, sums, currency, locale }: {
  slug: string; month: string; version: number; initial: FormValues; readOnly: boolean;
  settings: PreviewSettings; sums: PreviewEventSums; currency: string; locale: Locale;
}) {
  const t = useTranslations('monthEntry');
  const [state, action, pending] = useActionState(saveMonthAction.bind(null, slug), null);
  const [values, setValues] = useState<FormValues>(initial);
  const errors = state && !state.ok ? state.errors : undefined;
  const conflict = state && !state.ok && 'conflict' in state ? state.conflict : undefined;
  const savedVersion = state?.ok ? state.data?.version : undefined;
  const currentVersion = Math.max(version, savedVersion ?? 0);
  const groups: Group[] = [
    {
      title: t('teamAndCosts'), hint: t('teamAndCostsHint'),
      fields: [
        { name: 'csmFte', kind: 'decimal' }, { name: 'loadedSalaries', kind: 'money' }, { name: 'toolsCost', kind: 'money' },
        { name: 'trainingCost', kind: 'money' }, { name: 'otherDirectCost', kind: 'money' }, { name: 'indirectManagementCost', kind: 'money' },
        { name: 'indirectInfrastructureCost', kind: 'money' }, { name: 'indirectRecruitingCost', kind: 'money' },
      ],
    },
    {
      title: t('portfolio'), hint: t('portfolioHint'),
      fields: [{ name: 'startArr', kind: 'money' }, { name: 'newBusinessArr', kind: 'money' }, { name: 'startCustomers', kind: 'count' }, { name: 'managedClients', kind: 'count' }],
    },
    {
      title: t('leadingIndicators'), hint: t('leadingIndicatorsHint'),
      fields: [{ name: 'avgHealthScore', kind: 'decimal', optional: true }, { name: 'timeToValueDays', kind: 'decimal', optional: true }, { name: 'featureAdoptionPct', kind: 'percent', optional: true }],
    },
  ];
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    setValues(Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)])));
  };
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <form onSubmit={keepValues(action)} onInput={onInput} noValidate className="space-y-6" aria-label={t('title', { month })}>
        <input type="hidden" name="month" value={month} />
        <input type="hidden" name="version" value={currentVersion} />
        <fieldset disabled={readOnly} className="space-y-6 [&_input:disabled]:bg-slate-50 [&_input:disabled]:text-slate-700 [&_textarea:disabled]:bg-slate-50">
          {groups.map((group) => (
            <section key={group.title} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-base font-semibold text-slate-900">{group.title}</h2>
              <p className="mb-3 text-sm text-slate-500">
                {group.hint}
                {group.fields.some((f) => f.name.startsWith('indirect')) && (
                  <> {settings.indirectCostMode === 'COEFFICIENT' ? t('indirectHintCoefficient', { coefficient: settings.indirectCostCoefficient }) : t('indirectHintItemised')}</>
                )}
              </p>
              <div className="grid gap-3 sm:grid-cols-2">
                {group.fields.map((f) => (
                  <Field
                    key={f.name}
                    label={t(f.name)}
                    name={f.name}
                    inputMode={f.kind === 'count' ? 'numeric' : 'decimal'}
                    autoComplete="off"
                    defaultValue={initial[f.name] ?? ''}
                    errors={errors?.[f.name]}
                    required={!f.optional}
                    hint={f.kind === 'money' && f.name === 'loadedSalaries' ? t('numberHint') : undefined}
                  />
                ))}
              </div>
            </section>
          ))}
          <section className="rounded-lg border border-slate-200 bg-white p-4">
            <label htmlFor="notes" className="field-label">{t('notes')}</label>
            <textarea id="notes" name="notes" rows={3} maxLength={5000} className="field-input" defaultValue={initial.notes ?? ''} />
            {errors?.notes && <p className="field-error">{errors.notes.join(' ')}</p>}
          </section>
          {!readOnly && (
            <div className="space-y-3">
              {conflict && (
                <div role="alert" data-testid="month-conflict" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  <span>{state && !state.ok ? state.message : ''}</span>
                  <button type="button" className="btn-secondary" onClick={() => window.location.reload()}>{t('reload')}</button>
                </div>
              )}
              {!conflict && <FormMessage state={state} />}
              <div className="flex items-center gap-3">
                <button type="submit" className="btn-primary" disabled={pending}>{pending ? '…' : t('save')}</button>
                <span className="text-xs text-slate-500">{t('version', { version: currentVersion })}</span>
              </div>
            </div>
          )}
        </fieldset>
      </form>
      <MonthPreview month={month} values={values} settings={settings} sums={sums} currency={currency} locale={locale} />
    </div>
  );
}
