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

/**
 * The audit of one bulk import: one entry per month touched (accounts and CSMs: one entry), holding
 * every written row's values before and after (format in lib/audit/import-entry.ts). Each call of a
 * bulk write stages its rows in a temporary table of the transaction, and the entries are built from
 * it in SQL at the end: a 100 000-row import never holds its whole audit in memory.
 */
export class ImportAudit {
  private pending: (string | null)[][] = [];
  private staged = false;

  constructor(private readonly entity: { action: string; entityType: string; columns: readonly string[] }) {}

  private row(id: string, values: AuditView): string {
    return JSON.stringify([id, ...this.entity.columns.map((c) => values[c] ?? null)]);
  }

  /** `month`: 'YYYY-MM-01' of the row's (new) date, or null for rows without one. */
  created(id: string, month: string | null, after: AuditView): void {
    this.pending.push([month, 'f', this.row(id, after), null]);
  }

  updated(id: string, month: string | null, before: AuditView, after: AuditView): void {
    this.pending.push([month, 't', this.row(id, after), this.row(id, before)]);
  }

  /** Moves the rows recorded so far to the transaction's staging table. */
  async flush(tx: Tx): Promise<void> {
    if (this.pending.length === 0) return;
    if (!this.staged) await tx.$executeRawUnsafe(STAGING_TABLE);
    this.staged = true;
    const rows = this.pending;
    this.pending = [];
    for (const batch of chunks(rows)) {
      await tx.$executeRawUnsafe(
        `INSERT INTO tenure_import_audit ("entity", "month", "updated", "after", "before")
         SELECT $1::text, v.m::date, v.u::boolean, v.a, v.b FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS v(m, u, a, b)`,
        this.entity.action, ...[0, 1, 2, 3].map((i) => arrayLiteral(batch.map((r) => r[i]))),
      );
    }
  }

  /** Writes the entries from the staged rows, inside the caller's transaction. */
  async write(tx: Tx, access: PrincipalAccess): Promise<void> {
    await this.flush(tx);
    if (!this.staged) return;
    this.staged = false;
    const actor = access.actor;
    // Updated rows first, each kind in the order written; `before` holds the updated rows, same order.
    // Rows are staged as JSON text and joined as text: PostgreSQL parses each entry once.
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditEntry" ("organizationId", "actorUserId", "actorTokenId", "actorLabel", "entityType", "action", "month", "before", "after")
       SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::text, s."month",
              CASE WHEN bool_or(s."updated") THEN ('{"columns":' || $7::text || ',"rows":[' || string_agg(s."before", ',' ORDER BY s."seq") FILTER (WHERE s."updated") || ']}')::jsonb END,
              ('{"columns":' || $7::text || ',"created":' || COUNT(*) FILTER (WHERE NOT s."updated") || ',"updated":' || COUNT(*) FILTER (WHERE s."updated")
                || ',"rows":[' || string_agg(s."after", ',' ORDER BY s."updated" DESC, s."seq") || ']}')::jsonb
       FROM tenure_import_audit s WHERE s."entity" = $8::text
       GROUP BY s."month" ORDER BY s."month" NULLS FIRST`,
      access.organization.id, actor.userId ?? null, actor.tokenId ?? null, actor.label, this.entity.entityType,
      `${this.entity.action}${IMPORT_ACTION_SUFFIX}`, JSON.stringify(this.entity.columns), this.entity.action,
    );
    await tx.$executeRawUnsafe(`DELETE FROM tenure_import_audit WHERE "entity" = $1::text`, this.entity.action);
  }
}

/** The audits of an import written in several calls (a chunk at a time): one entry per month still. */
export class ImportAudits {
  private readonly byEntity = new Map<string, ImportAudit>();

  for(entity: { action: string; entityType: string; columns: readonly string[] }): ImportAudit {
    let audit = this.byEntity.get(entity.action);
    if (!audit) this.byEntity.set(entity.action, (audit = new ImportAudit(entity)));
    return audit;
  }

  async write(tx: Tx, access: PrincipalAccess): Promise<void> {
    for (const audit of this.byEntity.values()) await audit.write(tx, access);
  }
}

/** Staged audit rows: private to the session, dropped with the transaction. */
const STAGING_TABLE = `CREATE TEMP TABLE IF NOT EXISTS tenure_import_audit (
  "seq" BIGINT GENERATED ALWAYS AS IDENTITY, "entity" TEXT NOT NULL, "month" DATE, "updated" BOOLEAN NOT NULL, "after" TEXT NOT NULL, "before" TEXT
) ON COMMIT DROP`;
