import type { MethodSettings, Metric, MonthMetrics } from './types';
import type { PeriodFigures } from './period-figures';
import { baselineAnnualChurnPct, actualAnnualChurnPct } from './annual-churn';
import { cacSaved } from './cac-saved';
import { churnAvoided } from './churn-avoided';
import { costPerManagedClient } from './cost-per-managed-client';
import { csCost, csCostAmount } from './cs-cost';
import { expansionAttributable } from './expansion-attributable';
import { gains, gainsAmount } from './gains';
import { localised } from './localised';
import { logoChurnPct } from './logo-churn';
import { arrPerCsm, csGeneratedRevenuePerCsm } from './revenue-per-csm';
import { grossRevenueChurnPct, netRevenueChurnPct } from './revenue-churn';
import { grrPct, nrrPct } from './revenue-retention';
import { roiPct } from './roi-pct';

/**
 * Every dashboard metric for one period. A month, a range and a rolling window are all periods,
 * so they share these formulas and cannot drift apart.
 */
export function computePeriod(period: PeriodFigures, settings: MethodSettings): MonthMetrics {
  const cost = csCost(period, settings);
  const gained = gains(period, settings);
  const metrics: MonthMetrics = {
    csCost: cost,
    churnAvoided: churnAvoided(period, settings),
    expansionAttributable: expansionAttributable(period),
    cacSaved: cacSaved(period, settings),
    gains: gained,
    // From the exact amounts, not the rounded values, so the ratio is rounded once.
    roiPct: roiPct(gainsAmount(period, settings), csCostAmount(period, settings)),
    arrPerCsm: arrPerCsm(period),
    csGeneratedRevenuePerCsm: csGeneratedRevenuePerCsm(period, settings),
    costPerManagedClient: costPerManagedClient(period, settings),
    grrPct: grrPct(period),
    nrrPct: nrrPct(period),
    grossRevenueChurnPct: grossRevenueChurnPct(period),
    netRevenueChurnPct: netRevenueChurnPct(period),
    logoChurnPct: logoChurnPct(period, settings),
    actualAnnualChurnPct: actualAnnualChurnPct(period),
    baselineAnnualChurnPct: baselineAnnualChurnPct(settings),
  };
  return period.months.length === 0 ? explainEmpty(metrics) : metrics;
}

/** With no month at all, every other explanation would be beside the point. */
function explainEmpty(metrics: MonthMetrics): MonthMetrics {
  const note = localised('No monthly figures in this period.', 'Aucun chiffre mensuel sur cette période.');
  const entries = Object.entries(metrics).map(([key, metric]: [string, Metric]) => [
    key,
    key === 'baselineAnnualChurnPct' ? metric : { ...metric, explanation: { ...metric.explanation, note } },
  ]);
  return Object.fromEntries(entries) as MonthMetrics;
}
