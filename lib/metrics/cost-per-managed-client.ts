import type { MethodSettings, Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { amount, amountValue, divideAmounts, scaleAmount } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { COMPUTED_SOURCE, localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod, averageOver, undefinedBecause } from './period-figures';
import { csCostAmount } from './cs-cost';

/**
 * CS team cost ÷ managed clients. Over several months: the period's cost ÷ the average number of
 * managed clients, i.e. what one client cost over the whole period.
 */
export function costPerManagedClient(
  figures: MonthAggregates | PeriodFigures,
  settings: MethodSettings,
): Metric {
  const period = asPeriod(figures);
  const several = period.months.length > 1;
  const cost = csCostAmount(period, settings);
  // cost × months ÷ Σ client-months = cost ÷ average clients, with a single division.
  const value = divideAmounts(scaleAmount(cost, period.months.length), amount(period.managedClientMonths));
  const base = {
    key: 'costPerManagedClient',
    label: METRIC_LABELS.costPerManagedClient,
    kind: 'money' as const,
    formula: several
      ? localised(
          'CS team cost over the period ÷ average managed clients',
          "Coût de l'équipe CS sur la période ÷ nombre moyen de clients gérés",
        )
      : localised('CS team cost ÷ managed clients', "Coût de l'équipe CS ÷ clients gérés"),
    inputs: [
      metricInput(METRIC_LABELS.csCost, amountValue(cost), 'money', COMPUTED_SOURCE),
      metricInput(
        several
          ? localised('Average managed clients', 'Nombre moyen de clients gérés')
          : localised('Managed clients', 'Clients gérés'),
        averageOver(period, period.managedClientMonths),
        'count',
        period.source,
      ),
    ],
  };
  if (value === null) {
    return buildMetric({
      ...base,
      value,
      note: undefinedBecause(period, {
        month: localised('No managed clients recorded this month.', 'Aucun client géré saisi ce mois-ci.'),
        period: localised('No managed clients recorded over this period.', 'Aucun client géré saisi sur cette période.'),
      }),
    });
  }
  return buildMetric({ ...base, value });
}
