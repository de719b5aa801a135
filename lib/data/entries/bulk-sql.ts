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

const element = (value: string | null) => (value === null ? 'NULL' : `"${value.replace(/[\\"]/g, '\\$&')}"`);

/**
 * Values → one PostgreSQL array literal ('{"a","b",NULL}'), sent as a single text parameter and cast
 * in SQL. Passing a JavaScript array made the driver and Prisma walk and copy every element (a third
 * of a 100 000-row import's allocations); one joined string is built once.
 */
export function arrayLiteral(values: readonly (string | null | undefined)[]): string {
  return `{${values.map((v) => element(v ?? null)).join(',')}}`;
}

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
    await tx.$executeRawUnsafe(sql, organizationId, ...fixedValues, ...spec.columns.map((_, i) => arrayLiteral(batch.map((r) => r[i]))));
  }
}

/** UPDATE of rows matched by id (the first column) within the organisation; updatedAt is refreshed. */
export async function updateRows(tx: Tx, spec: TableSpec, organizationId: string, rows: (string | null)[][]): Promise<void> {
  const sets = spec.columns.map((c, i) => (i === 0 ? null : `${quote(c.name)} = ${valueOf(c, i)}`)).filter(Boolean).join(', ');
  const sql = `UPDATE ${quote(spec.table)} AS t SET ${sets}, "updatedAt" = CURRENT_TIMESTAMP FROM ${unnestOf(spec.columns, 2)} WHERE t."id" = v.c0::uuid AND t."organizationId" = $1::uuid`;
  for (const batch of chunks(rows)) {
    await tx.$executeRawUnsafe(sql, organizationId, ...spec.columns.map((_, i) => arrayLiteral(batch.map((r) => r[i]))));
  }
}

/**
 * The stored rows of the organisation with one of these ids or external ids, every column as text
 * (dates as YYYY-MM-DD, decimals as PostgreSQL prints them).
 */
export async function selectExisting(tx: Tx, spec: TableSpec, organizationId: string, ids: string[], externalIds: string[]): Promise<Record<string, string | null>[]> {
  // One JSON text per batch (an array of arrays), parsed here: Prisma then handles one value, not
  // a row object per stored row with a field per column.
  const list = spec.columns.map((c) => `${quote(c.name)}::text`).join(', ');
  // Two queries, not one with OR: each then uses its index instead of scanning the table per batch.
  const sql = (key: string, type: string) =>
    `SELECT COALESCE(json_agg(json_build_array(${list})), '[]')::text AS "rows" FROM ${quote(spec.table)} WHERE "organizationId" = $1::uuid AND ${quote(key)} = ANY($2::${type}[])`;
  const out: Record<string, string | null>[] = [];
  const read = async (query: string, batch: string[]) => {
    const [result] = await tx.$queryRawUnsafe<{ rows: string }[]>(query, organizationId, arrayLiteral(batch));
    for (const values of JSON.parse(result!.rows) as (string | null)[][]) {
      const row: Record<string, string | null> = {};
      spec.columns.forEach((c, i) => { row[c.name] = values[i] ?? null; });
      out.push(row);
    }
  };
  for (const batch of chunks(ids)) await read(sql('id', 'uuid'), batch);
  for (const batch of chunks(externalIds)) await read(sql('externalId', 'text'), batch);
  return out;
}
