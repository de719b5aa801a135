import type { MethodSettings, MonthAggregates, MonthMetrics } from './types';
import { computePeriod } from './compute-period';
import { periodFigures } from './period-figures';

/** All dashboard metrics of one month, each with its explanation. */
export function computeMonth(month: MonthAggregates, settings: MethodSettings): MonthMetrics {
  return computePeriod(periodFigures([month]), settings);
}
