import type { ExactAmount, ExplanationInput, Localised, MethodSettings, Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { addAmounts, amountValue } from './exact-amount';
import { buildMetric, inputFromMetric } from './build-metric';
import { COMPUTED_SOURCE, joinLocalised, localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod } from './period-figures';
import { cacSaved, cacSavedAmount } from './cac-saved';
import { churnAvoided, churnAvoidedAmount } from './churn-avoided';
import { expansionAttributable, expansionAttributableAmount } from './expansion-attributable';

type Component = { counted: boolean; amount: ExactAmount; metric: () => Metric };

function components(period: PeriodFigures, settings: MethodSettings): Component[] {
  return [
    {
      counted: settings.countChurnAvoided,
      amount: churnAvoidedAmount(period, settings),
      metric: () => churnAvoided(period, settings),
    },
    {
      counted: settings.countExpansion,
      amount: expansionAttributableAmount(period),
      metric: () => expansionAttributable(period),
    },
    {
      counted: settings.countCacSaved,
      amount: cacSavedAmount(period, settings),
      metric: () => cacSaved(period, settings),
    },
  ];
}

/** The gains the method settings agree to count; the others are shown but never added. */
export function gainsAmount(period: PeriodFigures, settings: MethodSettings): ExactAmount {
  return addAmounts(...components(period, settings).filter((c) => c.counted).map((c) => c.amount));
}

export function gains(figures: MonthAggregates | PeriodFigures, settings: MethodSettings): Metric {
  const period = asPeriod(figures);
  const all = components(period, settings).map((c) => ({ counted: c.counted, metric: c.metric() }));
  const kept = all.filter((c) => c.counted).map((c) => c.metric);
  const left = all.filter((c) => !c.counted).map((c) => c.metric);
  const inputs: ExplanationInput[] = kept.map((metric) => inputFromMetric(metric, COMPUTED_SOURCE));

  return buildMetric({
    key: 'gains',
    label: METRIC_LABELS.gains,
    kind: 'money',
    value: amountValue(gainsAmount(period, settings)),
    formula:
      kept.length === 0
        ? localised('0: no gain is counted in the method settings', "0 : aucun gain n'est compté dans les paramètres de la méthode")
        : joinLocalised(kept.map((metric) => metric.label), ' + '),
    inputs,
    note: left.length === 0 ? undefined : notCountedNote(left.map((metric) => metric.label)),
  });
}

function notCountedNote(labels: Localised[]): Localised {
  const names = joinLocalised(labels, ', ');
  return localised(
    `Left out of the gains, as chosen in the method settings: ${names.en}.`,
    `Hors gains, selon les paramètres de la méthode : ${names.fr}.`,
  );
}
