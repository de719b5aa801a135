import Decimal from 'decimal.js';
import type { CohortAggregates, MethodSettings, MonthAggregates } from './types';
import { addMonths } from './month-key';

// Test factories only: not exported from index. Inputs use the default Decimal on purpose, as
// the rest of the app will, so the tests also prove that the 50-digit context is entered.

export function d(value: Decimal.Value): Decimal {
  return new Decimal(value);
}

export function month(overrides: Partial<MonthAggregates> = {}): MonthAggregates {
  return {
    month: '2026-01',
    status: 'CLOSED',
    csmFte: d(0),
    loadedSalaries: d(0),
    toolsCost: d(0),
    trainingCost: d(0),
    otherDirectCost: d(0),
    indirectManagementCost: d(0),
    indirectInfrastructureCost: d(0),
    indirectRecruitingCost: d(0),
    startArr: d(0),
    startCustomers: 0,
    newBusinessArr: d(0),
    managedClients: 0,
    avgHealthScore: null,
    timeToValueDays: null,
    featureAdoptionPct: null,
    churnedArr: d(0),
    contractionArr: d(0),
    expansionArr: d(0),
    expansionAttributed: d(0),
    dealCount: 0,
    attributedDealCount: 0,
    savesCount: 0,
    savedArr: d(0),
    churnedCustomers: 0,
    churnedCustomersJoinedSameMonth: 0,
    ...overrides,
  };
}

/** `count` consecutive months from `first`, each built from the same figures. */
export function months(count: number, overrides: Partial<MonthAggregates> = {}, first = '2026-01'): MonthAggregates[] {
  return Array.from({ length: count }, (_, offset) => month({ ...overrides, month: addMonths(first, offset) }));
}

export function settings(overrides: Partial<MethodSettings> = {}): MethodSettings {
  return {
    baselineAnnualChurnPct: d(28),
    indirectCostMode: 'COEFFICIENT',
    indirectCostCoefficient: d('1.3'),
    grossMarginPct: d(80),
    averageCac: d(0),
    influencedAttributionPct: d(50),
    countChurnAvoided: true,
    countExpansion: true,
    countCacSaved: true,
    sameMonthChurnRule: 'EXCLUDE',
    ...overrides,
  };
}

export function cohort(overrides: Partial<CohortAggregates> = {}): CohortAggregates {
  return { cohort: '2025-Q1', accounts: 0, churnedAccounts: 0, activeAccountMonths: 0, mrrSum: d(0), ...overrides };
}
