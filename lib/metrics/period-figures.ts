import type Decimal from 'decimal.js';
import type { Localised, MonthAggregates } from './types';
import { exact } from './exact-amount';
import { localised } from './localised';
import { monthIndex } from './month-key';

/**
 * The figures of a period (one month, a range, a rolling window), summed once so that every
 * metric has a single formula whatever the period's length. Amounts are in the 50-digit context.
 */
export type PeriodFigures = {
  /** Months present, sorted. */
  months: string[];
  firstMonth: string | null;
  lastMonth: string | null;
  /** Where the figures come from, for explanations. */
  source: Localised;
  /** '2026-03' or '2026-01 to 2026-12', to name event sources. */
  span: Localised;
  /** ARR and customers at the start of the first month: the base of trailing retention. */
  openingArr: Decimal;
  openingCustomers: number;
  /** Σ start ARR over the months (ARR-months), for time-weighted averages. */
  arrMonths: Decimal;
  /** Σ customers at start (customer-months). */
  customerMonths: number;
  /** Σ FTE over the months; ÷ months count = average headcount. */
  fteMonths: Decimal;
  managedClientMonths: number;
  loadedSalaries: Decimal;
  toolsCost: Decimal;
  trainingCost: Decimal;
  otherDirectCost: Decimal;
  indirectManagementCost: Decimal;
  indirectInfrastructureCost: Decimal;
  indirectRecruitingCost: Decimal;
  newBusinessArr: Decimal;
  churnedArr: Decimal;
  contractionArr: Decimal;
  expansionArr: Decimal;
  expansionAttributed: Decimal;
  savedArr: Decimal;
  dealCount: number;
  attributedDealCount: number;
  savesCount: number;
  churnedCustomers: number;
  churnedCustomersJoinedSameMonth: number;
};

const SUMMED_AMOUNTS = [
  'loadedSalaries',
  'toolsCost',
  'trainingCost',
  'otherDirectCost',
  'indirectManagementCost',
  'indirectInfrastructureCost',
  'indirectRecruitingCost',
  'newBusinessArr',
  'churnedArr',
  'contractionArr',
  'expansionArr',
  'expansionAttributed',
  'savedArr',
] as const;

const SUMMED_COUNTS = [
  'dealCount',
  'attributedDealCount',
  'savesCount',
  'churnedCustomers',
  'churnedCustomersJoinedSameMonth',
] as const;

/** Months in calendar order, checked. Bad input throws: a NaN must never become a board figure. */
export function sortedMonths(months: readonly MonthAggregates[]): MonthAggregates[] {
  const sorted = [...months].sort((a, b) => monthIndex(a.month) - monthIndex(b.month));
  sorted.forEach((month, position) => {
    assertValid(month);
    if (position > 0 && sorted[position - 1]?.month === month.month) {
      throw new RangeError(`Month ${month.month} appears twice`);
    }
  });
  return sorted;
}

/** Sums checked months into one period. */
export function periodFigures(months: readonly MonthAggregates[]): PeriodFigures {
  const sorted = sortedMonths(months);

  const sumAmount = (pick: (month: MonthAggregates) => Decimal): Decimal =>
    sorted.reduce((total, month) => total.plus(pick(month)), exact(0));
  const sumCount = (pick: (month: MonthAggregates) => number): number =>
    sorted.reduce((total, month) => total + pick(month), 0);

  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const amounts = Object.fromEntries(
    SUMMED_AMOUNTS.map((field) => [field, sumAmount((month) => month[field])]),
  ) as Record<(typeof SUMMED_AMOUNTS)[number], Decimal>;
  const counts = Object.fromEntries(
    SUMMED_COUNTS.map((field) => [field, sumCount((month) => month[field])]),
  ) as Record<(typeof SUMMED_COUNTS)[number], number>;

  return {
    months: sorted.map((month) => month.month),
    firstMonth: first?.month ?? null,
    lastMonth: last?.month ?? null,
    source: periodSource(sorted.map((month) => month.month)),
    span: periodSpan(first?.month, last?.month),
    openingArr: exact(first?.startArr ?? 0),
    openingCustomers: first?.startCustomers ?? 0,
    arrMonths: sumAmount((month) => month.startArr),
    customerMonths: sumCount((month) => month.startCustomers),
    fteMonths: sumAmount((month) => month.csmFte),
    managedClientMonths: sumCount((month) => month.managedClients),
    ...amounts,
    ...counts,
  };
}

/** Lets every metric accept either one month or an already summed period. */
export function asPeriod(figures: MonthAggregates | PeriodFigures): PeriodFigures {
  return 'month' in figures ? periodFigures([figures]) : figures;
}

/** Average per month present; null when there is no month to average over. */
export function averageOver(period: PeriodFigures, total: Decimal.Value): Decimal | null {
  return period.months.length === 0 ? null : exact(total).dividedBy(period.months.length);
}

/**
 * Why a ratio is undefined: an empty period says so first, otherwise the metric's own reason,
 * phrased for one month or for several.
 */
export function undefinedBecause(
  period: PeriodFigures,
  reason: { month: Localised; period: Localised },
): Localised {
  if (period.months.length === 0) {
    return localised('No monthly figures in this period.', 'Aucun chiffre mensuel sur cette période.');
  }
  return period.months.length === 1 ? reason.month : reason.period;
}

function periodSource(months: string[]): Localised {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) {
    return localised('No monthly figures', 'Aucun chiffre mensuel');
  }
  if (first === last) return localised(`Monthly figures, ${first}`, `Chiffres mensuels, ${first}`);
  const span = monthIndex(last) - monthIndex(first) + 1;
  const count = months.length;
  const presence =
    count === span
      ? localised(`${count} months`, `${count} mois`)
      : localised(`${count} of ${span} months present`, `${count} mois présents sur ${span}`);
  return localised(
    `Monthly figures, ${first} to ${last} (${presence.en})`,
    `Chiffres mensuels, ${first} à ${last} (${presence.fr})`,
  );
}

function periodSpan(first: string | undefined, last: string | undefined): Localised {
  if (first === undefined || last === undefined) return localised('no month', 'aucun mois');
  return first === last ? localised(first, first) : localised(`${first} to ${last}`, `${first} à ${last}`);
}

function assertValid(month: MonthAggregates): void {
  monthIndex(month.month);
  const amounts: Decimal[] = [month.csmFte, month.startArr, ...SUMMED_AMOUNTS.map((field) => month[field])];
  if (amounts.some((value) => !value.isFinite())) {
    throw new RangeError(`Month ${month.month} has an amount that is not a finite number`);
  }
  const counts = [month.startCustomers, month.managedClients, ...SUMMED_COUNTS.map((field) => month[field])];
  if (counts.some((value) => !Number.isSafeInteger(value) || value < 0)) {
    throw new RangeError(`Month ${month.month} has a count that is not a whole number ≥ 0`);
  }
  if (month.churnedCustomersJoinedSameMonth > month.churnedCustomers) {
    throw new RangeError(`Month ${month.month}: more same-month churns than churned customers`);
  }
}
