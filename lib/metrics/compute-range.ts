import type { MethodSettings, MonthAggregates, RangeMetrics } from './types';
import { computePeriod } from './compute-period';
import { missingMonths } from './month-key';
import { periodFigures } from './period-figures';

/**
 * The dashboard metrics over a range. Money is summed over the months (exactly: churn avoided is
 * summed as a fraction), ROI is Σ gains against Σ cost, GRR and NRR are trailing from the ARR at
 * the start of the first month, ratios per CSM or per client use average headcounts.
 * Gaps and drafts are reported, never filled in.
 */
export function computeRange(months: readonly MonthAggregates[], settings: MethodSettings): RangeMetrics {
  const period = periodFigures(months);
  const drafts = new Set(months.filter((month) => month.status === 'DRAFT').map((month) => month.month));
  return {
    ...computePeriod(period, settings),
    monthsCount: period.months.length,
    monthsMissing: missingMonths(period.months),
    draftMonths: period.months.filter((month) => drafts.has(month)),
  };
}
