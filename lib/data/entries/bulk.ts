import 'server-only';
import type { PrincipalAccess } from '@/lib/data/access';
import { AppError } from '@/lib/errors';
import { monthKey } from '@/lib/months';
import { IMPORT_ACTION_SUFFIX, type AuditView } from '@/lib/audit/import-entry';
import { insertRows } from './bulk-sql';
import { isUuid, type Tx } from './shared';

/**
 * Rows per statement: enough to amortise the round trip and the statement-level triggers, few enough
 * that the driver's buffers stay small (10 000 rows a statement added ~250 MB to the peak RSS of a
 * 50 000-row import; 2 000 add ~100 MB, for the same time).
 */
export const BULK_BATCH = 2_000;

/** One row of a bulk write: the validated input and, optionally, our id of the row it updates. */
export type BulkRow<I> = { input: I; id?: string };
export type BulkResult = { created: number; updated: number; unchanged: number; ids: string[] };

export function chunks<T>(items: readonly T[], size = BULK_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An AppError that names the row (its index in the bulk call), so the import can show its line. */
export function rowError(error: AppError, index: number): AppError {
  return new AppError(error.code, error.message, { ...error.details, index });
}

type Ref = { id?: string; externalId?: string };
type RefTable = 'account' | 'csm';

/**
 * Our ids of the accounts or CSMs the rows reference (by id or external id), checked to belong to the
 * organisation: one query per batch of distinct references. Unknown references throw, naming the row.
 */
export async function resolveReferences(tx: Tx, organizationId: string, table: RefTable, refs: (Ref | null)[]): Promise<(string | null)[]> {
  const ids = [...new Set(refs.flatMap((r) => (r?.id && isUuid(r.id) ? [r.id.toLowerCase()] : [])))];
  const externalIds = [...new Set(refs.flatMap((r) => (r && !r.id && r.externalId ? [r.externalId] : [])))];
  const byId = new Set<string>();  // our ids, lower case as PostgreSQL prints them
  const byExternalId = new Map<string, string>();
  const find = (where: { organizationId: string; OR: ({ id: { in: string[] } } | { externalId: { in: string[] } })[] }) =>
    table === 'account' ? tx.account.findMany({ where, select: { id: true, externalId: true } }) : tx.csm.findMany({ where, select: { id: true, externalId: true } });
  for (const batch of chunks(ids)) for (const r of await find({ organizationId, OR: [{ id: { in: batch } }] })) byId.add(r.id);
  for (const batch of chunks(externalIds)) {
    for (const r of await find({ organizationId, OR: [{ externalId: { in: batch } }] })) if (r.externalId) byExternalId.set(r.externalId, r.id);
  }
  const unknown = table === 'account' ? 'unknownAccount' : 'unknownCsm';
  return refs.map((ref, index) => {
    if (!ref || (!ref.id && !ref.externalId)) {
      if (table === 'account') throw rowError(new AppError('INVALID', unknown, { field: 'accountId' }), index);
      return null;
    }
    const found = ref.id ? (byId.has(ref.id.toLowerCase()) ? ref.id.toLowerCase() : undefined) : byExternalId.get(ref.externalId!);
    if (!found) throw rowError(new AppError('INVALID', unknown, { field: `${table}${ref.id ? 'Id' : 'ExternalId'}` }), index);
    return found;
  });
}

/** The organisation's closed months, as 'YYYY-MM'. */
export async function closedMonthKeys(tx: Tx, organizationId: string): Promise<Set<string>> {
  const rows = await tx.monthlyReport.findMany({ where: { organizationId, status: 'CLOSED' }, select: { month: true } });
  return new Set(rows.map((r) => monthKey(r.month)));
}

/** Refuses a row touching a closed month (its old month or its new one), as the per-row upserts do. */
export function assertMonthsOpen(closed: Set<string>, months: (string | null | undefined)[], index: number): void {
  const month = months.find((m) => m && closed.has(m));
  if (month) throw rowError(new AppError('MONTH_CLOSED', 'monthClosed', { month }), index);
}

/** Two rows of one call naming the same stored row would overwrite each other: refused. */
export function assertDistinctTargets(keys: (string | null)[]): void {
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (key === null) return;
    if (seen.has(key)) throw rowError(new AppError('INVALID', 'duplicateRow', { field: 'externalId' }), index);
    seen.add(key);
  });
}

export type { AuditView } from '@/lib/audit/import-entry';

type MonthGroup = { updatedAfter: string[]; updatedBefore: string[]; created: string[] };

/**
 * The audit of one bulk import: one entry per month touched (accounts and CSMs: one entry), holding
 * every written row's values before and after (format in lib/audit/import-entry.ts). Rows are kept
 * as JSON text while the import runs, so 100 000 rows cost a few MB, not 100 000 objects.
 */
export class ImportAudit {
  private readonly months = new Map<string | null, MonthGroup>();

  constructor(private readonly entity: { action: string; entityType: string; columns: readonly string[] }) {}

  private group(month: string | null): MonthGroup {
    let group = this.months.get(month);
    if (!group) this.months.set(month, (group = { updatedAfter: [], updatedBefore: [], created: [] }));
    return group;
  }

  private row(id: string, values: AuditView): string {
    return JSON.stringify([id, ...this.entity.columns.map((c) => values[c] ?? null)]);
  }

  /** `month`: 'YYYY-MM-01' of the row's (new) date, or null for rows without one. */
  created(id: string, month: string | null, after: AuditView): void {
    this.group(month).created.push(this.row(id, after));
  }

  updated(id: string, month: string | null, before: AuditView, after: AuditView): void {
    const group = this.group(month);
    group.updatedAfter.push(this.row(id, after));
    group.updatedBefore.push(this.row(id, before));
  }

  /** Writes the entries inside the caller's transaction (a few per statement: each can be large). */
  async write(tx: Tx, access: PrincipalAccess): Promise<void> {
    const columns = JSON.stringify(this.entity.columns);
    const action = `${this.entity.action}${IMPORT_ACTION_SUFFIX}`;
    const entries = [...this.months].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')).map(([month, g]) => {
      const updated = g.updatedAfter.length;
      const after = `{"columns":${columns},"created":${g.created.length},"updated":${updated},"rows":[${[...g.updatedAfter, ...g.created].join(',')}]}`;
      const before = updated > 0 ? `{"columns":${columns},"rows":[${g.updatedBefore.join(',')}]}` : null;
      return [action, null, month, before, after];
    });
    this.months.clear();
    const actor = access.actor;
    for (const batch of chunks(entries, 8)) {
      await insertRows(tx, AUDIT, access.organization.id, batch, [actor.userId ?? null, actor.tokenId ?? null, actor.label, this.entity.entityType]);
    }
  }
}

const AUDIT = {
  table: 'AuditEntry',
  fixed: [{ name: 'actorUserId', type: 'uuid' }, { name: 'actorTokenId', type: 'uuid' }, { name: 'actorLabel', type: 'text' }, { name: 'entityType', type: 'text' }],
  columns: [{ name: 'action', type: 'text' }, { name: 'entityId', type: 'text' }, { name: 'month', type: 'date' }, { name: 'before', type: 'jsonb' }, { name: 'after', type: 'jsonb' }],
};
