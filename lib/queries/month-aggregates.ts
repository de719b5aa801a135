import 'server-only';
import Decimal from 'decimal.js';
import { db } from '@/lib/db';
import type { MonthAggregates } from '@/lib/metrics';

type Row = {
  month: string; status: 'DRAFT' | 'CLOSED';
  csmFte: string; loadedSalaries: string; toolsCost: string; trainingCost: string; otherDirectCost: string;
  indirectManagementCost: string; indirectInfrastructureCost: string; indirectRecruitingCost: string;
  startArr: string; startCustomers: number; newBusinessArr: string; managedClients: number;
  avgHealthScore: string | null; timeToValueDays: string | null; featureAdoptionPct: string | null;
  churnedArr: string; contractionArr: string; expansionArr: string; expansionAttributed: string;
  dealCount: number; attributedDealCount: number; savesCount: number; savedArr: string;
  churnedCustomers: number; churnedCustomersJoinedSameMonth: number;
};

/**
 * One row per logged month of one organisation between two months (inclusive): the monthly report's
 * figures and the sums of its events, all summed in PostgreSQL (exact numerics, returned as text).
 * Events of months without a report are not counted: a month exists once its figures are logged.
 */
export async function monthAggregates(organizationId: string, from: string, to: string): Promise<MonthAggregates[]> {
  // Dates travel as 'YYYY-MM-01' text cast to date, so the session time zone cannot shift them.
  const start = `${from}-01`;
  const end = `${to}-01`;
  const rows = await db().$queryRaw<Row[]>`
    WITH churn AS (
      SELECT "month",
             SUM("arrLost") FILTER (WHERE "kind" = 'FULL') AS churned,
             SUM("arrLost") FILTER (WHERE "kind" = 'CONTRACTION') AS contraction
      FROM "ChurnEvent"
      WHERE "organizationId" = ${organizationId}::uuid AND "month" BETWEEN ${start}::date AND ${end}::date
      GROUP BY "month"
    ), deals AS (
      SELECT "month",
             SUM("arrAdded") AS expansion,
             SUM("arrAdded" * "attributionPct" / 100) AS attributed,
             COUNT(*)::int AS deal_count,
             (COUNT(*) FILTER (WHERE "attribution" <> 'NOT_CS'))::int AS attributed_count
      FROM "ExpansionDeal"
      WHERE "organizationId" = ${organizationId}::uuid AND "month" BETWEEN ${start}::date AND ${end}::date
      GROUP BY "month"
    ), saves AS (
      SELECT "month", COUNT(*)::int AS saves_count, SUM("arrSaved") AS saved
      FROM "Save"
      WHERE "organizationId" = ${organizationId}::uuid AND "month" BETWEEN ${start}::date AND ${end}::date
      GROUP BY "month"
    ), logos AS (
      SELECT date_trunc('month', "churnDate")::date AS "month",
             COUNT(*)::int AS churned_customers,
             (COUNT(*) FILTER (WHERE date_trunc('month', "startDate") = date_trunc('month', "churnDate")))::int AS same_month
      FROM "Account"
      WHERE "organizationId" = ${organizationId}::uuid AND "churnDate" >= ${start}::date AND "churnDate" < (${end}::date + interval '1 month')
      GROUP BY 1
    )
    SELECT to_char(r."month", 'YYYY-MM') AS "month", r."status"::text AS "status",
           r."csmFte"::text AS "csmFte", r."loadedSalaries"::text AS "loadedSalaries", r."toolsCost"::text AS "toolsCost",
           r."trainingCost"::text AS "trainingCost", r."otherDirectCost"::text AS "otherDirectCost",
           r."indirectManagementCost"::text AS "indirectManagementCost", r."indirectInfrastructureCost"::text AS "indirectInfrastructureCost",
           r."indirectRecruitingCost"::text AS "indirectRecruitingCost",
           r."startArr"::text AS "startArr", r."startCustomers", r."newBusinessArr"::text AS "newBusinessArr", r."managedClients",
           r."avgHealthScore"::text AS "avgHealthScore", r."timeToValueDays"::text AS "timeToValueDays", r."featureAdoptionPct"::text AS "featureAdoptionPct",
           COALESCE(c.churned, 0)::text AS "churnedArr", COALESCE(c.contraction, 0)::text AS "contractionArr",
           COALESCE(d.expansion, 0)::text AS "expansionArr", COALESCE(d.attributed, 0)::text AS "expansionAttributed",
           COALESCE(d.deal_count, 0) AS "dealCount", COALESCE(d.attributed_count, 0) AS "attributedDealCount",
           COALESCE(s.saves_count, 0) AS "savesCount", COALESCE(s.saved, 0)::text AS "savedArr",
           COALESCE(l.churned_customers, 0) AS "churnedCustomers", COALESCE(l.same_month, 0) AS "churnedCustomersJoinedSameMonth"
    FROM "MonthlyReport" r
    LEFT JOIN churn c ON c."month" = r."month"
    LEFT JOIN deals d ON d."month" = r."month"
    LEFT JOIN saves s ON s."month" = r."month"
    LEFT JOIN logos l ON l."month" = r."month"
    WHERE r."organizationId" = ${organizationId}::uuid AND r."month" BETWEEN ${start}::date AND ${end}::date
    ORDER BY r."month"`;
  return rows.map(toAggregates);
}

const dec = (value: string) => new Decimal(value);
const decOrNull = (value: string | null) => (value === null ? null : new Decimal(value));

function toAggregates(row: Row): MonthAggregates {
  return {
    month: row.month,
    status: row.status,
    csmFte: dec(row.csmFte),
    loadedSalaries: dec(row.loadedSalaries),
    toolsCost: dec(row.toolsCost),
    trainingCost: dec(row.trainingCost),
    otherDirectCost: dec(row.otherDirectCost),
    indirectManagementCost: dec(row.indirectManagementCost),
    indirectInfrastructureCost: dec(row.indirectInfrastructureCost),
    indirectRecruitingCost: dec(row.indirectRecruitingCost),
    startArr: dec(row.startArr),
    startCustomers: row.startCustomers,
    newBusinessArr: dec(row.newBusinessArr),
    managedClients: row.managedClients,
    avgHealthScore: decOrNull(row.avgHealthScore),
    timeToValueDays: decOrNull(row.timeToValueDays),
    featureAdoptionPct: decOrNull(row.featureAdoptionPct),
    churnedArr: dec(row.churnedArr),
    contractionArr: dec(row.contractionArr),
    expansionArr: dec(row.expansionArr),
    expansionAttributed: dec(row.expansionAttributed),
    dealCount: row.dealCount,
    attributedDealCount: row.attributedDealCount,
    savesCount: row.savesCount,
    savedArr: dec(row.savedArr),
    churnedCustomers: row.churnedCustomers,
    churnedCustomersJoinedSameMonth: row.churnedCustomersJoinedSameMonth,
  };
}
