'use client';

import { useActionState } from 'react';
import { acceptInvitationAction } from '@/lib/actions/invitations';
import { FormMessage } from '@/components/ui/form-message';

export function AcceptInvitationButton({ token, label }: { token: string; label: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, token), null);
  return (
    <form action={action} className="space-y-3">
      <button type="submit" className="btn-primary w-full" disabled={pending}>{label}</button>
      <FormMessage state={state} />
    </form>
  );
}
