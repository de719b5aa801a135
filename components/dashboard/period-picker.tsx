'use client';

import { useId, useState, useTransition } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';

type Option = { value: string; label: string };

export type PeriodPickerProps = {
  /** The URL value of the period, '' for the default. */
  period: string;
  compare: 'previous' | 'last-year';
  closedOnly: boolean;
  showClosedToggle: boolean;
  months: Option[];
  quarters: Option[];
  fiscalYears: Option[];
  range: { from: string; to: string };
};

/** Period, comparison and closed-months choices, written to the URL so a link reproduces the view. */
export function PeriodPicker(props: PeriodPickerProps) {
  const t = useTranslations('dashboard.period');
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const id = useId();
  const listed = [...props.months, ...props.quarters, ...props.fiscalYears].some((o) => o.value === props.period);
  const [custom, setCustom] = useState(props.period !== '' && !listed);
  const [from, setFrom] = useState(props.range.from);
  const [to, setTo] = useState(props.range.to);

  function go(changes: Record<string, string | null>) {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  const select = 'rounded-md border-slate-300 py-1.5 pl-2 pr-8 text-sm focus:border-indigo-500 focus:ring-indigo-500';
  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending} data-testid="period-picker">
      <div className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        <label htmlFor={`${id}-period`}>{t('period')}</label>
        <select
          id={`${id}-period`}
          className={select}
          value={custom ? 'custom' : props.period}
          onChange={(e) => {
            if (e.target.value === 'custom') return setCustom(true);
            setCustom(false);
            go({ period: e.target.value || null });
          }}
        >
          <option value="">{t('last12')}</option>
          <optgroup label={t('months')}>{props.months.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</optgroup>
          <optgroup label={t('quarters')}>{props.quarters.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</optgroup>
          <optgroup label={t('fiscalYears')}>{props.fiscalYears.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</optgroup>
          <option value="custom">{t('custom')}</option>
        </select>
      </div>
      {custom && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (from && to && from <= to) go({ period: `range:${from}..${to}` });
          }}
        >
          <div className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            <label htmlFor={`${id}-from`}>{t('from')}</label>
            <input id={`${id}-from`} type="month" required className={select} value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            <label htmlFor={`${id}-to`}>{t('to')}</label>
            <input id={`${id}-to`} type="month" required min={from} className={select} value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
          <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">{t('apply')}</button>
        </form>
      )}
      <div className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        <label htmlFor={`${id}-compare`}>{t('compare')}</label>
        <select id={`${id}-compare`} className={select} value={props.compare} onChange={(e) => go({ compare: e.target.value === 'last-year' ? 'last-year' : null })}>
          <option value="previous">{t('previous')}</option>
          <option value="last-year">{t('lastYear')}</option>
        </select>
      </div>
      {props.showClosedToggle && (
        <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
          <input type="checkbox" className="rounded border-slate-300 text-indigo-600" checked={props.closedOnly} onChange={(e) => go({ closed: e.target.checked ? '1' : null })} />
          {t('closedOnly')}
        </label>
      )}
    </div>
  );
}
