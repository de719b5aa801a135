import type { MethodSettings, MonthAggregates } from './types';
import type { PeriodFigures } from './period-figures';
import type { ClvResult } from './lifetime-value';
import { amount, exact } from './exact-amount';
import { localised } from './localised';
import { lifetimeValue } from './lifetime-value';
import { countedChurnedCustomers } from './logo-churn';
import { periodFigures } from './period-figures';

/**
 * CLV of the customer base over a range of months.
 * ARPA = Σ (start ARR ÷ 12) ÷ Σ customers at start: monthly revenue per customer-month, so a
 * month with more customers weighs more. Monthly churn = Σ customers lost ÷ Σ customers at start,
 * with the same-month rule of logo churn. Customer-months cancel out: CLV = Σ start ARR × margin
 * ÷ (1 200 × customers lost). The realised value is the margin of a customer present in every
 * month of the range (ARPA × margin × months), since distinct accounts are not known here.
 */
export function clv(figures: readonly MonthAggregates[] | PeriodFigures, settings: MethodSettings): ClvResult {
  const period = 'months' in figures ? figures : periodFigures(figures);
  const customerMonths = period.customerMonths;
  return lifetimeValue(
    {
      arpa: customerMonths === 0 ? null : amount(period.arrMonths, exact(customerMonths).times(12)),
      churnedAccounts: countedChurnedCustomers(period, settings),
      accountMonths: customerMonths,
      monthsToDate: amount(period.months.length),
      source: period.source,
      formulaOfArpa: localised(
        'ARPA = Σ ARR at start of month ÷ 12 ÷ Σ customers at start of month',
        'ARPA = Σ ARR en début de mois ÷ 12 ÷ Σ clients en début de mois',
      ),
      empty: localised('No customers at the start of any month.', 'Aucun client en début de mois sur la période.'),
    },
    settings,
  );
}
