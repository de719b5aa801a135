import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { AuditEntryChanges } from './audit-entry-changes';

export type HistoryEntry = { id: string; createdAt: Date; actor: string; action: string; before: unknown; after: unknown; reason: string | null };

/** A month's own history, from the audit log. */
export function MonthHistory({ title, empty, entries, locale }: { title: string; empty: string; entries: HistoryEntry[]; locale: Locale }) {
  return (
    <section aria-labelledby="month-history" data-testid="month-history">
      <h2 id="month-history" className="mb-3 text-lg font-semibold text-slate-900">{title}</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {entries.map((e) => (
            <li key={e.id} className="px-4 py-2 text-sm">
              <div className="flex flex-wrap gap-x-3">
                <span className="text-slate-500">{formatDateTime(e.createdAt, locale)}</span>
                <span className="font-medium text-slate-900">{e.actor}</span>
                <code className="text-xs text-indigo-800">{e.action}</code>
                {e.reason && <span className="italic text-slate-700">“{e.reason}”</span>}
              </div>
              <AuditEntryChanges action={e.action} before={e.before} after={e.after} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
