import 'server-only';
import Decimal from 'decimal.js';
import { db } from '@/lib/db';
import type { LeaderboardRow } from './board-pack-model';

/**
 * Per CSM over [from, to]: accounts in their book at the end of the period, expansion attributed
 * to CS (deal ARR × attribution share), saves and ARR saved, ARR lost to churn. Summed in SQL.
 */
export async function csmLeaderboard(organizationId: string, from: string, to: string): Promise<LeaderboardRow[]> {
  const start = `${from}-01`;
  const end = `${to}-01`;
  const rows = await db().$queryRaw<{ id: string; name: string; accounts: number; churnedArr: string; savesCount: number; savedArr: string; expansionAttributed: string }[]>`
    SELECT c."id"::text AS id, c."name",
      (SELECT COUNT(*)::int FROM "Account" a WHERE a."csmId" = c."id" AND a."startDate" < (${end}::date + interval '1 month')
         AND (a."churnDate" IS NULL OR a."churnDate" >= (${end}::date + interval '1 month'))) AS "accounts",
      (SELECT COALESCE(SUM(e."arrLost"), 0)::text FROM "ChurnEvent" e WHERE e."csmId" = c."id" AND e."month" BETWEEN ${start}::date AND ${end}::date) AS "churnedArr",
      (SELECT COUNT(*)::int FROM "Save" s WHERE s."csmId" = c."id" AND s."month" BETWEEN ${start}::date AND ${end}::date) AS "savesCount",
      (SELECT COALESCE(SUM(s."arrSaved"), 0)::text FROM "Save" s WHERE s."csmId" = c."id" AND s."month" BETWEEN ${start}::date AND ${end}::date) AS "savedArr",
      (SELECT COALESCE(SUM(d."arrAdded" * d."attributionPct" / 100), 0)::text FROM "ExpansionDeal" d WHERE d."csmId" = c."id" AND d."month" BETWEEN ${start}::date AND ${end}::date) AS "expansionAttributed"
    FROM "Csm" c
    WHERE c."organizationId" = ${organizationId}::uuid
    ORDER BY c."name"`;
  // Amounts leave SQL as exact text (the pack stores strings); ranked by attributed expansion, exactly.
  return rows
    .map((row) => ({ ...row, expansionAttributed: trim(row.expansionAttributed), savedArr: trim(row.savedArr), churnedArr: trim(row.churnedArr) }))
    .sort((a, b) => new Decimal(b.expansionAttributed).comparedTo(a.expansionAttributed) || a.name.localeCompare(b.name));
}

function trim(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}
