import type { MethodSettings, Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { amount, divideAmounts } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod, undefinedBecause } from './period-figures';

/**
 * Churned customers as the method counts them. A customer who joined and left in the same month
 * was never among the customers at start; EXCLUDE keeps the ratio's numerator inside its
 * denominator, COUNT keeps every loss visible.
 */
export function countedChurnedCustomers(period: PeriodFigures, settings: MethodSettings): number {
  return settings.sameMonthChurnRule === 'EXCLUDE'
    ? period.churnedCustomers - period.churnedCustomersJoinedSameMonth
    : period.churnedCustomers;
}

/** Customers lost ÷ customers at start × 100 (over a range: ÷ customers at the start of the first month). */
export function logoChurnPct(figures: MonthAggregates | PeriodFigures, settings: MethodSettings): Metric {
  const period = asPeriod(figures);
  const several = period.months.length > 1;
  const counted = countedChurnedCustomers(period, settings);
  const accounts = localised(
    `Accounts with a churn date, ${period.span.en}`,
    `Comptes avec une date de churn, ${period.span.fr}`,
  );
  const sameMonth = period.churnedCustomersJoinedSameMonth;
  const base = {
    key: 'logoChurnPct',
    label: METRIC_LABELS.logoChurnPct,
    kind: 'percent' as const,
    formula: several
      ? localised(
          'Customers lost ÷ customers at the start of the first month × 100',
          'Clients perdus ÷ clients au début du premier mois × 100',
        )
      : localised('Customers lost ÷ customers at start of month × 100', 'Clients perdus ÷ clients en début de mois × 100'),
    inputs: [
      metricInput(localised('Customers lost', 'Clients perdus'), counted, 'count', accounts),
      metricInput(
        localised('Of which joined and left in the same month', 'Dont arrivés et partis le même mois'),
        sameMonth,
        'count',
        accounts,
      ),
      metricInput(
        several
          ? localised('Customers at the start of the first month', 'Clients au début du premier mois')
          : localised('Customers at start of month', 'Clients en début de mois'),
        period.openingCustomers,
        'count',
        period.source,
      ),
    ],
  };
  const value = divideAmounts(amount(counted * 100), amount(period.openingCustomers));
  if (value === null) {
    return buildMetric({
      ...base,
      value,
      note: undefinedBecause(period, {
        month: localised('No customers at the start of the month.', 'Aucun client en début de mois.'),
        period: localised('No customers at the start of the first month.', 'Aucun client au début du premier mois.'),
      }),
    });
  }
  const ruleNote =
    sameMonth === 0
      ? undefined
      : settings.sameMonthChurnRule === 'EXCLUDE'
        ? localised(
            'Customers who joined and left in the same month are not counted (method settings).',
            'Les clients arrivés et partis le même mois ne sont pas comptés (paramètres de la méthode).',
          )
        : localised(
            'Customers who joined and left in the same month are counted (method settings).',
            'Les clients arrivés et partis le même mois sont comptés (paramètres de la méthode).',
          );
  return buildMetric({ ...base, value, note: ruleNote });
}
