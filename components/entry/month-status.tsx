'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { closeMonthAction, reopenMonthAction } from '@/lib/actions/entries/months';
import { FormMessage } from '@/components/ui/form-message';
import { keepValues } from './keep-values';

/** Close (editors and owners) or reopen with a reason (owners only). */
export function MonthStatusControls({ slug, month, status, canClose, canReopen }: { slug: string; month: string; status: 'DRAFT' | 'CLOSED'; canClose: boolean; canReopen: boolean }) {
  const t = useTranslations('monthEntry');
  const [closeState, close, closing] = useActionState(closeMonthAction.bind(null, slug, month), null);
  const [reopenState, reopen, reopening] = useActionState(reopenMonthAction.bind(null, slug, month), null);
  const reasonError = reopenState && !reopenState.ok ? reopenState.errors?.reason : undefined;
  if (status === 'DRAFT' && canClose) {
    return (
      <form action={close} className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-secondary" disabled={closing}>{t('close')}</button>
        <span className="text-xs text-slate-500">{t('closeHint')}</span>
        <FormMessage state={closeState} />
      </form>
    );
  }
  if (status === 'CLOSED' && canReopen) {
    return (
      <form onSubmit={keepValues(reopen)} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-64 flex-1">
          <label htmlFor="reopen-reason" className="field-label">{t('reopenReason')}</label>
          <input id="reopen-reason" name="reason" className="field-input" required aria-invalid={reasonError ? true : undefined} />
          {reasonError && <p className="field-error" role="alert">{reasonError.join(' ')}</p>}
        </div>
        <button type="submit" className="btn-secondary" disabled={reopening}>{t('reopen')}</button>
        {reopenState && !reasonError ? <FormMessage state={reopenState} /> : null}
      </form>
    );
  }
  return null;
}
