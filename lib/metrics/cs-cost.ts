import type Decimal from 'decimal.js';
import type { ExactAmount, MethodSettings, Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { amount, amountValue, exact } from './exact-amount';
import { buildMetric, metricInput } from './build-metric';
import { SETTINGS_SOURCE, localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod } from './period-figures';

/** Full cost of the CS team, direct plus indirect, following the settings' indirect cost mode. */
export function csCostAmount(period: PeriodFigures, settings: MethodSettings): ExactAmount {
  const direct = directCost(period);
  if (settings.indirectCostMode === 'COEFFICIENT') {
    return amount(direct.times(exact(settings.indirectCostCoefficient)));
  }
  return amount(direct.plus(itemisedIndirectCost(period)));
}

export function csCost(figures: MonthAggregates | PeriodFigures, settings: MethodSettings): Metric {
  const period = asPeriod(figures);
  const source = period.source;
  const directInputs = [
    metricInput(localised('Loaded salaries', 'Salaires chargés'), period.loadedSalaries, 'money', source),
    metricInput(localised('CS tools', 'Outils CS'), period.toolsCost, 'money', source),
    metricInput(localised('Training', 'Formation'), period.trainingCost, 'money', source),
    metricInput(localised('Other direct costs', 'Autres coûts directs'), period.otherDirectCost, 'money', source),
  ];
  const indirectInputs = [
    metricInput(localised('Management time', 'Temps de management'), period.indirectManagementCost, 'money', source),
    metricInput(localised('Infrastructure', 'Infrastructure'), period.indirectInfrastructureCost, 'money', source),
    metricInput(localised('CSM recruiting', 'Recrutement des CSM'), period.indirectRecruitingCost, 'money', source),
  ];
  const value = amountValue(csCostAmount(period, settings));

  if (settings.indirectCostMode === 'ITEMISED') {
    return buildMetric({
      key: 'csCost',
      label: METRIC_LABELS.csCost,
      kind: 'money',
      value,
      formula: localised(
        'Loaded salaries + CS tools + Training + Other direct costs + Management time + Infrastructure + CSM recruiting',
        'Salaires chargés + Outils CS + Formation + Autres coûts directs + Temps de management + Infrastructure + Recrutement des CSM',
      ),
      inputs: [...directInputs, ...indirectInputs],
    });
  }

  return buildMetric({
    key: 'csCost',
    label: METRIC_LABELS.csCost,
    kind: 'money',
    value,
    formula: localised(
      '(Loaded salaries + CS tools + Training + Other direct costs) × indirect cost coefficient',
      '(Salaires chargés + Outils CS + Formation + Autres coûts directs) × coefficient de coûts indirects',
    ),
    inputs: [
      ...directInputs,
      metricInput(
        localised('Indirect cost coefficient', 'Coefficient de coûts indirects'),
        exact(settings.indirectCostCoefficient),
        'ratio',
        SETTINGS_SOURCE,
      ),
    ],
    // Itemised indirect costs would be counted twice if added on top of the coefficient.
    note: itemisedIndirectCost(period).isZero()
      ? undefined
      : localised(
          'Itemised indirect costs entered for this period are not added: the coefficient already covers them.',
          "Les coûts indirects détaillés saisis pour cette période ne sont pas ajoutés : le coefficient les couvre déjà.",
        ),
  });
}

function directCost(period: PeriodFigures): Decimal {
  return period.loadedSalaries.plus(period.toolsCost).plus(period.trainingCost).plus(period.otherDirectCost);
}

function itemisedIndirectCost(period: PeriodFigures): Decimal {
  return period.indirectManagementCost
    .plus(period.indirectInfrastructureCost)
    .plus(period.indirectRecruitingCost);
}
