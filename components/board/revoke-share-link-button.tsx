'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { revokeShareLinkAction } from '@/lib/actions/share-links';
import { FormMessage } from '@/components/ui/form-message';

export function RevokeShareLinkButton({ slug, linkId, label }: { slug: string; linkId: string; label: string }) {
  const t = useTranslations('sharing');
  const [state, action, pending] = useActionState(revokeShareLinkAction.bind(null, slug), null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="linkId" value={linkId} />
      <button type="submit" className="btn-secondary py-1" disabled={pending} aria-label={t('revokeNamed', { label })}>{t('revoke')}</button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
