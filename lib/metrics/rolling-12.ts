import type { Localised, MethodSettings, Metric, MonthAggregates } from './types';
import { withNote } from './build-metric';
import { computePeriod } from './compute-period';
import { localised } from './localised';
import { monthIndex } from './month-key';
import { periodFigures, sortedMonths } from './period-figures';

export const ROLLING_WINDOW_MONTHS = 12;

export type RollingPoint = {
  month: string;
  /** Months with figures among the 12 calendar months ending with this one. */
  monthsInWindow: number;
  complete: boolean;
  gains: Metric;
  csCost: Metric;
  roiPct: Metric;
  grrPct: Metric;
  nrrPct: Metric;
  note?: Localised;
};

/**
 * Rolling 12-month ROI, GRR and NRR for each month given. The window is the 12 calendar months
 * ending with the month, so a gap shrinks it rather than reaching further back. A short window is
 * computed on what exists and flagged: extrapolating to 12 months would invent figures.
 */
export function rolling12(months: readonly MonthAggregates[], settings: MethodSettings): RollingPoint[] {
  const sorted = sortedMonths(months).map((month) => ({ index: monthIndex(month.month), month }));

  return sorted.map(({ index, month }) => {
    const window = sorted
      .filter((other) => other.index > index - ROLLING_WINDOW_MONTHS && other.index <= index)
      .map((other) => other.month);
    const metrics = computePeriod(periodFigures(window), settings);
    const complete = window.length === ROLLING_WINDOW_MONTHS;
    const note = complete
      ? undefined
      : localised(
          `Rolling ROI over ${window.length} ${window.length === 1 ? 'month' : 'months'}: ${ROLLING_WINDOW_MONTHS} needed.`,
          `ROI glissant sur ${window.length} mois : ${ROLLING_WINDOW_MONTHS} nécessaires.`,
        );
    const point: RollingPoint = {
      month: month.month,
      monthsInWindow: window.length,
      complete,
      gains: metrics.gains,
      csCost: metrics.csCost,
      roiPct: note === undefined ? metrics.roiPct : withNote(metrics.roiPct, note),
      grrPct: metrics.grrPct,
      nrrPct: metrics.nrrPct,
    };
    return note === undefined ? point : { ...point, note };
  });
}
