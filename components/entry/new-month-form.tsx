'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';

/** Opens a month's form: a month picker, defaulting to the month after the latest one logged. */
export function NewMonthForm({ slug, suggested }: { slug: string; suggested: string }) {
  const t = useTranslations('months');
  const router = useRouter();
  const [month, setMonth] = useState(suggested);
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      onSubmit={(e) => { e.preventDefault(); if (/^\d{4}-\d{2}$/.test(month)) router.push(`/orgs/${slug}/months/${month}`); }}
    >
      <div>
        <label htmlFor="new-month" className="field-label">{t('logMonth')}</label>
        <input id="new-month" type="month" className="field-input" value={month} onChange={(e) => setMonth(e.target.value)} required />
      </div>
      <button type="submit" className="btn-primary">{t('open')}</button>
    </form>
  );
}
