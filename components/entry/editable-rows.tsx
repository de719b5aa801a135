'use client';

import { useCallback, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { deleteAccountAction, deleteCsmAction } from '@/lib/actions/entries/accounts';
import type { EntryState } from '@/lib/actions/entries/outcome';
import type { AccountRow } from '@/lib/data/entries/accounts';
import type { CsmRow } from '@/lib/data/entries/csms';
import type { Choice } from './account-picker';
import { AccountForm } from './account-form';
import { CsmForm } from './csm-form';
import { DeleteButton } from './delete-button';

type Props<T> = { slug: string; headers: { label: string; numeric?: boolean }[]; rows: (T & { cells: ReactNode[] })[]; canEdit: boolean; caption: string; addLabel: string };

/** Accounts or CSMs: a table whose rows turn into their edit form, plus an add form on top. */
function EditableRows<T extends { id: string; name: string }>({ headers, rows, canEdit, caption, addLabel, form, remove }: Props<T> & {
  form: (row: T | undefined, done: () => void) => ReactNode;
  remove: (id: string) => (prev: EntryState, formData: FormData) => Promise<EntryState>;
}) {
  const t = useTranslations('entry');
  const [editing, setEditing] = useState<string | null>(null);
  const done = useCallback(() => setEditing(null), []);
  return (
    <div className="space-y-3">
      {canEdit && (editing === 'new' ? form(undefined, done) : <button type="button" className="btn-primary" onClick={() => setEditing('new')}>{addLabel}</button>)}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              {headers.map((h) => <th key={h.label} scope="col" className={`px-4 py-2 font-medium ${h.numeric ? 'text-right' : 'text-left'}`}>{h.label}</th>)}
              {canEdit && <th scope="col" className="px-4 py-2 text-right font-medium">{t('actions')}</th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) =>
              editing === row.id ? (
                <tr key={row.id}><td colSpan={headers.length + 1} className="p-2">{form(row, done)}</td></tr>
              ) : (
                <tr key={row.id} className="hover:bg-slate-50">
                  {row.cells.map((cell, i) => <td key={i} className={`px-4 py-2 ${headers[i]?.numeric ? 'text-right tabular-nums' : ''}`}>{cell}</td>)}
                  {canEdit && (
                    <td className="space-x-3 whitespace-nowrap px-4 py-2 text-right">
                      <button type="button" className="text-sm text-indigo-700 hover:underline" onClick={() => setEditing(row.id)} aria-label={`${t('edit')} ${row.name}`}>{t('edit')}</button>
                      <DeleteButton action={remove(row.id)} label={`${t('delete')} ${row.name}`} />
                    </td>
                  )}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function AccountRows(props: Props<AccountRow> & { csms: Choice[] }) {
  const { csms, ...rest } = props;
  return (
    <EditableRows<AccountRow>
      {...rest}
      form={(row, done) => <AccountForm slug={props.slug} account={row} csms={csms} onDone={done} />}
      remove={(id) => deleteAccountAction.bind(null, props.slug, id)}
    />
  );
}

export function CsmRows(props: Props<CsmRow>) {
  return (
    <EditableRows<CsmRow>
      {...props}
      form={(row, done) => <CsmForm slug={props.slug} csm={row} onDone={done} />}
      remove={(id) => deleteCsmAction.bind(null, props.slug, id)}
    />
  );
}
