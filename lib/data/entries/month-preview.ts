import 'server-only';
import { db } from '@/lib/db';
import { principalAccess, type Principal } from '@/lib/data/access';
import { readMethodSettings } from '@/lib/data/method-settings';
import { resolveBaseline } from '@/lib/data/metrics';
import { monthAggregates } from '@/lib/queries/month-aggregates';
import { decimalText, monthDate } from './shared';

const canonical = (text: string) => decimalText(text)!;

/** The month's event sums as plain strings, ready for a client component to rebuild as Decimals. */
export type PreviewEventSums = {
  churnedArr: string; contractionArr: string; expansionArr: string; expansionAttributed: string;
  dealCount: number; attributedDealCount: number; savesCount: number; savedArr: string;
  churnedCustomers: number; churnedCustomersJoinedSameMonth: number;
};

/** The organisation's method as strings (the engine's MethodSettings, serialisable). */
export type PreviewSettings = {
  baselineAnnualChurnPct: string; indirectCostMode: 'COEFFICIENT' | 'ITEMISED'; indirectCostCoefficient: string; grossMarginPct: string;
  averageCac: string; influencedAttributionPct: string; countChurnAvoided: boolean; countExpansion: boolean; countCacSaved: boolean;
  sameMonthChurnRule: 'COUNT' | 'EXCLUDE';
};

type SumsRow = { churned: string; contraction: string; expansion: string; attributed: string; deal_count: number; attributed_count: number; saves_count: number; saved: string; churned_customers: number; same_month: number };

/**
 * What the live preview needs to run the engine's computeMonth in the browser: the method and the
 * sums of the events already logged for the month. When the month has figures, the sums are the
 * dashboard's own (monthAggregates); for a month not saved yet they are summed here the same way.
 */
export async function monthPreviewInputs(principal: Principal, slug: string, month: string): Promise<{ settings: PreviewSettings; sums: PreviewEventSums }> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const stored = await readMethodSettings(organization.id);
  const [baseline, aggregates] = await Promise.all([resolveBaseline(organization.id, stored), monthAggregates(organization.id, month, month)]);
  const settings: PreviewSettings = {
    baselineAnnualChurnPct: baseline.pct.toString(), indirectCostMode: stored.indirectCostMode, indirectCostCoefficient: stored.indirectCostCoefficient,
    grossMarginPct: stored.grossMarginPct, averageCac: stored.averageCac, influencedAttributionPct: stored.influencedAttributionPct,
    countChurnAvoided: stored.countChurnAvoided, countExpansion: stored.countExpansion, countCacSaved: stored.countCacSaved, sameMonthChurnRule: stored.sameMonthChurnRule,
  };
  const logged = aggregates[0];
  if (logged) {
    return {
      settings,
      sums: {
        churnedArr: logged.churnedArr.toString(), contractionArr: logged.contractionArr.toString(), expansionArr: logged.expansionArr.toString(),
        expansionAttributed: logged.expansionAttributed.toString(), dealCount: logged.dealCount, attributedDealCount: logged.attributedDealCount,
        savesCount: logged.savesCount, savedArr: logged.savedArr.toString(), churnedCustomers: logged.churnedCustomers, churnedCustomersJoinedSameMonth: logged.churnedCustomersJoinedSameMonth,
      },
    };
  }
  const start = monthDate(month);
  const [row] = await db().$queryRaw<SumsRow[]>`
    SELECT
      COALESCE((SELECT SUM("arrLost") FROM "ChurnEvent" WHERE "organizationId" = ${organization.id}::uuid AND "month" = ${start}::date AND "kind" = 'FULL'), 0)::text AS churned,
      COALESCE((SELECT SUM("arrLost") FROM "ChurnEvent" WHERE "organizationId" = ${organization.id}::uuid AND "month" = ${start}::date AND "kind" = 'CONTRACTION'), 0)::text AS contraction,
      COALESCE((SELECT SUM("arrAdded") FROM "ExpansionDeal" WHERE "organizationId" = ${organization.id}::uuid AND "month" = ${start}::date), 0)::text AS expansion,
      COALESCE((SELECT SUM("arrAdded" * "attributionPct" / 100) FROM "ExpansionDeal" WHERE "organizationId" = ${organization.id}::uuid AND "month" = ${start}::date), 0)::text AS attributed,
      (SELECT COUNT(*) FROM "ExpansionDeal" WHERE "organizationId" = ${organization.id}::uuid AND "month" = ${start}::date)::int AS deal_count,
      (SELECT COUNT(*) FROM "ExpansionDeal" WHERE "organizationId" = ${organization.id}::uuid AND "month" = ${start}::date AND "attribution" <> 'NOT_CS')::int AS attributed_count,
      (SELECT COUNT(*) FROM "Save" WHERE "organizationId" = ${organization.id}::uuid AND "month" = ${start}::date)::int AS saves_count,
      COALESCE((SELECT SUM("arrSaved") FROM "Save" WHERE "organizationId" = ${organization.id}::uuid AND "month" = ${start}::date), 0)::text AS saved,
      (SELECT COUNT(*) FROM "Account" WHERE "organizationId" = ${organization.id}::uuid AND date_trunc('month', "churnDate") = ${start}::date)::int AS churned_customers,
      (SELECT COUNT(*) FROM "Account" WHERE "organizationId" = ${organization.id}::uuid AND date_trunc('month', "churnDate") = ${start}::date AND date_trunc('month', "startDate") = ${start}::date)::int AS same_month`;
  return {
    settings,
    sums: {
      churnedArr: canonical(row!.churned), contractionArr: canonical(row!.contraction), expansionArr: canonical(row!.expansion), expansionAttributed: canonical(row!.attributed),
      dealCount: row!.deal_count, attributedDealCount: row!.attributed_count, savesCount: row!.saves_count, savedArr: canonical(row!.saved),
      churnedCustomers: row!.churned_customers, churnedCustomersJoinedSameMonth: row!.same_month,
    },
  };
}
