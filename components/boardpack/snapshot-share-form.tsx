'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createSnapshotShareLinkAction } from '@/lib/actions/board-packs';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

/** Owners: a board link to this snapshot; the link (with its token) is shown this once only. */
export function SnapshotShareForm({ slug, id }: { slug: string; id: string }) {
  const t = useTranslations('sharing');
  const tPack = useTranslations('boardPacks.share');
  const tCommon = useTranslations('common');
  const [state, action, pending] = useActionState(createSnapshotShareLinkAction.bind(null, slug, id), null);
  const [copied, setCopied] = useState(false);
  const errors = state && !state.ok ? state.errors : undefined;
  const link = state?.ok ? state.data?.link : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-4 sm:grid-cols-3" noValidate>
        <Field label={t('label')} name="label" required maxLength={100} placeholder={tPack('labelPlaceholder')} errors={errors?.label} />
        <Field label={t('expiresOn')} name="expiresOn" type="date" hint={t('expiresHint')} errors={errors?.expiresOn} />
        <Field label={t('password')} name="password" type="password" autoComplete="new-password" hint={t('passwordHint')} errors={errors?.password} />
        <div className="sm:col-span-3">
          <button type="submit" className="btn-primary" disabled={pending} data-testid="share-board-pack">{tPack('create')}</button>
        </div>
      </form>
      {state && !state.ok && !errors ? <FormMessage state={state} /> : null}
      {link && (
        <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm" role="status">
          <p className="text-emerald-900">{t('created')}</p>
          <div className="mt-2 flex gap-2">
            <input readOnly value={link} aria-label={t('linkLabel')} data-testid="snapshot-share-link-url" className="field-input mt-0 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn-secondary" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
              {copied ? tCommon('copied') : tCommon('copy')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
