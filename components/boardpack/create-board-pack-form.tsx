'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createBoardPackAction } from '@/lib/actions/board-packs';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';

/** Period pickers and the leaderboard choice (owners only); shows progress while the PDF renders. */
export function CreateBoardPackForm({ slug, from, to, canIncludeLeaderboard }: { slug: string; from: string; to: string; canIncludeLeaderboard: boolean }) {
  const t = useTranslations('boardPacks');
  const [state, action, pending] = useActionState(createBoardPackAction.bind(null, slug), null);
  const errors = state && !state.ok ? state.errors : undefined;
  return (
    <form action={action} className="card space-y-4" noValidate aria-busy={pending}>
      <div className="grid gap-4 sm:grid-cols-[12rem_12rem_1fr] sm:items-end">
        <Field label={t('from')} name="from" type="month" defaultValue={from} required errors={errors?.from} />
        <Field label={t('to')} name="to" type="month" defaultValue={to} required errors={errors?.to} />
        {canIncludeLeaderboard ? (
          <label className="flex items-center gap-2 text-sm text-slate-700 sm:pb-2">
            <input type="checkbox" name="includeLeaderboard" className="rounded border-slate-300" />
            {t('includeLeaderboard')}
          </label>
        ) : (
          <span />
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending} data-testid="create-board-pack">
          {t('create')}
        </button>
        {pending ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
            <span aria-hidden className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent" />
            {t('generating')}
          </p>
        ) : null}
      </div>
      {state && !state.ok && !errors ? <FormMessage state={state} /> : null}
    </form>
  );
}
