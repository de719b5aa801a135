import { describe, expect, it } from 'vitest';
import { attributionGaps, csmLeaderboard } from '@/lib/queries/csm-leaderboard';
import { buildScope, checklist, grantForMember, leaderboard } from '@/lib/data/dashboard-data';
import { orgAccess } from '@/lib/data/access';
import { isAppError } from '@/lib/errors';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

/** Two CSMs with a small book each, and events inside and outside the period 2026-09..2026-11. */
async function seedBooks() {
  const prisma = testDb();
  const owner = await makeUser(prisma);
  const org = await makeOrganization(prisma, owner);
  const organizationId = org.id;
  const lea = await prisma.csm.create({ data: { organizationId, name: 'Léa', startDate: day('2025-01-01') } });
  const hugo = await prisma.csm.create({ data: { organizationId, name: 'Hugo', startDate: day('2025-01-01') } });
  const gone = await prisma.csm.create({ data: { organizationId, name: 'Gone', startDate: day('2024-01-01'), endDate: day('2025-06-30') } });
  const account = (name: string, csmId: string | null, start: string, churn?: string) =>
    prisma.account.create({ data: { organizationId, name, csmId, startDate: day(start), churnDate: churn ? day(churn) : null, mrr: 1000 } });
  const a1 = await account('A1', lea.id, '2025-02-01');
  const a2 = await account('A2', lea.id, '2025-03-01', '2026-10-15');
  const a3 = await account('A3', hugo.id, '2025-04-01');
  await account('A4', hugo.id, '2026-12-01'); // starts after the period
  await account('A5', null, '2025-05-01');
  const deal = (accountId: string, csmId: string | null, month: string, arrAdded: number, attribution: 'CS_SOURCED' | 'CS_INFLUENCED' | 'NOT_CS', attributionPct: number) =>
    prisma.expansionDeal.create({ data: { organizationId, accountId, csmId, date: day(`${month}-10`), month: day(`${month}-01`), type: 'UPSELL', arrAdded, attribution, attributionPct } });
  await deal(a1.id, lea.id, '2026-09', 10_000, 'CS_SOURCED', 100);
  await deal(a1.id, lea.id, '2026-10', 8_000, 'CS_INFLUENCED', 50);
  await deal(a3.id, hugo.id, '2026-11', 5_000, 'NOT_CS', 0);
  await deal(a3.id, hugo.id, '2026-06', 99_000, 'CS_SOURCED', 100); // before the period
  await deal(a3.id, null, '2026-11', 1_000, 'CS_SOURCED', 100); // CS deal without a CSM
  await prisma.save.create({ data: { organizationId, accountId: a3.id, csmId: hugo.id, date: day('2026-10-03'), month: day('2026-10-01'), arrSaved: 12_000 } });
  await prisma.save.create({ data: { organizationId, accountId: a3.id, csmId: hugo.id, date: day('2026-11-03'), month: day('2026-11-01'), arrSaved: 3_000 } });
  // No CSM on the event: it counts for the account's CSM.
  await prisma.churnEvent.create({ data: { organizationId, accountId: a2.id, csmId: null, date: day('2026-10-15'), month: day('2026-10-01'), kind: 'FULL', arrLost: 12_000 } });
  await prisma.churnEvent.create({ data: { organizationId, accountId: a3.id, csmId: hugo.id, date: day('2026-11-20'), month: day('2026-11-01'), kind: 'CONTRACTION', arrLost: 2_500 } });
  return { org, owner, lea, hugo, gone };
}

describe('the CSM leaderboard query', () => {
  it('sums attributable expansion, saves, churn in book and accounts per CSM for the period', async () => {
    const { org } = await seedBooks();
    const rows = await csmLeaderboard(org.id, '2026-09', '2026-11');
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['Hugo', 'Léa']);
    expect(byName.Léa).toMatchObject({ saves: 0, accountsManaged: 2 });
    expect(byName.Léa!.expansionAttributable.toString()).toBe('14000');
    expect(byName.Léa!.churnedArr.toString()).toBe('12000');
    expect(byName.Léa!.csGeneratedRevenue.toString()).toBe('14000');
    expect(byName.Hugo).toMatchObject({ saves: 2, accountsManaged: 1 });
    expect(byName.Hugo!.expansionAttributable.toString()).toBe('0');
    expect(byName.Hugo!.savedArr.toString()).toBe('15000');
    expect(byName.Hugo!.churnedArr.toString()).toBe('2500');
    expect(byName.Hugo!.csGeneratedRevenue.toString()).toBe('15000');
  });

  it('reads nothing of another organisation', async () => {
    const { org } = await seedBooks();
    const other = await makeOrganization(testDb(), await makeUser(testDb()));
    expect(await csmLeaderboard(other.id, '2026-09', '2026-11')).toEqual([]);
    const rows = await csmLeaderboard(org.id, '2026-09', '2026-11');
    expect(rows.every((r) => ['Léa', 'Hugo'].includes(r.name))).toBe(true);
  });

  it('finds active accounts and CS deals without a CSM, for the checklist', async () => {
    const { org } = await seedBooks();
    expect(await attributionGaps(org.id, '2026-11')).toEqual({ activeAccounts: 3, activeAccountsWithoutCsm: 1, csDealsWithoutCsm: 1, cohortAccounts: 4 });
  });

  it('is shown to owners and editors, not to viewers', async () => {
    const { org, owner } = await seedBooks();
    const editor = callerOf((await addMember(testDb(), org.id, 'EDITOR')).user);
    const viewer = callerOf((await addMember(testDb(), org.id, 'VIEWER')).user);
    const period = { period: 'range:2026-09..2026-11' };
    for (const caller of [callerOf(owner), editor]) {
      const scope = await buildScope(grantForMember(await orgAccess(caller, org.slug)), period, `/orgs/${org.slug}`);
      expect(await leaderboard(scope)).toHaveLength(2);
    }
    const viewerScope = await buildScope(grantForMember(await orgAccess(viewer, org.slug)), period, `/orgs/${org.slug}`);
    expect(viewerScope.grant.showLeaderboard).toBe(false);
    const error = await leaderboard(viewerScope).catch((e: unknown) => e);
    expect(isAppError(error, 'FORBIDDEN')).toBe(true);
  });

  it('feeds the checklist with what is missing, without months logged', async () => {
    const { org, owner } = await seedBooks();
    const scope = await buildScope(grantForMember(await orgAccess(callerOf(owner), org.slug)), {}, `/orgs/${org.slug}`);
    const { asOf, items } = await checklist(scope);
    expect(asOf).toBeNull();
    expect(items).toHaveLength(10);
    expect(items.find((i) => i.key === 'kpisAligned')?.missing).toEqual({ key: 'fewMonths', values: { count: 0 } });
  });
});
