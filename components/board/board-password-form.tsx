'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { unlockBoardAction } from '@/lib/actions/share-links';
import { FormMessage } from '@/components/ui/form-message';

/** The password step of a protected share link; a snapshot link opens a board pack, not the dashboard. */
export function BoardPasswordForm({ token, snapshot = false }: { token: string; snapshot?: boolean }) {
  const t = useTranslations('sharing.board');
  const [state, action, pending] = useActionState(unlockBoardAction.bind(null, token), null);
  return (
    <form action={action} className="space-y-4">
      <div>
        <label htmlFor="board-password" className="field-label">{t('password')}</label>
        <input id="board-password" name="password" type="password" required autoComplete="current-password" className="field-input" autoFocus />
      </div>
      <FormMessage state={state} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>{t(snapshot ? 'openSnapshot' : 'open')}</button>
    </form>
  );
}
