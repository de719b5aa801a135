import type { ExactAmount, MethodSettings, Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { amount, amountValue, exact } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { SETTINGS_SOURCE, counted, joinLocalised, localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod } from './period-figures';

/** Every saved customer is one the company does not have to acquire again. */
export function cacSavedAmount(period: PeriodFigures, settings: MethodSettings): ExactAmount {
  return amount(exact(period.savesCount).times(exact(settings.averageCac)));
}

export function cacSaved(figures: MonthAggregates | PeriodFigures, settings: MethodSettings): Metric {
  const period = asPeriod(figures);
  return buildMetric({
    key: 'cacSaved',
    label: METRIC_LABELS.cacSaved,
    kind: 'money',
    value: amountValue(cacSavedAmount(period, settings)),
    formula: localised('Customers saved × average CAC', 'Clients sauvés × CAC moyen'),
    inputs: [
      metricInput(
        localised('Customers saved', 'Clients sauvés'),
        period.savesCount,
        'count',
        joinLocalised(
          [
            counted(
              period.savesCount,
              { one: 'saved customer', many: 'saved customers' },
              { one: 'client sauvé', many: 'clients sauvés' },
            ),
            period.span,
          ],
          ', ',
        ),
      ),
      metricInput(localised('Average CAC', 'CAC moyen'), exact(settings.averageCac), 'money', SETTINGS_SOURCE),
    ],
  });
}
