'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createApiTokenAction } from '@/lib/actions/api-tokens';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

/** Creates a token and shows it once, with a copy button and a warning that it will not be shown again. */
export function CreateTokenForm({ slug }: { slug: string }) {
  const t = useTranslations('apiTokens');
  const tCommon = useTranslations('common');
  const [state, action, pending] = useActionState(createApiTokenAction.bind(null, slug), null);
  const [copied, setCopied] = useState(false);
  const errors = state && !state.ok ? state.errors : undefined;
  const created = state?.ok ? state.data : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <Field label={t('name')} name="name" required maxLength={80} placeholder={t('namePlaceholder')} errors={errors?.name} />
        <div>
          <label htmlFor="token-scope" className="field-label">{t('scope')}</label>
          <select id="token-scope" name="scope" className="field-input" defaultValue="WRITE">
            <option value="WRITE">{t('scopeWRITE')}</option>
            <option value="READ">{t('scopeREAD')}</option>
          </select>
          {errors?.scope && <p className="field-error">{errors.scope.join(' ')}</p>}
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>{t('create')}</button>
      </form>
      {state && !state.ok && !errors ? <FormMessage state={state} /> : null}
      {created && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" role="status">
          <p className="font-medium text-amber-900">{t('showOnce', { name: created.name })}</p>
          <div className="mt-2 flex gap-2">
            <input readOnly value={created.token} aria-label={t('tokenValue')} data-testid="api-token-value" className="field-input mt-0 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn-secondary" onClick={() => void navigator.clipboard?.writeText(created.token).then(() => setCopied(true))}>
              {copied ? tCommon('copied') : tCommon('copy')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
