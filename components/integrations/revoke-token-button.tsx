'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { revokeApiTokenAction } from '@/lib/actions/api-tokens';
import { FormMessage } from '@/components/ui/form-message';

export function RevokeTokenButton({ slug, tokenId, name }: { slug: string; tokenId: string; name: string }) {
  const t = useTranslations('apiTokens');
  const [state, action, pending] = useActionState(revokeApiTokenAction.bind(null, slug), null);
  return (
    <form
      action={action}
      className="flex items-center gap-2"
      onSubmit={(event) => {
        if (!window.confirm(t('revokeConfirm', { name }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" className="btn-danger py-1" disabled={pending} aria-label={`${t('revoke')}: ${name}`}>{t('revoke')}</button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
