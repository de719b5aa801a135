import type { CohortAggregates, Localised, MethodSettings } from './types';
import type { ClvResult } from './lifetime-value';
import { amount, exact } from './exact-amount';
import { counted, joinLocalised, localised } from './localised';
import { lifetimeValue } from './lifetime-value';

/**
 * CLV of one acquisition cohort: ARPA = Σ current MRR ÷ accounts, monthly churn = accounts lost ÷
 * account-months observed. Realised value = ARPA × margin × account-months ÷ accounts. Current MRR
 * stands in for the cohort's history, which the aggregates do not carry.
 */
export function cohortClv(cohort: CohortAggregates, settings: MethodSettings): ClvResult {
  assertValidCohort(cohort);
  const source = cohortSource(cohort);
  return lifetimeValue(
    {
      arpa: cohort.accounts === 0 ? null : amount(cohort.mrrSum, cohort.accounts),
      churnedAccounts: cohort.churnedAccounts,
      accountMonths: cohort.activeAccountMonths,
      monthsToDate: amount(cohort.activeAccountMonths, Math.max(cohort.accounts, 1)),
      source,
      formulaOfArpa: localised(
        "ARPA = Σ current MRR of the cohort's accounts ÷ accounts",
        'ARPA = Σ MRR actuel des comptes de la cohorte ÷ nombre de comptes',
      ),
      empty: localised(`Cohort ${cohort.cohort} has no account.`, `La cohorte ${cohort.cohort} ne compte aucun compte.`),
    },
    settings,
  );
}

function cohortSource(cohort: CohortAggregates): Localised {
  return joinLocalised(
    [
      localised(`Cohort ${cohort.cohort}`, `Cohorte ${cohort.cohort}`),
      counted(cohort.accounts, { one: 'account', many: 'accounts' }, { one: 'compte', many: 'comptes' }),
    ],
    ', ',
  );
}

function assertValidCohort(cohort: CohortAggregates): void {
  const counts = [cohort.accounts, cohort.churnedAccounts, cohort.activeAccountMonths];
  if (counts.some((value) => !Number.isSafeInteger(value) || value < 0)) {
    throw new RangeError(`Cohort ${cohort.cohort} has a count that is not a whole number ≥ 0`);
  }
  if (cohort.churnedAccounts > cohort.accounts) {
    throw new RangeError(`Cohort ${cohort.cohort} lost more accounts than it has`);
  }
  if (!exact(cohort.mrrSum).isFinite()) {
    throw new RangeError(`Cohort ${cohort.cohort} has an MRR that is not a finite number`);
  }
}
