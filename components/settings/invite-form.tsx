'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { createInvitationAction } from '@/lib/actions/invitations';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

export function InviteForm({ slug }: { slug: string }) {
  const t = useTranslations('settings');
  const tAuth = useTranslations('auth');
  const tRoles = useTranslations('roles');
  const tCommon = useTranslations('common');
  const [state, action, pending] = useActionState(createInvitationAction.bind(null, slug), null);
  const [copied, setCopied] = useState(false);
  const errors = state && !state.ok ? state.errors : undefined;
  const link = state?.ok ? state.data?.link : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
        <Field label={tAuth('email')} name="email" type="email" required errors={errors?.email} />
        <div>
          <label htmlFor="invite-role" className="field-label">{t('role')}</label>
          <select id="invite-role" name="role" className="field-input" defaultValue="VIEWER">
            {(['VIEWER', 'EDITOR', 'OWNER'] as const).map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
          </select>
          {errors?.role && <p className="field-error">{errors.role.join(' ')}</p>}
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>{t('invite')}</button>
      </form>
      {state && !state.ok && !errors ? <FormMessage state={state} /> : null}
      {link && (
        <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="text-emerald-900">{t('inviteCreated')}</p>
          <div className="mt-2 flex gap-2">
            <input readOnly value={link} aria-label="Invitation link" data-testid="invitation-link" className="field-input mt-0 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn-secondary" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
              {copied ? tCommon('copied') : tCommon('copy')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
