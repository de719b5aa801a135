'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { revokeSnapshotShareLinkAction } from '@/lib/actions/board-packs';
import { FormMessage } from '@/components/ui/form-message';

export function RevokeSnapshotLinkButton({ slug, id, linkId, label }: { slug: string; id: string; linkId: string; label: string }) {
  const t = useTranslations('sharing');
  const [state, action, pending] = useActionState(revokeSnapshotShareLinkAction.bind(null, slug, id), null);
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="linkId" value={linkId} />
      <button type="submit" className="btn-secondary py-1" disabled={pending} aria-label={t('revokeNamed', { label })}>{t('revoke')}</button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
