import type { PrismaClient } from '@/lib/generated/prisma/client';

export type OrgChecksum = Record<string, { rows: number; md5: string }>;

/**
 * Every row of every table that belongs to the organisation (any table with an "organizationId"
 * column, found in the catalogue so a new table is covered without editing this file), as a count
 * and an md5 of the rows' text sorted. Two equal checksums mean not one row was added, changed or
 * removed.
 */
export async function orgChecksum(prisma: PrismaClient, organizationId: string): Promise<OrgChecksum> {
  const tables = await prisma.$queryRaw<{ table: string }[]>`
    SELECT c.table_name AS "table" FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'organizationId' AND t.table_type = 'BASE TABLE'
    ORDER BY 1`;
  const result: OrgChecksum = {};
  for (const { table } of tables) {
    // The name comes from the catalogue, quoted as an identifier; the id is a bound parameter.
    const [row] = await prisma.$queryRawUnsafe<{ rows: number; md5: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
       FROM "${table.replace(/"/g, '""')}" t WHERE "organizationId" = $1::uuid`,
      organizationId,
    );
    result[table] = row ?? { rows: 0, md5: '' };
  }
  return result;
}
