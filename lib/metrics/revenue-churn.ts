import type { Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod } from './period-figures';
import { openingArrRatio, revenueTerms } from './opening-arr-ratio';

/** ARR lost (churn + contraction) as a share of the starting ARR: 100 − GRR. */
export function grossRevenueChurnPct(figures: MonthAggregates | PeriodFigures): Metric {
  const period = asPeriod(figures);
  const terms = revenueTerms(period);
  return openingArrRatio(period, {
    key: 'grossRevenueChurnPct',
    label: METRIC_LABELS.grossRevenueChurnPct,
    includeOpeningArr: false,
    terms: [
      { ...terms.churn, sign: '+' },
      { ...terms.contraction, sign: '+' },
    ],
  });
}

/** ARR lost net of expansion: 100 − NRR. Negative when expansion outweighs losses. */
export function netRevenueChurnPct(figures: MonthAggregates | PeriodFigures): Metric {
  const period = asPeriod(figures);
  const terms = revenueTerms(period);
  return openingArrRatio(period, {
    key: 'netRevenueChurnPct',
    label: METRIC_LABELS.netRevenueChurnPct,
    includeOpeningArr: false,
    terms: [{ ...terms.churn, sign: '+' }, { ...terms.contraction, sign: '+' }, { ...terms.expansion, sign: '−' }],
  });
}
