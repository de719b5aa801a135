import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * What "half-written" would look like, as queries that must all come back empty:
 * - a month whose version does not match the number of audited changes (a figure change committed
 *   without its audit entry, or the reverse);
 * - a month's pre-aggregated event totals that differ from the sums of its raw events;
 * - a board snapshot without its PDF, with a checksum that is not its PDF's, or without its audit entry.
 */
export async function partialWrites(prisma: PrismaClient, organizationId: string): Promise<string[]> {
  const found: string[] = [];

  const months = await prisma.$queryRaw<{ month: string; version: number; audited: number }[]>`
    SELECT to_char(r."month", 'YYYY-MM') AS month, r."version",
      (SELECT count(*)::int FROM "AuditEntry" a WHERE a."organizationId" = r."organizationId"
         AND a."entityType" = 'MonthlyReport' AND a."entityId" = r."id"::text) AS audited
    FROM "MonthlyReport" r WHERE r."organizationId" = ${organizationId}::uuid`;
  for (const m of months) if (m.version !== m.audited) found.push(`month ${m.month}: version ${m.version} but ${m.audited} audited change(s)`);

  const totals = await prisma.$queryRaw<{ month: string; kept: string | null; raw: string | null }[]>`
    WITH raw AS (
      SELECT "month",
        sum(CASE WHEN src = 'churn' AND kind = 'FULL' THEN amount ELSE 0 END) AS churned,
        sum(CASE WHEN src = 'churn' AND kind = 'CONTRACTION' THEN amount ELSE 0 END) AS contraction,
        sum(CASE WHEN src = 'deal' THEN amount ELSE 0 END) AS expansion,
        count(*) FILTER (WHERE src = 'deal') AS deals,
        count(*) FILTER (WHERE src = 'save') AS saves,
        sum(CASE WHEN src = 'save' THEN amount ELSE 0 END) AS saved
      FROM (
        SELECT "month", 'churn' AS src, "kind"::text AS kind, "arrLost" AS amount FROM "ChurnEvent" WHERE "organizationId" = ${organizationId}::uuid
        UNION ALL SELECT "month", 'deal', NULL, "arrAdded" FROM "ExpansionDeal" WHERE "organizationId" = ${organizationId}::uuid
        UNION ALL SELECT "month", 'save', NULL, "arrSaved" FROM "Save" WHERE "organizationId" = ${organizationId}::uuid
      ) events GROUP BY "month"
    ),
    kept AS (
      SELECT "month", "churnedArr" AS churned, "contractionArr" AS contraction, "expansionArr" AS expansion,
        "dealCount"::bigint AS deals, "savesCount"::bigint AS saves, "savedArr" AS saved
      FROM "MonthEventTotals"
      WHERE "organizationId" = ${organizationId}::uuid
        AND ("dealCount" <> 0 OR "savesCount" <> 0 OR "churnedArr" <> 0 OR "contractionArr" <> 0)
    )
    SELECT to_char(coalesce(k."month", r."month"), 'YYYY-MM') AS month,
      concat_ws('|', k.churned::numeric(30,4), k.contraction::numeric(30,4), k.expansion::numeric(30,4), k.deals, k.saves, k.saved::numeric(30,4)) AS kept,
      concat_ws('|', r.churned::numeric(30,4), r.contraction::numeric(30,4), r.expansion::numeric(30,4), r.deals, r.saves, r.saved::numeric(30,4)) AS raw
    FROM kept k FULL JOIN raw r ON r."month" = k."month"
    WHERE k."month" IS NULL OR r."month" IS NULL
       OR concat_ws('|', k.churned::numeric(30,4), k.contraction::numeric(30,4), k.expansion::numeric(30,4), k.deals, k.saves, k.saved::numeric(30,4))
       <> concat_ws('|', r.churned::numeric(30,4), r.contraction::numeric(30,4), r.expansion::numeric(30,4), r.deals, r.saves, r.saved::numeric(30,4))`;
  for (const t of totals) found.push(`event totals ${t.month}: kept ${t.kept ?? 'none'} but raw events sum to ${t.raw ?? 'none'}`);

  const snapshots = await prisma.$queryRaw<{ id: string; problem: string }[]>`
    SELECT s."id"::text AS id,
      CASE WHEN s."pdf" IS NULL OR octet_length(s."pdf") = 0 THEN 'no PDF'
           WHEN s."checksum" IS NULL OR s."checksum" <> encode(sha256(s."pdf"), 'hex') THEN 'checksum is not the PDF''s'
           ELSE 'no audit entry' END AS problem
    FROM "BoardSnapshot" s
    WHERE s."organizationId" = ${organizationId}::uuid
      AND (s."pdf" IS NULL OR octet_length(s."pdf") = 0 OR s."checksum" IS NULL OR s."checksum" <> encode(sha256(s."pdf"), 'hex')
        OR NOT EXISTS (SELECT 1 FROM "AuditEntry" a WHERE a."entityType" = 'BoardSnapshot' AND a."entityId" = s."id"::text AND a."action" = 'boardSnapshot.create'))`;
  for (const s of snapshots) found.push(`snapshot ${s.id}: ${s.problem}`);

  return found;
}
