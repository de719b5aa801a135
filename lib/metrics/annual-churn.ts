import type { MethodSettings, Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { amount, divideAmounts, exact } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { SETTINGS_SOURCE, localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod, undefinedBecause } from './period-figures';

/**
 * The month's gross revenue churn × 12, as a yearly percentage. Simple ×12, not compounded, on
 * purpose: churn avoided compares ARR × baseline ÷ 12 with the month's losses, so the two rates
 * must be annualised the same way to be compared. Over several months the monthly rate is the
 * ARR-weighted one (Σ losses ÷ Σ ARR at start), so that churn avoided over the period equals
 * Σ ARR at start ÷ 12 × (baseline − actual) exactly.
 */
export function actualAnnualChurnPct(figures: MonthAggregates | PeriodFigures): Metric {
  const period = asPeriod(figures);
  const several = period.months.length > 1;
  const lost = period.churnedArr.plus(period.contractionArr);
  const events = localised(
    `Churn and contraction events, ${period.span.en}`,
    `Événements de churn et de contraction, ${period.span.fr}`,
  );
  const base = {
    key: 'actualAnnualChurnPct',
    label: METRIC_LABELS.actualAnnualChurnPct,
    kind: 'percent' as const,
    formula: several
      ? localised(
          'Σ (churned ARR + contraction ARR) ÷ Σ ARR at the start of each month × 12 × 100',
          'Σ (ARR perdu par churn + ARR perdu par contraction) ÷ Σ ARR en début de chaque mois × 12 × 100',
        )
      : localised(
          '(Churned ARR + contraction ARR) ÷ ARR at start of month × 12 × 100',
          '(ARR perdu par churn + ARR perdu par contraction) ÷ ARR en début de mois × 12 × 100',
        ),
    inputs: [
      metricInput(
        localised('Churned ARR + contraction ARR', 'ARR perdu par churn et contraction'),
        lost,
        'money',
        events,
      ),
      metricInput(
        several
          ? localised('Σ ARR at the start of each month', 'Σ ARR en début de chaque mois')
          : localised('ARR at start of month', 'ARR en début de mois'),
        period.arrMonths,
        'money',
        period.source,
      ),
    ],
  };
  const value = divideAmounts(amount(lost.times(1200)), amount(period.arrMonths));
  if (value === null) {
    return buildMetric({
      ...base,
      value,
      note: undefinedBecause(period, {
        month: localised('No ARR at the start of the month.', 'Aucun ARR en début de mois.'),
        period: localised('No ARR at the start of any month.', "Aucun ARR en début de mois sur la période."),
      }),
    });
  }
  return buildMetric({
    ...base,
    value,
    note: localised(
      'Annualised simply (× 12, not compounded) to stay comparable with the baseline ÷ 12 used for churn avoided.',
      'Annualisé simplement (× 12, sans composition) pour rester comparable au churn de référence ÷ 12 utilisé pour le churn évité.',
    ),
  });
}

/** The churn the team is measured against, as set in the method settings. */
export function baselineAnnualChurnPct(settings: MethodSettings): Metric {
  const value = exact(settings.baselineAnnualChurnPct);
  return buildMetric({
    key: 'baselineAnnualChurnPct',
    label: METRIC_LABELS.baselineAnnualChurnPct,
    kind: 'percent',
    value,
    formula: localised('Set in the method settings', 'Défini dans les paramètres de la méthode'),
    inputs: [metricInput(METRIC_LABELS.baselineAnnualChurnPct, value, 'percent', SETTINGS_SOURCE)],
  });
}
