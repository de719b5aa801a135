'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { deleteBoardPackAction } from '@/lib/actions/board-packs';
import { FormMessage } from '@/components/ui/form-message';

/** Owners only (the page decides); asks before deleting for good. */
export function DeleteBoardPackButton({ slug, id }: { slug: string; id: string }) {
  const t = useTranslations('boardPacks.details');
  const [state, action, pending] = useActionState(deleteBoardPackAction.bind(null, slug, id), null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t('deleteConfirm'))) event.preventDefault();
      }}
      className="space-y-2"
    >
      <button type="submit" className="btn-danger" disabled={pending}>
        {t('delete')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
