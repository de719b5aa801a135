import 'server-only';
import type { PrincipalAccess } from '@/lib/data/access';
import { AppError } from '@/lib/errors';
import { monthKey } from '@/lib/months';
import { IMPORT_ACTION_SUFFIX, type AuditView } from '@/lib/audit/import-entry';
import { arrayLiteral } from './bulk-sql';
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

/** A column of an import's audit: its name in the table and in the audit view, and how it prints. */
export type AuditColumn = { name: string; decimal?: boolean; date?: boolean };
export type AuditEntity = { action: string; entityType: string; columns: readonly AuditColumn[]; byMonth: boolean };

const quoted = (name: string) => `"${name}"`;
/** A stored value as the audit views print it: dates as YYYY-MM-DD, decimals without trailing zeros. */
function printed(column: AuditColumn): string {
  const value = `t.${quoted(column.name)}`;
  if (column.decimal) return `trim_scale(${value})::text`;
  if (column.date) return `to_char(${value}, 'YYYY-MM-DD')`;
  return `${value}::text`;
}

/**
 * The audit of one bulk import: one entry per month touched (accounts and CSMs: one entry), holding
 * every written row's values before and after (format in lib/audit/import-entry.ts). The values
 * after are the rows as stored, read back in SQL when the entries are written; only the ids and the
 * updated rows' values before are kept meanwhile — a 100 000-row import never holds its audit.
 */
export class ImportAudit {
  private readonly ids: string[] = [];
  /** Per id written: the row's values before as JSON text, or '' for a created row. */
  private readonly before: string[] = [];

  constructor(private readonly entity: AuditEntity) {}

  created(id: string): void {
    this.ids.push(id);
    this.before.push('');
  }

  updated(id: string, before: AuditView): void {
    this.ids.push(id);
    this.before.push(JSON.stringify([id, ...this.entity.columns.map((c) => before[c.name] ?? null)]));
  }

  /** Writes the entries, inside the caller's transaction, after the rows themselves. */
  async write(tx: Tx, access: PrincipalAccess): Promise<void> {
    if (this.ids.length === 0) return;
    const { columns, entityType, byMonth } = this.entity;
    const actor = access.actor;
    const month = byMonth ? 't."month"' : 'NULL::date';
    const after = `jsonb_build_array(t."id"::text, ${columns.map(printed).join(', ')})`;
    // Updated rows first, each kind in the order written; `before` holds the updated rows, same order.
    // The values before travel joined by newlines (JSON.stringify never writes a raw one).
    await tx.$executeRawUnsafe(
      `WITH written AS (
         SELECT ${month} AS "month", w.ord, NULLIF(w.before, '') AS before, ${after} AS after
         FROM unnest($9::uuid[], string_to_array($10::text, E'\\n')) WITH ORDINALITY AS w(id, before, ord)
         JOIN ${quoted(entityType)} t ON t."id" = w.id AND t."organizationId" = $1::uuid
       )
       INSERT INTO "AuditEntry" ("organizationId", "actorUserId", "actorTokenId", "actorLabel", "entityType", "action", "month", "before", "after")
       SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::text, w."month",
              CASE WHEN bool_or(w.before IS NOT NULL) THEN ('{"columns":' || $7::text || ',"rows":[' || string_agg(w.before, ',' ORDER BY w.ord) FILTER (WHERE w.before IS NOT NULL) || ']}')::jsonb END,
              jsonb_build_object('columns', $8::jsonb, 'created', COUNT(*) FILTER (WHERE w.before IS NULL), 'updated', COUNT(*) FILTER (WHERE w.before IS NOT NULL),
                                 'rows', jsonb_agg(w.after ORDER BY w.before IS NULL, w.ord))
       FROM written w GROUP BY w."month" ORDER BY w."month" NULLS FIRST`,
      access.organization.id, actor.userId ?? null, actor.tokenId ?? null, actor.label, entityType,
      `${this.entity.action}${IMPORT_ACTION_SUFFIX}`, JSON.stringify(columns.map((c) => c.name)), JSON.stringify(columns.map((c) => c.name)),
      arrayLiteral(this.ids), this.before.join('\n'),
    );
    this.ids.length = 0;
    this.before.length = 0;
  }
}

/** The audits of an import written in several calls (a chunk at a time): one entry per month still. */
export class ImportAudits {
  private readonly byEntity = new Map<string, ImportAudit>();

  for(entity: AuditEntity): ImportAudit {
    let audit = this.byEntity.get(entity.action);
    if (!audit) this.byEntity.set(entity.action, (audit = new ImportAudit(entity)));
    return audit;
  }

  async write(tx: Tx, access: PrincipalAccess): Promise<void> {
    for (const audit of this.byEntity.values()) await audit.write(tx, access);
  }
}
