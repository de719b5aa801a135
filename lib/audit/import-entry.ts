/**
 * A bulk import records one audit entry per month it touches (accounts and CSMs: one per import),
 * not one per row: 100 000 rows made 100 000 entries, a quarter of the import's database time.
 * The entry keeps every row's values before and after, compactly — column names once, then one
 * array per row, our id first:
 *   after:  { columns, created, updated, rows: [[id, ...values]] }   updated rows first, then created
 *   before: { columns, rows: [[id, ...values]] }                     the updated rows, same order
 * Pure (no server-only): the audit log and the month's history render it, tests expand it.
 */
export type AuditView = Record<string, string | null>;
export type ImportAuditBody = { columns: string[]; rows: (string | null)[][]; created?: number; updated?: number };
/** One row of an import entry, as a per-row entry would have recorded it. */
export type ImportAuditRow = { id: string; before: AuditView | null; after: AuditView };

/** Actions of grouped import entries end with this suffix (`deal.import`, `account.import`, …). */
export const IMPORT_ACTION_SUFFIX = '.import';

export function isImportAudit(action: string, after: unknown): after is ImportAuditBody {
  if (!action.endsWith(IMPORT_ACTION_SUFFIX) || typeof after !== 'object' || after === null) return false;
  const body = after as Partial<ImportAuditBody>;
  return Array.isArray(body.columns) && Array.isArray(body.rows);
}

function view(columns: string[], row: (string | null)[]): AuditView {
  return Object.fromEntries(columns.map((c, i) => [c, row[i + 1] ?? null]));
}

/** The rows an import entry holds (all of them, or the first ones when the reader trimmed it). */
export function importAuditRows(before: unknown, after: ImportAuditBody): ImportAuditRow[] {
  const previous = (before as ImportAuditBody | null)?.rows ?? [];
  return after.rows.map((row, index) => ({
    id: String(row[0]),
    before: index < previous.length ? view((before as ImportAuditBody).columns, previous[index]!) : null,
    after: view(after.columns, row),
  }));
}

/** How many rows an entry covers, even when only the first ones were read. */
export function importAuditCounts(after: ImportAuditBody): { created: number; updated: number } {
  return { created: after.created ?? 0, updated: after.updated ?? 0 };
}
