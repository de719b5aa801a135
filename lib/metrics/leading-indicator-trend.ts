import type Decimal from 'decimal.js';
import type { MonthAggregates } from './types';
import { exact } from './exact-amount';
import { monthIndex } from './month-key';

/**
 * How a leading indicator moved between the last two months. Direction is neutral on purpose:
 * a lower time to value is good news, a lower health score is not; the UI knows which is which.
 */
export type LeadingIndicatorTrend = {
  latest: Decimal | null;
  previous: Decimal | null;
  change: Decimal | null;
  direction: 'up' | 'down' | 'flat' | 'unknown';
};

/**
 * Compares the last value with the one before it, in month order. A missing value is not skipped:
 * comparing with an older month would pass off a two-month change as a monthly one.
 */
export function leadingIndicatorTrend(values: readonly (Decimal | null)[]): LeadingIndicatorTrend {
  const latest = values.length > 0 ? (values[values.length - 1] ?? null) : null;
  const previous = values.length > 1 ? (values[values.length - 2] ?? null) : null;
  if ([latest, previous].some((value) => value !== null && !value.isFinite())) {
    throw new RangeError('A leading indicator value is not a finite number');
  }
  if (latest === null || previous === null) {
    return { latest, previous, change: null, direction: 'unknown' };
  }
  const change = exact(latest).minus(previous);
  const direction = change.isZero() ? 'flat' : change.isPositive() ? 'up' : 'down';
  return { latest, previous, change, direction };
}

/** The method's three leading indicators, each compared between the latest month and the one before. */
export function leadingIndicators(months: readonly MonthAggregates[]): {
  healthScore: LeadingIndicatorTrend;
  timeToValueDays: LeadingIndicatorTrend;
  featureAdoptionPct: LeadingIndicatorTrend;
} {
  // The calendar month before the latest, not the previous entry: a gap must read as unknown.
  const byMonth = new Map(months.map((month) => [monthIndex(month.month), month]));
  const latestIndex = Math.max(...byMonth.keys());
  const lastTwo = [byMonth.get(latestIndex - 1), byMonth.get(latestIndex)];
  const trend = (pick: (month: MonthAggregates) => Decimal | null): LeadingIndicatorTrend =>
    leadingIndicatorTrend(lastTwo.map((month) => (month === undefined ? null : pick(month))));
  return {
    healthScore: trend((month) => month.avgHealthScore),
    timeToValueDays: trend((month) => month.timeToValueDays),
    featureAdoptionPct: trend((month) => month.featureAdoptionPct),
  };
}
