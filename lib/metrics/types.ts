import type Decimal from 'decimal.js';

/** A percentage: 28 means 28 %. */
export type Pct = Decimal;

export type MethodSettings = {
  baselineAnnualChurnPct: Pct;
  indirectCostMode: 'COEFFICIENT' | 'ITEMISED';
  /** The article's 1.3: direct costs × coefficient covers the usual indirect costs. */
  indirectCostCoefficient: Decimal;
  /** Used for CLV. */
  grossMarginPct: Pct;
  /** Money, used for CAC saved. */
  averageCac: Decimal;
  /** Default share for CS-influenced deals; applied upstream when deals are entered. */
  influencedAttributionPct: Pct;
  countChurnAvoided: boolean;
  countExpansion: boolean;
  countCacSaved: boolean;
  sameMonthChurnRule: 'COUNT' | 'EXCLUDE';
};

/** One month's figures: report fields plus event sums that come from SQL. month = 'YYYY-MM'. */
export type MonthAggregates = {
  month: string;
  status: 'DRAFT' | 'CLOSED';
  csmFte: Decimal;
  loadedSalaries: Decimal;
  toolsCost: Decimal;
  trainingCost: Decimal;
  otherDirectCost: Decimal;
  indirectManagementCost: Decimal;
  indirectInfrastructureCost: Decimal;
  indirectRecruitingCost: Decimal;
  startArr: Decimal;
  startCustomers: number;
  newBusinessArr: Decimal;
  managedClients: number;
  avgHealthScore: Decimal | null;
  timeToValueDays: Decimal | null;
  featureAdoptionPct: Decimal | null;
  /** Σ ARR lost by FULL churn events in the month. */
  churnedArr: Decimal;
  /** Σ ARR lost by CONTRACTION events. */
  contractionArr: Decimal;
  /** Σ ARR of all expansion deals (any attribution). */
  expansionArr: Decimal;
  /** Σ deal ARR × attributionPct / 100, computed exactly in SQL. */
  expansionAttributed: Decimal;
  dealCount: number;
  /** Deals whose attribution is not NOT_CS. */
  attributedDealCount: number;
  savesCount: number;
  savedArr: Decimal;
  /** Accounts whose churnDate is in the month. */
  churnedCustomers: number;
  /** Of those, accounts that also started in the month. */
  churnedCustomersJoinedSameMonth: number;
};

export type CohortAggregates = {
  /** '2024-03' | '2024-Q1' | '2024' */
  cohort: string;
  accounts: number;
  churnedAccounts: number;
  activeAccountMonths: number;
  /** Σ current MRR of the cohort's accounts. */
  mrrSum: Decimal;
};

export type Localised = { en: string; fr: string };

export type ValueKind = 'money' | 'percent' | 'count' | 'ratio' | 'days' | 'score';

export type ExplanationInput = {
  label: Localised;
  value: Decimal | number | null;
  kind: ValueKind;
  source: Localised;
};

export type Explanation = { formula: Localised; inputs: ExplanationInput[]; note?: Localised };

/** A figure that explains itself. value null means "undefined here"; the note then says why. */
export type Metric = {
  key: string;
  label: Localised;
  value: Decimal | null;
  kind: ValueKind;
  explanation: Explanation;
};

/**
 * numerator ÷ denominator, kept apart so that sums and ratios of amounts round only once.
 * Churn avoided divides by 1 200 (÷ 100 for the percentage, ÷ 12 for the month): summing twelve
 * rounded months would drift, summing numerators does not.
 */
export type ExactAmount = { numerator: Decimal; denominator: Decimal };

/** Stable keys of the dashboard metrics, in display order. */
export const METRIC_KEYS = [
  'csCost',
  'churnAvoided',
  'expansionAttributable',
  'cacSaved',
  'gains',
  'roiPct',
  'arrPerCsm',
  'csGeneratedRevenuePerCsm',
  'costPerManagedClient',
  'grrPct',
  'nrrPct',
  'grossRevenueChurnPct',
  'netRevenueChurnPct',
  'logoChurnPct',
  'actualAnnualChurnPct',
  'baselineAnnualChurnPct',
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];

export type MonthMetrics = { [K in MetricKey]: Metric };

export type RangeMetrics = MonthMetrics & {
  monthsCount: number;
  /** Calendar months between the first and the last month that have no figures. */
  monthsMissing: string[];
  /** Months still in DRAFT: their figures may change. */
  draftMonths: string[];
};
