import type Decimal from 'decimal.js';
import type { ExplanationInput, Localised, Metric } from './types';
import type { PeriodFigures } from './period-figures';
import { amount, divideAmounts, exact } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { localised } from './localised';
import { undefinedBecause } from './period-figures';

type Term = { sign: '+' | '−'; label: Localised; value: Decimal; source: Localised };

/**
 * Retention and revenue churn share one shape: a change of ARR ÷ the ARR at the start × 100.
 * Over several months the base is the ARR at the start of the first month and the changes are
 * summed (trailing retention), so a year of GRR reads like a cohort's, not like an average.
 */
export function openingArrRatio(
  period: PeriodFigures,
  spec: { key: string; label: Localised; includeOpeningArr: boolean; terms: Term[]; note?: Localised },
): Metric {
  const several = period.months.length > 1;
  const base = several
    ? localised('ARR at the start of the first month', 'ARR au début du premier mois')
    : localised('ARR at start of month', 'ARR en début de mois');
  const sum = several ? 'Σ ' : '';
  const termText = (language: 'en' | 'fr'): string =>
    spec.terms
      .map((term, index) => {
        const name = `${sum}${term.label[language]}`;
        return index === 0 && !spec.includeOpeningArr && term.sign === '+' ? name : `${term.sign} ${name}`;
      })
      .join(' ');
  const numeratorText = (language: 'en' | 'fr'): string =>
    spec.includeOpeningArr ? `${base[language]} ${termText(language)}` : termText(language);
  const formula = localised(
    `(${numeratorText('en')}) ÷ ${base.en} × 100`,
    `(${numeratorText('fr')}) ÷ ${base.fr} × 100`,
  );

  const numerator = spec.terms.reduce(
    (total, term) => (term.sign === '+' ? total.plus(term.value) : total.minus(term.value)),
    spec.includeOpeningArr ? period.openingArr : exact(0),
  );
  const inputs: ExplanationInput[] = [
    metricInput(base, period.openingArr, 'money', period.source),
    ...spec.terms.map((term) => metricInput(term.label, term.value, 'money', term.source)),
  ];
  const value = divideAmounts(amount(numerator.times(100)), amount(period.openingArr));
  const common = { key: spec.key, label: spec.label, kind: 'percent' as const, formula, inputs };
  if (value === null) {
    return buildMetric({
      ...common,
      value,
      note: undefinedBecause(period, {
        month: localised(
          'No ARR at the start of the month: nothing to measure against.',
          'Aucun ARR en début de mois : aucune base de comparaison.',
        ),
        period: localised(
          'No ARR at the start of the first month: nothing to measure against.',
          'Aucun ARR au début du premier mois : aucune base de comparaison.',
        ),
      }),
    });
  }
  return buildMetric({ ...common, value, note: spec.note });
}

/** The terms every revenue ratio draws from the period's events. */
export function revenueTerms(period: PeriodFigures): { churn: Term; contraction: Term; expansion: Term } {
  const events = localised(`Revenue events, ${period.span.en}`, `Événements de revenu, ${period.span.fr}`);
  return {
    churn: {
      sign: '−',
      label: localised('Churned ARR', 'ARR perdu par churn'),
      value: period.churnedArr,
      source: events,
    },
    contraction: {
      sign: '−',
      label: localised('Contraction ARR', 'ARR perdu par contraction'),
      value: period.contractionArr,
      source: events,
    },
    expansion: {
      sign: '+',
      label: localised('Expansion ARR', "ARR d'expansion"),
      value: period.expansionArr,
      source: events,
    },
  };
}
