import type { ExactAmount, ExplanationInput, Localised, MethodSettings, Metric } from './types';
import { amount, amountValue, divideAmounts, exact } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { COMPUTED_SOURCE, SETTINGS_SOURCE, localised } from './localised';
import { METRIC_LABELS } from './metric-labels';

/** CLV, and the value realised so far that stands in for it while churn is too rare to use. */
export type ClvResult = { clv: Metric; realisedValueToDate: Metric };

/** What both CLVs (over months, per cohort) need, as exact quantities. */
export type LifetimeValueParts = {
  /** Average monthly revenue per account. null: there is no account to average over. */
  arpa: ExactAmount | null;
  churnedAccounts: number;
  /** Account-months observed: the churn rate's denominator. */
  accountMonths: number;
  /** Months an average account has been paying so far. */
  monthsToDate: ExactAmount;
  source: Localised;
  formulaOfArpa: Localised;
  empty: Localised;
};

/**
 * The article's CLV = ARPA × gross margin ÷ monthly churn rate, computed as one division of exact
 * products. No churn gives no finite CLV: the value is null and the realised value is the figure
 * to read instead; never Infinity.
 */
export function lifetimeValue(parts: LifetimeValueParts, settings: MethodSettings): ClvResult {
  const margin = exact(settings.grossMarginPct);
  const churnRate = divideAmounts(amount(parts.churnedAccounts * 100), amount(parts.accountMonths));
  const inputs: ExplanationInput[] = [
    metricInput(
      localised('Average revenue per account per month (ARPA)', 'Revenu mensuel moyen par compte (ARPA)'),
      parts.arpa && amountValue(parts.arpa),
      'money',
      parts.source,
    ),
    metricInput(localised('Gross margin', 'Marge brute'), margin, 'percent', SETTINGS_SOURCE),
    metricInput(
      localised('Monthly customer churn rate', 'Taux de churn client mensuel'),
      churnRate,
      'percent',
      COMPUTED_SOURCE,
    ),
    metricInput(localised('Customers lost', 'Clients perdus'), parts.churnedAccounts, 'count', parts.source),
    metricInput(
      localised('Account-months observed', 'Mois-comptes observés'),
      parts.accountMonths,
      'count',
      parts.source,
    ),
  ];
  const clvFormula = localised(
    `ARPA × gross margin ÷ monthly customer churn rate, where ${parts.formulaOfArpa.en}`,
    `ARPA × marge brute ÷ taux de churn client mensuel, où ${parts.formulaOfArpa.fr}`,
  );
  const realisedFormula = localised(
    'ARPA × gross margin × months paid so far per account',
    'ARPA × marge brute × mois payés à ce jour par compte',
  );
  const realisedInputs = [
    ...inputs.slice(0, 2),
    metricInput(
      localised('Months paid so far per account', 'Mois payés à ce jour par compte'),
      amountValue(parts.monthsToDate),
      'count',
      COMPUTED_SOURCE,
    ),
  ];
  const clvBase = { key: 'clv', label: METRIC_LABELS.clv, kind: 'money' as const, formula: clvFormula, inputs };
  const realisedBase = {
    key: 'realisedValueToDate',
    label: METRIC_LABELS.realisedValueToDate,
    kind: 'money' as const,
    formula: realisedFormula,
    inputs: realisedInputs,
  };

  if (parts.arpa === null) {
    return {
      clv: buildMetric({ ...clvBase, value: null, note: parts.empty }),
      realisedValueToDate: buildMetric({ ...realisedBase, value: null, note: parts.empty }),
    };
  }
  const arpaMargin = {
    numerator: parts.arpa.numerator.times(margin),
    denominator: parts.arpa.denominator.times(100),
  };
  const realised = amountValue({
    numerator: arpaMargin.numerator.times(parts.monthsToDate.numerator),
    denominator: arpaMargin.denominator.times(parts.monthsToDate.denominator),
  });
  const realisedValueToDate = buildMetric({ ...realisedBase, value: realised });
  if (parts.churnedAccounts === 0 || parts.accountMonths === 0) {
    return { clv: buildMetric({ ...clvBase, value: null, note: notEnoughChurn(parts) }), realisedValueToDate };
  }
  // ARPA × margin ÷ (churned ÷ months) = ARPA × margin × months ÷ churned: one division.
  const value = amountValue({
    numerator: arpaMargin.numerator.times(parts.accountMonths),
    denominator: arpaMargin.denominator.times(parts.churnedAccounts),
  });
  return { clv: buildMetric({ ...clvBase, value }), realisedValueToDate };
}

function notEnoughChurn(parts: LifetimeValueParts): Localised {
  if (parts.accountMonths === 0) {
    return localised(
      'No account-month observed yet: no churn rate to divide by.',
      'Aucun mois-compte observé : pas encore de taux de churn.',
    );
  }
  return localised(
    'Not enough churn yet: with no customer lost, lifetime value has no finite estimate. Read the value realised to date instead.',
    "Pas encore assez de churn : sans client perdu, la valeur vie client n'a pas d'estimation finie. Lisez plutôt la valeur réalisée à ce jour.",
  );
}
