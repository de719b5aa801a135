import 'server-only';
import { chunks } from './bulk';
import type { Tx } from './shared';

/**
 * Set-based writes for bulk imports: each column travels as one text array and is cast in SQL
 * (`unnest`), so one statement writes thousands of rows whatever their number of columns. Table,
 * column and type names come from the constants of the callers, never from input.
 */
export type Column = { name: string; type: string };
/** `fixed` columns take one value for every row (after organizationId), `columns` one value per row. */
export type TableSpec = { table: string; columns: readonly Column[]; fixed?: readonly Column[] };

const quote = (name: string) => `"${name}"`;

function unnestOf(columns: readonly Column[], firstParam: number): string {
  const arrays = columns.map((_, i) => `$${firstParam + i}::text[]`).join(', ');
  return `unnest(${arrays}) AS v(${columns.map((_, i) => `c${i}`).join(', ')})`;
}

const valueOf = (column: Column, i: number) => `v.c${i}::${column.type}`;

/** INSERT of rows (values in `columns` order) for one organisation, with the `fixed` values on each. */
export async function insertRows(tx: Tx, spec: TableSpec, organizationId: string, rows: (string | null)[][], fixedValues: (string | null)[] = []): Promise<void> {
  const fixed = spec.fixed ?? [];
  const names = ['organizationId', ...fixed.map((c) => c.name), ...spec.columns.map((c) => c.name)].map(quote).join(', ');
  const values = ['$1::uuid', ...fixed.map((c, i) => `$${2 + i}::${c.type}`), ...spec.columns.map(valueOf)].join(', ');
  const sql = `INSERT INTO ${quote(spec.table)} (${names}) SELECT ${values} FROM ${unnestOf(spec.columns, 2 + fixed.length)}`;
  for (const batch of chunks(rows)) {
    await tx.$executeRawUnsafe(sql, organizationId, ...fixedValues, ...spec.columns.map((_, i) => batch.map((r) => r[i] ?? null)));
  }
}

/** UPDATE of rows matched by id (the first column) within the organisation; updatedAt is refreshed. */
export async function updateRows(tx: Tx, spec: TableSpec, organizationId: string, rows: (string | null)[][]): Promise<void> {
  const sets = spec.columns.map((c, i) => (i === 0 ? null : `${quote(c.name)} = ${valueOf(c, i)}`)).filter(Boolean).join(', ');
  const sql = `UPDATE ${quote(spec.table)} AS t SET ${sets}, "updatedAt" = CURRENT_TIMESTAMP FROM ${unnestOf(spec.columns, 2)} WHERE t."id" = v.c0::uuid AND t."organizationId" = $1::uuid`;
  for (const batch of chunks(rows)) {
    await tx.$executeRawUnsafe(sql, organizationId, ...spec.columns.map((_, i) => batch.map((r) => r[i] ?? null)));
  }
}

/**
 * The stored rows of the organisation with one of these ids or external ids, every column as text
 * (dates as YYYY-MM-DD, decimals as PostgreSQL prints them).
 */
export async function selectExisting(tx: Tx, spec: TableSpec, organizationId: string, ids: string[], externalIds: string[]): Promise<Record<string, string | null>[]> {
  const list = spec.columns.map((c) => `${quote(c.name)}::text AS ${quote(c.name)}`).join(', ');
  // Two queries, not one with OR: each then uses its index instead of scanning the table per batch.
  const sql = (key: string, type: string) => `SELECT ${list} FROM ${quote(spec.table)} WHERE "organizationId" = $1::uuid AND ${quote(key)} = ANY($2::${type}[])`;
  const out: Record<string, string | null>[] = [];
  for (const batch of chunks(ids)) out.push(...(await tx.$queryRawUnsafe<Record<string, string | null>[]>(sql('id', 'uuid'), organizationId, batch)));
  for (const batch of chunks(externalIds)) out.push(...(await tx.$queryRawUnsafe<Record<string, string | null>[]>(sql('externalId', 'text'), organizationId, batch)));
  return out;
}
