import type { ExplanationInput, Localised, MethodSettings, Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { addAmounts, amount, amountValue, divideAmounts } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { COMPUTED_SOURCE, localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod, averageOver, undefinedBecause } from './period-figures';
import { churnAvoidedAmount } from './churn-avoided';
import { expansionAttributableAmount } from './expansion-attributable';

/**
 * Book of business per CSM: ARR at start ÷ FTE. Over several months both are averaged
 * (Σ ARR-months ÷ Σ FTE-months), so every month weighs the same.
 */
export function arrPerCsm(figures: MonthAggregates | PeriodFigures): Metric {
  const period = asPeriod(figures);
  const several = period.months.length > 1;
  const base = {
    key: 'arrPerCsm',
    label: METRIC_LABELS.arrPerCsm,
    kind: 'money' as const,
    formula: several
      ? localised(
          'Average ARR at start of month ÷ average CSM headcount (FTE)',
          'ARR moyen en début de mois ÷ effectif CSM moyen (ETP)',
        )
      : localised('ARR at start of month ÷ CSM headcount (FTE)', 'ARR en début de mois ÷ effectif CSM (ETP)'),
    inputs: [
      metricInput(
        several
          ? localised('Average ARR at start of month', 'ARR moyen en début de mois')
          : localised('ARR at start of month', 'ARR en début de mois'),
        averageOver(period, period.arrMonths),
        'money',
        period.source,
      ),
      fteInput(period),
    ],
  };
  const value = divideAmounts(amount(period.arrMonths), amount(period.fteMonths));
  return value === null
    ? buildMetric({ ...base, value, note: noHeadcount(period) })
    : buildMetric({ ...base, value });
}

/**
 * What the CS team brought in (churn avoided + attributable expansion) per CSM; over several
 * months the total is divided by the average headcount. CAC saved is left out: it is a cost
 * avoided, not revenue. Both components count whatever the gains settings, so teams compare.
 */
export function csGeneratedRevenuePerCsm(
  figures: MonthAggregates | PeriodFigures,
  settings: MethodSettings,
): Metric {
  const period = asPeriod(figures);
  const generated = addAmounts(churnAvoidedAmount(period, settings), expansionAttributableAmount(period));
  const averageFte = amount(period.fteMonths, Math.max(period.months.length, 1));
  const base = {
    key: 'csGeneratedRevenuePerCsm',
    label: METRIC_LABELS.csGeneratedRevenuePerCsm,
    kind: 'money' as const,
    formula:
      period.months.length > 1
        ? localised(
            '(Churn avoided + Expansion attributable to CS) over the period ÷ average CSM headcount (FTE)',
            '(Churn évité + Expansion attribuable au CS) sur la période ÷ effectif CSM moyen (ETP)',
          )
        : localised(
            '(Churn avoided + Expansion attributable to CS) ÷ CSM headcount (FTE)',
            '(Churn évité + Expansion attribuable au CS) ÷ effectif CSM (ETP)',
          ),
    inputs: [
      metricInput(
        localised('Churn avoided + Expansion attributable to CS', 'Churn évité + Expansion attribuable au CS'),
        amountValue(generated),
        'money',
        COMPUTED_SOURCE,
      ),
      fteInput(period),
    ],
  };
  const value = divideAmounts(generated, averageFte);
  return value === null
    ? buildMetric({ ...base, value, note: noHeadcount(period) })
    : buildMetric({ ...base, value });
}

function fteInput(period: PeriodFigures): ExplanationInput {
  return metricInput(
    period.months.length > 1
      ? localised('Average CSM headcount (FTE)', 'Effectif CSM moyen (ETP)')
      : localised('CSM headcount (FTE)', 'Effectif CSM (ETP)'),
    averageOver(period, period.fteMonths),
    'count',
    period.source,
  );
}

function noHeadcount(period: PeriodFigures): Localised {
  return undefinedBecause(period, {
    month: localised('No CSM headcount (FTE) this month.', 'Aucun effectif CSM (ETP) ce mois-ci.'),
    period: localised('No CSM headcount (FTE) over this period.', 'Aucun effectif CSM (ETP) sur cette période.'),
  });
}
