import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoOrganization } from '@/lib/seed/demo';
import { computeOrgMetrics } from '@/lib/data/metrics';
import { testDb } from '../support/db';

// The demo is the seed article's case study: ARR 3 M€, churn 28 % → 19 %, 180 k€ attributable
// expansion, 250 k€ of cost a year ⇒ 270 k€ of churn avoided and an ROI of 80 %.
describe('the demo organisation reproduces the article’s case study', () => {
  let organization: Awaited<ReturnType<typeof loadDemo>>;
  let months: string[];

  async function loadDemo(id: string) {
    return testDb().organization.findUniqueOrThrow({
      where: { id },
      select: { id: true, name: true, slug: true, currency: true, defaultLocale: true, fiscalYearStartMonth: true, isDemo: true },
    });
  }

  beforeAll(async () => {
    // The demo's slug is fixed; give this test database its own copy.
    await testDb().organization.deleteMany({ where: { slug: 'demo' } });
    await testDb().user.deleteMany({ where: { email: 'demo@tenure.local' } });
    const demo = await createDemoOrganization(testDb(), { password: 'demo password for tests', today: new Date(Date.UTC(2026, 11, 3)) });
    months = demo.months;
    organization = await loadDemo(demo.organizationId);
  }, 120_000);

  it('holds the 24 months up to last month', () => {
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2024-12');
    expect(months[23]).toBe('2026-11');
  });

  it('gives 270 k€ of churn avoided, 180 k€ of attributable expansion and 250 k€ of cost over the last 12 months', async () => {
    const view = await computeOrgMetrics(organization, { from: '2025-12', to: '2026-11' });
    expect(view.range.churnAvoided.value?.toDecimalPlaces(2).toString()).toBe('270000');
    expect(view.range.expansionAttributable.value?.toDecimalPlaces(2).toString()).toBe('180000');
    expect(view.range.csCost.value?.toDecimalPlaces(2).toString()).toBe('250000');
  });

  it('gives an ROI of 80 % and a rolling-12-month ROI of 80 % for the last month', async () => {
    const view = await computeOrgMetrics(organization, { from: '2025-12', to: '2026-11' });
    expect(view.range.roiPct.value?.toDecimalPlaces(2).toString()).toBe('80');
    const last = view.perMonth.at(-1)!;
    expect(last.rolling.complete).toBe(true);
    expect(last.rolling.roiPct.value?.toDecimalPlaces(2).toString()).toBe('80');
  });

  it('churns about 28 % a year before CS and about 19 % after', async () => {
    const before = await computeOrgMetrics(organization, { from: '2024-12', to: '2025-11' });
    const after = await computeOrgMetrics(organization, { from: '2025-12', to: '2026-11' });
    expect(before.range.actualAnnualChurnPct.value?.toNumber()).toBeCloseTo(28, 0);
    expect(after.range.actualAnnualChurnPct.value?.toNumber()).toBeCloseTo(19, 0);
  });

  it('varies month to month like real data', async () => {
    const view = await computeOrgMetrics(organization, { from: '2025-12', to: '2026-11' });
    const monthly = view.perMonth.map((m) => m.metrics.churnAvoided.value?.toNumber() ?? 0);
    expect(new Set(monthly.map((v) => Math.round(v))).size).toBe(12);
    expect(Math.max(...monthly) - Math.min(...monthly)).toBeGreaterThan(5000);
  });
});
