import 'server-only';
import { db } from '@/lib/db';
import { IMPORT_ACTION_SUFFIX } from '@/lib/audit/import-entry';

/** Rows of an import entry that a page shows; the data export holds them all. */
export const IMPORT_ROWS_SHOWN = 20;

/**
 * The before/after values of audit entries, as a page shows them: whole for ordinary entries, the
 * first rows only for an import's grouped entry (which can hold thousands), trimmed in SQL so a page
 * of the log never loads megabytes of JSON. Callers have already scoped the ids to the organisation.
 */
export async function auditBodies(ids: string[]): Promise<Map<string, { before: unknown; after: unknown }>> {
  if (ids.length === 0) return new Map();
  const trim = (column: string) =>
    `CASE WHEN "action" LIKE '%${IMPORT_ACTION_SUFFIX}' AND jsonb_typeof(${column}->'rows') = 'array'
       THEN jsonb_set(${column}, '{rows}', COALESCE(jsonb_path_query_array(${column}->'rows', '$[0 to ${IMPORT_ROWS_SHOWN - 1}]'), '[]'::jsonb))
       ELSE ${column} END`;
  const rows = await db().$queryRawUnsafe<{ id: string; before: unknown; after: unknown }[]>(
    `SELECT "id"::text AS "id", ${trim('"before"')} AS "before", ${trim('"after"')} AS "after" FROM "AuditEntry" WHERE "id" = ANY($1::uuid[])`,
    ids,
  );
  return new Map(rows.map((r) => [r.id, { before: r.before, after: r.after }]));
}
