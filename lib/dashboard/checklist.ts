import type Decimal from 'decimal.js';
import type { MonthAggregates } from '@/lib/metrics/types';
import { addMonths } from '@/lib/metrics/month-key';

/** The article's 10-point checklist, in its order and groups. */
export const CHECKLIST_KEYS = [
  'churnAvoidedMonthly',
  'expansionAttributed',
  'cohortClvTracked',
  'fullCostsComputed',
  'healthScoring',
  'retentionTriggers',
  'expansionPlaybooks',
  'csmAttributionClear',
  'boardAccess',
  'kpisAligned',
] as const;

export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];
export type ChecklistGroup = 'tracking' | 'process' | 'reporting';

export type ChecklistItem = {
  key: ChecklistKey;
  group: ChecklistGroup;
  done: boolean;
  /** Message key (under dashboard.checklist.missing) and its values: what to do to tick the item. */
  missing?: { key: string; values: Record<string, string | number> };
};

export type ChecklistInput = {
  /** The month the checklist is read at (the latest logged month); null when nothing is logged. */
  asOf: string | null;
  /** Logged months up to asOf (older ones are ignored). */
  months: readonly MonthAggregates[];
  baselineAnnualChurnPct: Decimal;
  indirectCostMode: 'COEFFICIENT' | 'ITEMISED';
  indirectCostCoefficient: Decimal;
  cohortAccounts: number;
  activeAccounts: number;
  activeAccountsWithoutCsm: number;
  csDealsWithoutCsm: number;
  activeShareLinks: number;
  viewerMembers: number;
};

const GROUPS: Record<ChecklistKey, ChecklistGroup> = {
  churnAvoidedMonthly: 'tracking',
  expansionAttributed: 'tracking',
  cohortClvTracked: 'tracking',
  fullCostsComputed: 'tracking',
  healthScoring: 'process',
  retentionTriggers: 'process',
  expansionPlaybooks: 'process',
  csmAttributionClear: 'process',
  boardAccess: 'reporting',
  kpisAligned: 'reporting',
};

function lastMonths(asOf: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(asOf, i - count + 1));
}

function item(key: ChecklistKey, missing?: ChecklistItem['missing']): ChecklistItem {
  return missing ? { key, group: GROUPS[key], done: false, missing } : { key, group: GROUPS[key], done: true };
}

const isPositive = (value: Decimal | null | undefined) => value !== null && value !== undefined && value.greaterThan(0);

/**
 * Ticks each point from the data alone, and says what is missing otherwise. "Monthly" means each of
 * the last 3 calendar months (a gap counts as missing); a process is "in place" when it leaves
 * traces in the figures (health scores logged, saves recorded, deals attributed to a CSM).
 */
export function computeChecklist(input: ChecklistInput): ChecklistItem[] {
  if (input.asOf === null) return withoutMonths(input);
  return withMonths({ ...input, asOf: input.asOf });
}

/** Nothing logged yet: every point that needs months asks for the first one. */
function withoutMonths(input: ChecklistInput): ChecklistItem[] {
  const noMonths = { key: 'noMonths', values: {} };
  return [
    input.baselineAnnualChurnPct.greaterThan(0) ? item('churnAvoidedMonthly', noMonths) : item('churnAvoidedMonthly', { key: 'noBaseline', values: {} }),
    item('expansionAttributed', { key: 'noDeals', values: {} }),
    input.cohortAccounts === 0 ? item('cohortClvTracked', { key: 'noAccounts', values: {} }) : item('cohortClvTracked'),
    item('fullCostsComputed', noMonths),
    item('healthScoring', noMonths),
    item('retentionTriggers', { key: 'noSaves', values: {} }),
    item('expansionPlaybooks', { key: 'fewDealMonths', values: { count: 0 } }),
    input.activeAccounts === 0 ? item('csmAttributionClear', { key: 'noAccounts', values: {} }) : item('csmAttributionClear', noMonths),
    input.activeShareLinks + input.viewerMembers === 0 ? item('boardAccess', { key: 'noBoardAccess', values: {} }) : item('boardAccess'),
    item('kpisAligned', { key: 'fewMonths', values: { count: 0 } }),
  ];
}

