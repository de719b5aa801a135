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
 * figures and the sums of its events (exact numerics, returned as text). The sums come from
 * MonthEventTotals and AccountCohortTotals, which triggers keep equal to the raw rows in the same
 * transaction (see the event_totals migration), so the cost follows the number of months, not of
 * events. Events of months without a report are not counted: a month exists once it is logged.
 */
export async function monthAggregates(organizationId: string, from: string, to: string): Promise<MonthAggregates[]> {
  // Dates travel as 'YYYY-MM-01' text cast to date, so the session time zone cannot shift them.
  const start = `${from}-01`;
  const end = `${to}-01`;
  const rows = await db().$queryRaw<Row[]>`
    WITH logos AS (
      SELECT "churnMonth" AS "month", SUM("accounts")::int AS churned_customers,
             (SUM("accounts") FILTER (WHERE "startMonth" = "churnMonth"))::int AS same_month
      FROM "AccountCohortTotals"
      WHERE "organizationId" = ${organizationId}::uuid AND "churnMonth" BETWEEN ${start}::date AND ${end}::date
      GROUP BY 1
    )
    SELECT to_char(r."month", 'YYYY-MM') AS "month", r."status"::text AS "status",
           r."csmFte"::text AS "csmFte", r."loadedSalaries"::text AS "loadedSalaries", r."toolsCost"::text AS "toolsCost",
           r."trainingCost"::text AS "trainingCost", r."otherDirectCost"::text AS "otherDirectCost",
           r."indirectManagementCost"::text AS "indirectManagementCost", r."indirectInfrastructureCost"::text AS "indirectInfrastructureCost",
           r."indirectRecruitingCost"::text AS "indirectRecruitingCost",
           r."startArr"::text AS "startArr", r."startCustomers", r."newBusinessArr"::text AS "newBusinessArr", r."managedClients",
           r."avgHealthScore"::text AS "avgHealthScore", r."timeToValueDays"::text AS "timeToValueDays", r."featureAdoptionPct"::text AS "featureAdoptionPct",
           COALESCE(t."churnedArr", 0)::text AS "churnedArr", COALESCE(t."contractionArr", 0)::text AS "contractionArr",
           COALESCE(t."expansionArr", 0)::text AS "expansionArr", COALESCE(t."expansionAttributed", 0)::text AS "expansionAttributed",
           COALESCE(t."dealCount", 0) AS "dealCount", COALESCE(t."attributedDealCount", 0) AS "attributedDealCount",
           COALESCE(t."savesCount", 0) AS "savesCount", COALESCE(t."savedArr", 0)::text AS "savedArr",
           COALESCE(l.churned_customers, 0) AS "churnedCustomers", COALESCE(l.same_month, 0) AS "churnedCustomersJoinedSameMonth"
    FROM "MonthlyReport" r
    LEFT JOIN "MonthEventTotals" t ON t."organizationId" = r."organizationId" AND t."month" = r."month"
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
