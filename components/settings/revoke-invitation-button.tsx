'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { revokeInvitationAction } from '@/lib/actions/invitations';
import { FormMessage } from '@/components/ui/form-message';

export function RevokeInvitationButton({ slug, invitationId }: { slug: string; invitationId: string }) {
  const t = useTranslations('settings');
  const [state, action, pending] = useActionState(revokeInvitationAction.bind(null, slug), null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" className="btn-secondary py-1" disabled={pending}>{t('revoke')}</button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
