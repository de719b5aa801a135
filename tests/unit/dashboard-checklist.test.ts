import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { checklistScore, computeChecklist, type ChecklistInput } from '@/lib/dashboard/checklist';
import { month, months } from '@/lib/metrics/month-fixtures';

const complete = months(12, {
  startArr: new Decimal(3_000_000),
  startCustomers: 300,
  loadedSalaries: new Decimal(15_000),
  toolsCost: new Decimal(1_000),
  avgHealthScore: new Decimal(72),
  savesCount: 2,
  dealCount: 3,
  attributedDealCount: 2,
}, '2025-12');

function input(overrides: Partial<ChecklistInput> = {}): ChecklistInput {
  return {
    asOf: '2026-11',
    months: complete,
    baselineAnnualChurnPct: new Decimal(28),
    indirectCostMode: 'COEFFICIENT',
    indirectCostCoefficient: new Decimal('1.3'),
    cohortAccounts: 300,
    activeAccounts: 250,
    activeAccountsWithoutCsm: 0,
    csDealsWithoutCsm: 0,
    activeShareLinks: 1,
    viewerMembers: 0,
    ...overrides,
  };
}

const byKey = (items: ReturnType<typeof computeChecklist>) => Object.fromEntries(items.map((i) => [i.key, i]));

describe('the article’s 10-point checklist', () => {
  it('ticks all ten points when the data shows each of them', () => {
    const items = computeChecklist(input());
    expect(items).toHaveLength(10);
    expect(checklistScore(items)).toBe(10);
    expect(items.map((i) => i.group)).toEqual(['tracking', 'tracking', 'tracking', 'tracking', 'process', 'process', 'process', 'process', 'reporting', 'reporting']);
  });

  it('says which of the last 3 months lack the figures for churn avoided', () => {
    const gap = complete.filter((m) => m.month !== '2026-10');
    const item = byKey(computeChecklist(input({ months: gap }))).churnAvoidedMonthly!;
    expect(item.done).toBe(false);
    expect(item.missing).toEqual({ key: 'monthsWithoutArr', values: { months: '2026-10', count: 1 } });
    expect(byKey(computeChecklist(input({ baselineAnnualChurnPct: new Decimal(0) }))).churnAvoidedMonthly!.missing?.key).toBe('noBaseline');
  });

  it('needs deals attributed to CS, not just deals', () => {
    const none = months(12, { ...complete[0], dealCount: 0, attributedDealCount: 0 }, '2025-12');
    expect(byKey(computeChecklist(input({ months: none }))).expansionAttributed!.missing?.key).toBe('noDeals');
    const notCs = months(12, { ...complete[0], dealCount: 2, attributedDealCount: 0 }, '2025-12');
    expect(byKey(computeChecklist(input({ months: notCs }))).expansionAttributed!.missing).toEqual({ key: 'noAttributedDeals', values: { deals: 24 } });
    expect(byKey(computeChecklist(input({ months: notCs }))).expansionPlaybooks!.missing).toEqual({ key: 'fewDealMonths', values: { count: 0 } });
  });

  it('wants salaries, tools and indirect costs in the latest month', () => {
    const noTools = [...complete.slice(0, 11), month({ ...complete[11], toolsCost: new Decimal(0) })];
    expect(byKey(computeChecklist(input({ months: noTools }))).fullCostsComputed!.missing?.key).toBe('noTools');
    expect(byKey(computeChecklist(input({ indirectCostCoefficient: new Decimal(1) }))).fullCostsComputed!.missing?.key).toBe('noIndirect');
    expect(byKey(computeChecklist(input({ indirectCostMode: 'ITEMISED' }))).fullCostsComputed!.done).toBe(false);
    expect(byKey(computeChecklist(input({ asOf: '2026-12' }))).fullCostsComputed!.missing).toEqual({ key: 'noSalaries', values: { month: '2026-12' } });
  });

  it('flags missing health scores, saves, CSM assignment and board access', () => {
    const noHealth = [...complete.slice(0, 11), month({ ...complete[11], avgHealthScore: null, savesCount: 0 })];
    const items = byKey(computeChecklist(input({ months: noHealth, activeAccountsWithoutCsm: 4, csDealsWithoutCsm: 1, activeShareLinks: 0 })));
    expect(items.healthScoring!.missing).toEqual({ key: 'noHealthScore', values: { months: '2026-11', count: 1 } });
    expect(items.retentionTriggers!.done).toBe(true);
    expect(items.csmAttributionClear!.missing).toEqual({ key: 'unassigned', values: { accounts: 4, deals: 1 } });
    expect(items.boardAccess!.missing?.key).toBe('noBoardAccess');
    expect(byKey(computeChecklist(input({ activeShareLinks: 0, viewerMembers: 2 }))).boardAccess!.done).toBe(true);
  });

  it('gives guidance, not errors, for an empty organisation', () => {
    const items = computeChecklist(input({ asOf: null, months: [], cohortAccounts: 0, activeAccounts: 0, activeShareLinks: 0 }));
    expect(checklistScore(items)).toBe(0);
    expect(items.every((i) => i.missing !== undefined)).toBe(true);
    expect(byKey(items).kpisAligned!.missing).toEqual({ key: 'fewMonths', values: { count: 0 } });
    expect(byKey(items).healthScoring!.missing).toEqual({ key: 'noMonths', values: {} });
    expect(JSON.stringify(items)).not.toMatch(/19[67]\d/);
  });

  it('reads a gap in the last 3 months as missing, not as the month before', () => {
    const gap = complete.filter((m) => m.month !== '2026-09');
    expect(byKey(computeChecklist(input({ months: gap }))).healthScoring!.missing).toEqual({ key: 'noHealthScore', values: { months: '2026-09', count: 1 } });
  });
});
