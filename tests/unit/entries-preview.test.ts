import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { computeMonth } from '@/lib/metrics';
import { engineSettingsOf, previewAggregates } from '@/components/entry/preview-aggregates';

const settings = {
  baselineAnnualChurnPct: '25', indirectCostMode: 'COEFFICIENT' as const, indirectCostCoefficient: '1.3', grossMarginPct: '80', averageCac: '3000',
  influencedAttributionPct: '50', countChurnAvoided: true, countExpansion: true, countCacSaved: false, sameMonthChurnRule: 'EXCLUDE' as const,
};
const noEvents = { churnedArr: '0', contractionArr: '0', expansionArr: '0', expansionAttributed: '0', dealCount: 0, attributedDealCount: 0, savesCount: 0, savedArr: '0', churnedCustomers: 0, churnedCustomersJoinedSameMonth: 0 };

describe('live month preview', () => {
  it("runs the engine on figures typed the French way: the article's 200 k€/year team costs 16 666,67 a month", () => {
    const typed = { loadedSalaries: '16 666,67', toolsCost: '0', trainingCost: '0', otherDirectCost: '', startArr: '2 000 000', csmFte: '4' };
    const metrics = computeMonth(previewAggregates('2026-01', typed, noEvents), engineSettingsOf(settings));
    expect(metrics.csCost.value?.toFixed(3)).toBe(new Decimal('16666.67').times('1.3').toFixed(3));
  });

  it('counts the logged events: attributable expansion is the SQL sum of deal ARR × share', () => {
    const sums = { ...noEvents, expansionArr: '30000', expansionAttributed: '18000', dealCount: 2, attributedDealCount: 2 };
    const metrics = computeMonth(previewAggregates('2026-01', { loadedSalaries: '10000' }, sums), engineSettingsOf(settings));
    expect(metrics.expansionAttributable.value?.toString()).toBe('18000');
  });

  it('treats half-typed or blank numbers as zero and keeps blank indicators empty', () => {
    const aggregates = previewAggregates('2026-01', { loadedSalaries: '12,', startCustomers: 'abc', avgHealthScore: '' }, noEvents);
    expect(aggregates.loadedSalaries.toString()).toBe('0');
    expect(aggregates.startCustomers).toBe(0);
    expect(aggregates.avgHealthScore).toBeNull();
  });
});
