'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createShareLinkAction } from '@/lib/actions/share-links';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

/** Creates a board link; the link (with its token) is shown this once only. */
export function ShareLinkForm({ slug }: { slug: string }) {
  const t = useTranslations('sharing');
  const tCommon = useTranslations('common');
  const [state, action, pending] = useActionState(createShareLinkAction.bind(null, slug), null);
  const [copied, setCopied] = useState(false);
  const errors = state && !state.ok ? state.errors : undefined;
  const link = state?.ok ? state.data?.link : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
        <Field label={t('label')} name="label" required maxLength={100} placeholder={t('labelPlaceholder')} errors={errors?.label} />
        <Field label={t('expiresOn')} name="expiresOn" type="date" hint={t('expiresHint')} errors={errors?.expiresOn} />
        <Field label={t('password')} name="password" type="password" autoComplete="new-password" hint={t('passwordHint')} errors={errors?.password} />
        <fieldset className="space-y-2 sm:pt-6">
          <legend className="sr-only">{t('options')}</legend>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="includeLeaderboard" className="rounded border-slate-300 text-indigo-600" />
            {t('includeLeaderboard')}
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="includeDrafts" defaultChecked className="rounded border-slate-300 text-indigo-600" />
            {t('includeDrafts')}
          </label>
        </fieldset>
        <div className="sm:col-span-2">
          <button type="submit" className="btn-primary" disabled={pending}>{t('create')}</button>
        </div>
      </form>
      {state && !state.ok && !errors ? <FormMessage state={state} /> : null}
      {link && (
        <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm" role="status">
          <p className="text-emerald-900">{t('created')}</p>
          <div className="mt-2 flex gap-2">
            <input readOnly value={link} aria-label={t('linkLabel')} data-testid="share-link-url" className="field-input mt-0 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn-secondary" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
              {copied ? tCommon('copied') : tCommon('copy')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
