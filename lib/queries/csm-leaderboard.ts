import 'server-only';
import Decimal from 'decimal.js';
import { db } from '@/lib/db';

export type CsmLeaderboardRow = {
  csmId: string;
  name: string;
  /** Σ deal ARR × attribution % ÷ 100 of the CSM's deals in the period. */
  expansionAttributable: Decimal;
  saves: number;
  savedArr: Decimal;
  /** Σ ARR lost (full churn and contraction) by accounts of the CSM's book in the period. */
  churnedArr: Decimal;
  /** Accounts of the book active at some point in the period. */
  accountsManaged: number;
  /** What the CSM brought in: attributable expansion + ARR saved. */
  csGeneratedRevenue: Decimal;
};

type Row = { csmId: string; name: string; expansion: string; saves: number; saved: string; churned: string; accounts: number };

/**
 * Per CSM of one organisation, for the months [from, to]: attributable expansion, saves, churn in
 * their book and accounts managed, each summed in PostgreSQL. A churn event counts for the CSM it
 * names, or else for the account's CSM. CSMs whose tenure does not touch the period are left out.
 */
export async function csmLeaderboard(organizationId: string, from: string, to: string): Promise<CsmLeaderboardRow[]> {
  const start = `${from}-01`;
  const end = `${to}-01`;
  const rows = await db().$queryRaw<Row[]>`
    WITH deals AS (
      SELECT "csmId", SUM("arrAdded" * "attributionPct" / 100) AS expansion
      FROM "ExpansionDeal"
      WHERE "organizationId" = ${organizationId}::uuid AND "month" BETWEEN ${start}::date AND ${end}::date AND "csmId" IS NOT NULL
      GROUP BY 1
    ), saves AS (
      SELECT "csmId", COUNT(*)::int AS saves, SUM("arrSaved") AS saved
      FROM "Save"
      WHERE "organizationId" = ${organizationId}::uuid AND "month" BETWEEN ${start}::date AND ${end}::date AND "csmId" IS NOT NULL
      GROUP BY 1
    ), churn AS (
      SELECT COALESCE(e."csmId", a."csmId") AS "csmId", SUM(e."arrLost") AS churned
      FROM "ChurnEvent" e JOIN "Account" a ON a."id" = e."accountId" AND a."organizationId" = e."organizationId"
      WHERE e."organizationId" = ${organizationId}::uuid AND e."month" BETWEEN ${start}::date AND ${end}::date
      GROUP BY 1
    ), book AS (
      SELECT "csmId", COUNT(*)::int AS accounts
      FROM "Account"
      WHERE "organizationId" = ${organizationId}::uuid AND "csmId" IS NOT NULL
        AND "startDate" < (${end}::date + interval '1 month')
        AND ("churnDate" IS NULL OR "churnDate" >= ${start}::date)
      GROUP BY 1
    )
    SELECT c."id"::text AS "csmId", c."name",
           COALESCE(d.expansion, 0)::text AS expansion, COALESCE(s.saves, 0) AS saves, COALESCE(s.saved, 0)::text AS saved,
           COALESCE(ch.churned, 0)::text AS churned, COALESCE(b.accounts, 0) AS accounts
    FROM "Csm" c
    LEFT JOIN deals d ON d."csmId" = c."id"
    LEFT JOIN saves s ON s."csmId" = c."id"
    LEFT JOIN churn ch ON ch."csmId" = c."id"
    LEFT JOIN book b ON b."csmId" = c."id"
    WHERE c."organizationId" = ${organizationId}::uuid
      AND c."startDate" < (${end}::date + interval '1 month')
      AND (c."endDate" IS NULL OR c."endDate" >= ${start}::date
           OR d.expansion IS NOT NULL OR s.saves IS NOT NULL OR ch.churned IS NOT NULL)
    ORDER BY c."name"`;
  return rows.map((r) => {
    const expansionAttributable = new Decimal(r.expansion);
    const savedArr = new Decimal(r.saved);
    return {
      csmId: r.csmId,
      name: r.name,
      expansionAttributable,
      saves: r.saves,
      savedArr,
      churnedArr: new Decimal(r.churned),
      accountsManaged: r.accounts,
      csGeneratedRevenue: expansionAttributable.plus(savedArr),
    };
  });
}

/** Counts behind the checklist's "clear CSM attribution": active accounts and CS deals without a CSM. */
export async function attributionGaps(organizationId: string, asOf: string): Promise<{ activeAccounts: number; activeAccountsWithoutCsm: number; csDealsWithoutCsm: number; cohortAccounts: number }> {
  const end = `${asOf}-01`;
  const rows = await db().$queryRaw<{ active: number; unassigned: number; deals: number; all: number }[]>`
    SELECT
      (SELECT COUNT(*)::int FROM "Account" WHERE "organizationId" = ${organizationId}::uuid AND "startDate" < (${end}::date + interval '1 month')
         AND ("churnDate" IS NULL OR "churnDate" >= (${end}::date + interval '1 month'))) AS active,
      (SELECT COUNT(*)::int FROM "Account" WHERE "organizationId" = ${organizationId}::uuid AND "csmId" IS NULL AND "startDate" < (${end}::date + interval '1 month')
         AND ("churnDate" IS NULL OR "churnDate" >= (${end}::date + interval '1 month'))) AS unassigned,
      (SELECT COUNT(*)::int FROM "ExpansionDeal" WHERE "organizationId" = ${organizationId}::uuid AND "csmId" IS NULL AND "attribution" <> 'NOT_CS'
         AND "month" BETWEEN (${end}::date - interval '11 months') AND ${end}::date) AS deals,
      (SELECT COUNT(*)::int FROM "Account" WHERE "organizationId" = ${organizationId}::uuid AND "startDate" < (${end}::date + interval '1 month')) AS "all"`;
  const row = rows[0] ?? { active: 0, unassigned: 0, deals: 0, all: 0 };
  return { activeAccounts: row.active, activeAccountsWithoutCsm: row.unassigned, csDealsWithoutCsm: row.deals, cohortAccounts: row.all };
}
