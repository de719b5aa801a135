import type { ExactAmount, Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { amount, amountValue } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { COMPUTED_SOURCE, counted, joinLocalised, localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod } from './period-figures';

/** Each deal's ARR × its attribution share, summed exactly in SQL: nothing is re-derived here. */
export function expansionAttributableAmount(period: PeriodFigures): ExactAmount {
  return amount(period.expansionAttributed);
}

export function expansionAttributable(figures: MonthAggregates | PeriodFigures): Metric {
  const period = asPeriod(figures);
  const dealsSource = joinLocalised(
    [
      counted(
        period.dealCount,
        { one: 'expansion deal', many: 'expansion deals' },
        { one: "deal d'expansion", many: "deals d'expansion" },
      ),
      period.span,
    ],
    ', ',
  );
  // The article's "attributable ÷ total × 100", shown so the board sees the share behind the sum.
  const share = period.expansionArr.isZero()
    ? null
    : period.expansionAttributed.times(100).dividedBy(period.expansionArr);

  return buildMetric({
    key: 'expansionAttributable',
    label: METRIC_LABELS.expansionAttributable,
    kind: 'money',
    value: amountValue(expansionAttributableAmount(period)),
    formula: localised(
      "Σ over expansion deals of (deal ARR × share attributed to CS)",
      "Σ sur les deals d'expansion de (ARR du deal × part attribuée au CS)",
    ),
    inputs: [
      metricInput(localised('Total expansion ARR', "ARR d'expansion total"), period.expansionArr, 'money', dealsSource),
      metricInput(
        localised('Deals attributed to CS', 'Deals attribués au CS'),
        period.attributedDealCount,
        'count',
        dealsSource,
      ),
      metricInput(
        localised('Share of expansion attributable to CS', "Part de l'expansion attribuable au CS"),
        share,
        'percent',
        COMPUTED_SOURCE,
      ),
    ],
  });
}
