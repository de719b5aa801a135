import type { Locale } from '@/lib/i18n/locales';
import type { Localised, MetricKey, ValueKind } from '@/lib/metrics';

/**
 * Everything a board pack shows, as plain JSON (decimals as strings). It is what a snapshot stores
 * as its figures, and the only thing the document reads: the PDF never queries anything itself.
 */
export type Figure = string | null;

export type PackMetric = { key: string; label: Localised; value: Figure; kind: ValueKind; formula: Localised; note?: Localised };

export type PeriodValues = { from: string; to: string; monthsCount: number; values: Record<MetricKey, Figure> };

export type MonthPoint = {
  month: string;
  status: 'DRAFT' | 'CLOSED';
  roiPct: Figure;
  rollingRoiPct: Figure;
  gains: Figure;
  csCost: Figure;
  churnAvoided: Figure;
  expansionAttributable: Figure;
  cacSaved: Figure;
  actualAnnualChurnPct: Figure;
  baselineAnnualChurnPct: Figure;
  rollingGrrPct: Figure;
  rollingNrrPct: Figure;
  costPerManagedClient: Figure;
  managedClients: number;
  avgHealthScore: Figure;
  timeToValueDays: Figure;
  featureAdoptionPct: Figure;
};

export type IndicatorTrend = { latest: Figure; previous: Figure; change: Figure; direction: 'up' | 'down' | 'flat' | 'unknown' };

export type CohortRow = { cohort: string; accounts: number; churnedAccounts: number; clv: Figure; realisedValueToDate: Figure };

export type LeaderboardRow = { id: string; name: string; accounts: number; churnedArr: Figure; savesCount: number; savedArr: Figure; expansionAttributed: Figure };

export type MethodSettingsUsed = {
  baselineMode: 'MANUAL' | 'REFERENCE_PERIOD';
  baselineAnnualChurnPct: string;
  baselineReferenceFrom: string | null;
  baselineReferenceTo: string | null;
  indirectCostMode: 'COEFFICIENT' | 'ITEMISED';
  indirectCostCoefficient: string;
  grossMarginPct: string;
  averageCac: string;
  influencedAttributionPct: string;
  countChurnAvoided: boolean;
  countExpansion: boolean;
  countCacSaved: boolean;
  sameMonthChurnRule: 'COUNT' | 'EXCLUDE';
};

export type DataSources = { months: number; firstMonth: string | null; lastMonth: string | null; accounts: number; deals: number; churnEvents: number; saves: number };

export type BoardPackModel = {
  version: 1;
  locale: Locale;
  organization: { name: string; currency: string };
  from: string;
  to: string;
  generatedAt: string;
  preparedBy: string;
  months: { month: string; status: 'DRAFT' | 'CLOSED' }[];
  draftMonths: string[];
  monthsMissing: string[];
  range: Record<MetricKey, PackMetric>;
  previous: PeriodValues | null;
  lastYear: PeriodValues | null;
  series: MonthPoint[];
  leading: { healthScore: IndicatorTrend; timeToValueDays: IndicatorTrend; featureAdoptionPct: IndicatorTrend };
  cohorts: CohortRow[];
  cohortFormula: { clv: Localised; realisedValueToDate: Localised };
  settings: MethodSettingsUsed;
  sources: DataSources;
  leaderboard: LeaderboardRow[] | null;
  keyMessages: string[];
};
