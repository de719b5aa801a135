import type { ExactAmount, MethodSettings, Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { amount, amountValue, exact } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { COMPUTED_SOURCE, SETTINGS_SOURCE, localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod } from './period-figures';

/**
 * ARR the baseline churn would have taken this month, minus what was actually lost.
 * Monthly: start ARR × baseline ÷ 12 − (churn + contraction). Over 12 flat months this is
 * ARR × (baseline − actual), the article's formula, but it also follows a moving ARR.
 * Kept over 1 200 (÷ 100 for the %, ÷ 12 for the month) so that months add up without drift.
 */
export function churnAvoidedAmount(period: PeriodFigures, settings: MethodSettings): ExactAmount {
  const expected = period.arrMonths.times(exact(settings.baselineAnnualChurnPct));
  const lost = period.churnedArr.plus(period.contractionArr).times(1200);
  return amount(expected.minus(lost), 1200);
}

export function churnAvoided(figures: MonthAggregates | PeriodFigures, settings: MethodSettings): Metric {
  const period = asPeriod(figures);
  const baseline = exact(settings.baselineAnnualChurnPct);
  const value = amountValue(churnAvoidedAmount(period, settings));
  const severalMonths = period.months.length > 1;
  const eventsSource = localised(
    `Churn and contraction events, ${period.span.en}`,
    `Événements de churn et de contraction, ${period.span.fr}`,
  );

  return buildMetric({
    key: 'churnAvoided',
    label: METRIC_LABELS.churnAvoided,
    kind: 'money',
    value,
    formula: severalMonths
      ? localised(
          'Σ over the months of (ARR at start × baseline annual churn ÷ 12) − (churned ARR + contraction ARR)',
          'Σ sur les mois de (ARR en début de mois × churn annuel de référence ÷ 12) − (ARR perdu par churn + ARR perdu par contraction)',
        )
      : localised(
          'ARR at start × baseline annual churn ÷ 12 − (churned ARR + contraction ARR)',
          'ARR en début de mois × churn annuel de référence ÷ 12 − (ARR perdu par churn + ARR perdu par contraction)',
        ),
    inputs: [
      metricInput(
        severalMonths
          ? localised('Σ ARR at the start of each month', 'Σ ARR en début de chaque mois')
          : localised('ARR at start of month', 'ARR en début de mois'),
        period.arrMonths,
        'money',
        period.source,
      ),
      metricInput(METRIC_LABELS.baselineAnnualChurnPct, baseline, 'percent', SETTINGS_SOURCE),
      metricInput(
        localised('Churn expected at the baseline rate', 'Churn attendu au taux de référence'),
        period.arrMonths.times(baseline).dividedBy(1200),
        'money',
        COMPUTED_SOURCE,
      ),
      metricInput(localised('Churned ARR', 'ARR perdu par churn'), period.churnedArr, 'money', eventsSource),
      metricInput(
        localised('Contraction ARR', 'ARR perdu par contraction'),
        period.contractionArr,
        'money',
        eventsSource,
      ),
    ],
    // A negative figure is kept: hiding it would make the whole ROI dishonest.
    note: value.isNegative()
      ? localised(
          'Negative: more ARR was lost than the baseline churn predicts.',
          "Négatif : plus d'ARR a été perdu que ne le prévoit le churn de référence.",
        )
      : undefined,
  });
}
