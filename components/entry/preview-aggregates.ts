import Decimal from 'decimal.js';
import type { MethodSettings, MonthAggregates } from '@/lib/metrics';
import type { PreviewEventSums, PreviewSettings } from '@/lib/data/entries/month-preview';
import { parseLocalisedDecimal } from '@/lib/validation/decimal';
import { MONTH_FIGURE_FIELDS } from '@/lib/validation/entries';

// Shared by the live preview (browser) and the months table (server): the engine's inputs from strings.
export type FormValues = Record<string, string>;

export const dec = (text: string | undefined) => new Decimal(parseLocalisedDecimal(text ?? '') ?? 0);
const decOrNull = (text: string | undefined) => {
  const parsed = parseLocalisedDecimal(text ?? '');
  return parsed === null ? null : new Decimal(parsed);
};

export function engineSettingsOf(s: PreviewSettings): MethodSettings {
  return {
    ...s,
    baselineAnnualChurnPct: new Decimal(s.baselineAnnualChurnPct), indirectCostCoefficient: new Decimal(s.indirectCostCoefficient),
    grossMarginPct: new Decimal(s.grossMarginPct), averageCac: new Decimal(s.averageCac), influencedAttributionPct: new Decimal(s.influencedAttributionPct),
  };
}

/** The month as the engine sees it: what is typed (half-typed numbers count as 0) plus the logged events. */
export function previewAggregates(month: string, values: FormValues, sums: PreviewEventSums): MonthAggregates {
  const figures = Object.fromEntries(MONTH_FIGURE_FIELDS.map((f) => [f, values[f]])) as Record<(typeof MONTH_FIGURE_FIELDS)[number], string | undefined>;
  return {
    month, status: 'DRAFT',
    csmFte: dec(figures.csmFte), loadedSalaries: dec(figures.loadedSalaries), toolsCost: dec(figures.toolsCost), trainingCost: dec(figures.trainingCost),
    otherDirectCost: dec(figures.otherDirectCost), indirectManagementCost: dec(figures.indirectManagementCost),
    indirectInfrastructureCost: dec(figures.indirectInfrastructureCost), indirectRecruitingCost: dec(figures.indirectRecruitingCost),
    startArr: dec(figures.startArr), newBusinessArr: dec(figures.newBusinessArr),
    startCustomers: Math.trunc(dec(figures.startCustomers).toNumber()), managedClients: Math.trunc(dec(figures.managedClients).toNumber()),
    avgHealthScore: decOrNull(figures.avgHealthScore), timeToValueDays: decOrNull(figures.timeToValueDays), featureAdoptionPct: decOrNull(figures.featureAdoptionPct),
    churnedArr: new Decimal(sums.churnedArr), contractionArr: new Decimal(sums.contractionArr), expansionArr: new Decimal(sums.expansionArr),
    expansionAttributed: new Decimal(sums.expansionAttributed), dealCount: sums.dealCount, attributedDealCount: sums.attributedDealCount,
    savesCount: sums.savesCount, savedArr: new Decimal(sums.savedArr), churnedCustomers: sums.churnedCustomers,
    churnedCustomersJoinedSameMonth: sums.churnedCustomersJoinedSameMonth,
  };
}

