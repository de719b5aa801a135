import 'server-only';
import Decimal from 'decimal.js';
import { db } from '@/lib/db';
import type { CohortAggregates } from '@/lib/metrics';

export type CohortGrain = 'month' | 'quarter' | 'year';

const COHORT_FORMAT: Record<CohortGrain, string> = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };

/**
 * Accounts grouped by the period they started in, as of the end of `asOf` (a 'YYYY-MM' month):
 * accounts, those churned by then, account-months of activity (a churned account counts the months
 * before its churn month, at least one), and the sum of current MRR.
 */
export async function cohortAggregates(organizationId: string, asOf: string, grain: CohortGrain): Promise<CohortAggregates[]> {
  const asOfMonth = `${asOf}-01`;
  const rows = await db().$queryRaw<{ cohort: string; accounts: number; churnedAccounts: number; activeAccountMonths: number; mrrSum: string }[]>`
    WITH scoped AS (
      SELECT "startDate", "mrr",
             CASE WHEN "churnDate" < (${asOfMonth}::date + interval '1 month') THEN "churnDate" END AS churned_on
      FROM "Account"
      WHERE "organizationId" = ${organizationId}::uuid AND "startDate" < (${asOfMonth}::date + interval '1 month')
    ), spans AS (
      SELECT "startDate", "mrr", churned_on,
             CASE WHEN churned_on IS NULL
                  THEN (date_part('year', ${asOfMonth}::date) - date_part('year', "startDate")) * 12 + date_part('month', ${asOfMonth}::date) - date_part('month', "startDate") + 1
                  ELSE GREATEST(1, (date_part('year', churned_on) - date_part('year', "startDate")) * 12 + date_part('month', churned_on) - date_part('month', "startDate"))
             END AS active_months
      FROM scoped
    )
    SELECT to_char("startDate", ${COHORT_FORMAT[grain]}) AS cohort,
           COUNT(*)::int AS "accounts",
           COUNT(churned_on)::int AS "churnedAccounts",
           SUM(active_months)::int AS "activeAccountMonths",
           SUM("mrr")::text AS "mrrSum"
    FROM spans
    GROUP BY 1
    ORDER BY 1`;
  return rows.map((r) => ({ cohort: r.cohort, accounts: r.accounts, churnedAccounts: r.churnedAccounts, activeAccountMonths: r.activeAccountMonths, mrrSum: new Decimal(r.mrrSum) }));
}
