import type { Metric, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import { localised } from './localised';
import { METRIC_LABELS } from './metric-labels';
import { asPeriod } from './period-figures';
import { openingArrRatio, revenueTerms } from './opening-arr-ratio';

/** Gross revenue retention: what remains of the starting ARR, expansion ignored. At most 100 %. */
export function grrPct(figures: MonthAggregates | PeriodFigures): Metric {
  const period = asPeriod(figures);
  const terms = revenueTerms(period);
  return openingArrRatio(period, {
    key: 'grrPct',
    label: METRIC_LABELS.grrPct,
    includeOpeningArr: true,
    terms: [terms.churn, terms.contraction],
  });
}

/** Net revenue retention: the starting customers' ARR after churn, contraction and expansion. */
export function nrrPct(figures: MonthAggregates | PeriodFigures): Metric {
  const period = asPeriod(figures);
  const terms = revenueTerms(period);
  return openingArrRatio(period, {
    key: 'nrrPct',
    label: METRIC_LABELS.nrrPct,
    includeOpeningArr: true,
    terms: [terms.expansion, terms.contraction, terms.churn],
    // New customers are growth bought by sales, not revenue kept by CS.
    note: localised('New business ARR is excluded.', "L'ARR des nouveaux clients est exclu."),
  });
}
