import 'server-only';
import Decimal from 'decimal.js';
import { db } from '@/lib/db';
import type { CohortAggregates } from '@/lib/metrics';

export type CohortGrain = 'month' | 'quarter' | 'year';

const COHORT_FORMAT: Record<CohortGrain, string> = { month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };

/**
 * Read from AccountCohortTotals (kept by triggers): O(start months × churn months), not O(accounts).
 * Accounts grouped by the period they started in, as of the end of `asOf` (a 'YYYY-MM' month):
 * accounts, those churned by then, account-months of activity (a churned account counts the months
 * before its churn month, at least one), and the sum of current MRR.
 */
export async function cohortAggregates(organizationId: string, asOf: string, grain: CohortGrain): Promise<CohortAggregates[]> {
  const asOfMonth = `${asOf}-01`;
  const rows = await db().$queryRaw<{ cohort: string; accounts: number; churnedAccounts: number; activeAccountMonths: number; mrrSum: string }[]>`
    WITH spans AS (
      SELECT "startMonth", "accounts", "mrrSum",
             "churnMonth" <= ${asOfMonth}::date AS churned,
             CASE WHEN "churnMonth" <= ${asOfMonth}::date
                  THEN GREATEST(1, (date_part('year', "churnMonth") - date_part('year', "startMonth")) * 12 + date_part('month', "churnMonth") - date_part('month', "startMonth"))
                  ELSE (date_part('year', ${asOfMonth}::date) - date_part('year', "startMonth")) * 12 + date_part('month', ${asOfMonth}::date) - date_part('month', "startMonth") + 1
             END AS active_months
      FROM "AccountCohortTotals"
      WHERE "organizationId" = ${organizationId}::uuid AND "startMonth" <= ${asOfMonth}::date AND "accounts" <> 0
    )
    SELECT to_char("startMonth", ${COHORT_FORMAT[grain]}) AS cohort,
           SUM("accounts")::int AS "accounts",
           (SUM("accounts") FILTER (WHERE churned))::int AS "churnedAccounts",
           SUM("accounts" * active_months)::int AS "activeAccountMonths",
           SUM("mrrSum")::text AS "mrrSum"
    FROM spans
    GROUP BY 1
    HAVING SUM("accounts") > 0
    ORDER BY 1`;
  return rows.map((r) => ({ cohort: r.cohort, accounts: r.accounts, churnedAccounts: r.churnedAccounts ?? 0, activeAccountMonths: r.activeAccountMonths, mrrSum: new Decimal(r.mrrSum) }));
}
