import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoOrganization, DEMO_EMAIL } from '@/lib/seed/demo';
import { orgAccess } from '@/lib/data/access';
import { buildScope, checklist, comparisonMetrics, currentMetrics, grantForMember, leaderboard, periodClv } from '@/lib/data/dashboard-data';
import { testDb } from '../support/db';

// The dashboard's own path to the figures (grant → scope from the URL → shared computation) must
// show the article's case study for the demo's default period.
describe('the demo dashboard', () => {
  let access: Awaited<ReturnType<typeof orgAccess>>;

  beforeAll(async () => {
    await testDb().organization.deleteMany({ where: { slug: 'demo' } });
    await testDb().user.deleteMany({ where: { email: DEMO_EMAIL } });
    await createDemoOrganization(testDb(), { password: 'demo password for tests', today: new Date(Date.UTC(2026, 11, 3)) });
    const user = await testDb().user.findUniqueOrThrow({ where: { email: DEMO_EMAIL }, select: { id: true, email: true, name: true, locale: true } });
    access = await orgAccess({ userId: user.id, email: user.email, name: user.name, locale: user.locale }, 'demo');
  }, 120_000);

  it('defaults to the last 12 months: rolling ROI 80 %, churn avoided 270 k€, against the 12 before', async () => {
    const scope = await buildScope(grantForMember(access), {}, '/orgs/demo');
    expect(scope.view.period).toMatchObject({ from: '2025-12', to: '2026-11', isDefault: true });
    expect(scope.view.comparison).toEqual({ from: '2024-12', to: '2025-11' });
    const metrics = await currentMetrics(scope);
    expect(metrics.perMonth.at(-1)?.rolling.roiPct.value?.toDecimalPlaces(2).toString()).toBe('80');
    expect(metrics.range.churnAvoided.value?.toDecimalPlaces(2).toString()).toBe('270000');
    expect(metrics.range.draftMonths).toEqual(['2026-11']);
    const before = await comparisonMetrics(scope);
    expect(before.months.map((m) => m.month)[0]).toBe('2024-12');
    expect((await periodClv(scope, 'current')).clv.value?.isPositive()).toBe(true);
    expect((await leaderboard(scope)).length).toBeGreaterThan(0);
  });

  it('ends the default period with the latest closed month when drafts are hidden', async () => {
    const scope = await buildScope(grantForMember(access), { closed: '1' }, '/orgs/demo');
    expect(scope.view.period).toMatchObject({ from: '2025-11', to: '2026-10' });
    const metrics = await currentMetrics(scope);
    expect(metrics.months.every((m) => m.status === 'CLOSED')).toBe(true);
  });

  it('follows the period in the URL', async () => {
    const scope = await buildScope(grantForMember(access), { period: 'quarter:2026-Q3', compare: 'last-year' }, '/orgs/demo');
    const metrics = await currentMetrics(scope);
    expect(metrics.months.map((m) => m.month)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect((await comparisonMetrics(scope)).months.map((m) => m.month)).toEqual(['2025-07', '2025-08', '2025-09']);
  });

  it('ticks 9 of the 10 checklist points; board access waits for a share link or a viewer', async () => {
    const scope = await buildScope(grantForMember(access), {}, '/orgs/demo');
    const { asOf, items } = await checklist(scope);
    expect(asOf).toBe('2026-11');
    expect(items.filter((i) => !i.done).map((i) => i.key)).toEqual(['boardAccess']);
  });
});
