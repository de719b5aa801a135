'use client';

import { useCallback, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { deleteEventAction, type EventKind } from '@/lib/actions/entries/events';
import type { Choice } from './account-picker';
import { DeleteButton } from './delete-button';
import { EventForm, type EventValues } from './event-form';

export type EventRowView = EventValues & { id: string; accountName: string; csmName: string | null; cells: ReactNode[] };

/** One month's churn events, saves or deals: a table, and add / edit / delete for editors. */
export function EventSection({ slug, month, kind, title, empty, addLabel, headers, rows, accounts, csms, defaultPct, canEdit }: {
  slug: string; month: string; kind: EventKind; title: string; empty: string; addLabel: string; headers: string[];
  rows: EventRowView[]; accounts: Choice[]; csms: Choice[]; defaultPct: string; canEdit: boolean;
}) {
  const t = useTranslations('entry');
  const [editing, setEditing] = useState<string | null>(null);
  const done = useCallback(() => setEditing(null), []);
  const form = (initial?: EventValues) => (
    <EventForm slug={slug} month={month} kind={kind} initial={initial} accounts={accounts} csms={csms} defaultPct={defaultPct} onDone={done} />
  );
  return (
    <section className="space-y-3" aria-labelledby={`${kind}-title`} data-testid={`events-${kind}`}>
      <div className="flex items-center justify-between">
        <h2 id={`${kind}-title`} className="text-lg font-semibold text-slate-900">{title}</h2>
        {canEdit && editing !== 'new' && <button type="button" className="btn-secondary" onClick={() => setEditing('new')}>{addLabel}</button>}
      </div>
      {editing === 'new' && form()}
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-center text-sm text-slate-600">{empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {headers.map((h, i) => <th key={h} scope="col" className={`px-3 py-2 font-medium ${i === 3 ? 'text-right' : 'text-left'}`}>{h}</th>)}
                {canEdit && <th scope="col" className="px-3 py-2 text-right font-medium">{t('actions')}</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) =>
                editing === row.id ? (
                  <tr key={row.id}><td colSpan={headers.length + 1} className="p-2">{form(row)}</td></tr>
                ) : (
                  <tr key={row.id}>
                    {row.cells.map((cell, i) => <td key={i} className={`px-3 py-2 ${i === 3 ? 'text-right tabular-nums' : ''}`}>{cell}</td>)}
                    {canEdit && (
                      <td className="space-x-3 whitespace-nowrap px-3 py-2 text-right">
                        <button type="button" className="text-sm text-indigo-700 hover:underline" onClick={() => setEditing(row.id)}>{t('edit')}</button>
                        <DeleteButton action={deleteEventAction.bind(null, slug, month, kind, row.id)} label={`${t('delete')} ${row.accountName}`} />
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