function withMonths(input: ChecklistInput & { asOf: string }): ChecklistItem[] {
  const byMonth = new Map(input.months.filter((m) => m.month <= input.asOf).map((m) => [m.month, m]));
  const last3 = lastMonths(input.asOf, 3);
  const last6 = lastMonths(input.asOf, 6);
  const last12 = lastMonths(input.asOf, 12);
  const in12 = last12.map((m) => byMonth.get(m)).filter((m): m is MonthAggregates => m !== undefined);
  const list = (months: string[]) => ({ months: months.join(', '), count: months.length });

  const withoutChurnFigures = last3.filter((m) => !isPositive(byMonth.get(m)?.startArr));
  const churn =
    !input.baselineAnnualChurnPct.greaterThan(0)
      ? item('churnAvoidedMonthly', { key: 'noBaseline', values: {} })
      : withoutChurnFigures.length > 0
        ? item('churnAvoidedMonthly', { key: 'monthsWithoutArr', values: list(withoutChurnFigures) })
        : item('churnAvoidedMonthly');

  const deals = in12.reduce((sum, m) => sum + m.dealCount, 0);
  const attributed = in12.reduce((sum, m) => sum + m.attributedDealCount, 0);
  const expansion =
    deals === 0
      ? item('expansionAttributed', { key: 'noDeals', values: {} })
      : attributed === 0
        ? item('expansionAttributed', { key: 'noAttributedDeals', values: { deals } })
        : item('expansionAttributed');

  const cohorts = input.cohortAccounts === 0 ? item('cohortClvTracked', { key: 'noAccounts', values: {} }) : item('cohortClvTracked');

  const latest = byMonth.get(input.asOf);
  const costs = (() => {
    if (!latest || !isPositive(latest.loadedSalaries)) return item('fullCostsComputed', { key: 'noSalaries', values: { month: input.asOf } });
    if (!isPositive(latest.toolsCost)) return item('fullCostsComputed', { key: 'noTools', values: { month: input.asOf } });
    const indirect =
      input.indirectCostMode === 'COEFFICIENT'
        ? input.indirectCostCoefficient.greaterThan(1)
        : [latest.indirectManagementCost, latest.indirectInfrastructureCost, latest.indirectRecruitingCost].some(isPositive);
    return indirect ? item('fullCostsComputed') : item('fullCostsComputed', { key: 'noIndirect', values: {} });
  })();

  const withoutHealth = last3.filter((m) => byMonth.get(m)?.avgHealthScore == null);
  const health = withoutHealth.length > 0 ? item('healthScoring', { key: 'noHealthScore', values: list(withoutHealth) }) : item('healthScoring');

  const saves = last3.reduce((sum, m) => sum + (byMonth.get(m)?.savesCount ?? 0), 0);
  const triggers = saves === 0 ? item('retentionTriggers', { key: 'noSaves', values: {} }) : item('retentionTriggers');

  const monthsWithDeals = last6.filter((m) => (byMonth.get(m)?.attributedDealCount ?? 0) > 0).length;
  const playbooks =
    monthsWithDeals < 3 ? item('expansionPlaybooks', { key: 'fewDealMonths', values: { count: monthsWithDeals } }) : item('expansionPlaybooks');

  const attribution =
    input.activeAccounts === 0
      ? item('csmAttributionClear', { key: 'noAccounts', values: {} })
      : input.activeAccountsWithoutCsm > 0 || input.csDealsWithoutCsm > 0
        ? item('csmAttributionClear', { key: 'unassigned', values: { accounts: input.activeAccountsWithoutCsm, deals: input.csDealsWithoutCsm } })
        : item('csmAttributionClear');

  const board =
    input.activeShareLinks + input.viewerMembers === 0 ? item('boardAccess', { key: 'noBoardAccess', values: {} }) : item('boardAccess');

  const aligned =
    in12.length < 12
      ? item('kpisAligned', { key: 'fewMonths', values: { count: in12.length } })
      : in12.some((m) => m.startCustomers === 0 || !isPositive(m.startArr))
        ? item('kpisAligned', { key: 'noBusinessFigures', values: {} })
        : item('kpisAligned');

  return [churn, expansion, cohorts, costs, health, triggers, playbooks, attribution, board, aligned];
}

export function checklistScore(items: readonly ChecklistItem[]): number {
  return items.filter((i) => i.done).length;
}
