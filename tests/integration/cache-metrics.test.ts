import { beforeEach, describe, expect, it } from 'vitest';
import type { OrgRef } from '@/lib/data/access';
import { computeOrgMetrics } from '@/lib/data/metrics';
import { clearVersionedCache } from '@/lib/cache/versioned-cache';
import { makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const period = { from: '2026-01', to: '2026-03' };
const orgSelect = { id: true, name: true, slug: true, currency: true, defaultLocale: true, fiscalYearStartMonth: true, isDemo: true } as const;

async function seedOrganization(startArr: number) {
  const prisma = testDb();
  const owner = await makeUser(prisma);
  const { id } = await makeOrganization(prisma, owner);
  for (const month of ['2026-01', '2026-02', '2026-03']) {
    await prisma.monthlyReport.create({ data: { organizationId: id, month: d(`${month}-01`), startArr, startCustomers: 100, csmFte: 2, loadedSalaries: 10_000 } });
  }
  const account = await prisma.account.create({ data: { organizationId: id, name: 'Acme', startDate: d('2025-01-01'), mrr: 1000 } });
  const organization = (await prisma.organization.findUniqueOrThrow({ where: { id }, select: orgSelect })) as OrgRef;
  return { organization, accountId: account.id };
}

const version = async (organizationId: string) =>
  (await testDb().$queryRaw<{ v: string }[]>`SELECT "dataVersion"::text AS v FROM "Organization" WHERE id = ${organizationId}::uuid`)[0]!.v;

describe('metrics cache keyed by the organisation data version', () => {
  beforeEach(() => clearVersionedCache());

  it('serves a repeat read from the cache and shows an edit on the very next request', async () => {
    const { organization, accountId } = await seedOrganization(1_000_000);
    const first = await computeOrgMetrics(organization, period);
    const again = await computeOrgMetrics(organization, period);
    expect(again.perMonth).toBe(first.perMonth); // the same cached computation
    expect(first.months[1]!.expansionArr.toString()).toBe('0');

    // A write by any client (here: plain SQL through Prisma, as another process would) …
    await testDb().expansionDeal.create({
      data: { organizationId: organization.id, accountId, date: d('2026-02-10'), month: d('2026-02-01'), type: 'UPSELL', arrAdded: 1234, attribution: 'CS_SOURCED', attributionPct: 100 },
    });
    // … is seen on the very next read.
    const after = await computeOrgMetrics(organization, period);
    expect(after.perMonth).not.toBe(first.perMonth);
    expect(after.months[1]!.expansionArr.toString()).toBe('1234');
  });

  it('bumps the version once per transaction, for figures, events, accounts, CSMs and settings', async () => {
    const { organization, accountId } = await seedOrganization(500_000);
    const prisma = testDb();
    const start = BigInt(await version(organization.id));
    await prisma.$transaction([
      prisma.save.create({ data: { organizationId: organization.id, accountId, date: d('2026-03-02'), month: d('2026-03-01'), arrSaved: 10 } }),
      prisma.save.create({ data: { organizationId: organization.id, accountId, date: d('2026-03-03'), month: d('2026-03-01'), arrSaved: 20 } }),
    ]);
    expect(BigInt(await version(organization.id))).toBe(start + 1n);
    const writes = [
      () => prisma.monthlyReport.updateMany({ where: { organizationId: organization.id, month: d('2026-01-01') }, data: { newBusinessArr: 5 } }),
      () => prisma.churnEvent.create({ data: { organizationId: organization.id, accountId, date: d('2026-02-02'), month: d('2026-02-01'), kind: 'FULL', arrLost: 3 } }),
      () => prisma.account.update({ where: { id: accountId }, data: { mrr: 1100 } }),
      () => prisma.csm.create({ data: { organizationId: organization.id, name: 'Camille', startDate: d('2025-01-01') } }),
      () => prisma.methodSettings.update({ where: { organizationId: organization.id }, data: { averageCac: 2500 } }),
      () => prisma.save.deleteMany({ where: { organizationId: organization.id } }),
    ];
    let expected = start + 1n;
    for (const write of writes) {
      await write();
      expected += 1n;
      expect(BigInt(await version(organization.id))).toBe(expected);
    }
  });

  it("never lets one organisation's edit invalidate or reveal another's figures", async () => {
    const a = await seedOrganization(1_000_000);
    const b = await seedOrganization(2_000_000);
    const aFirst = await computeOrgMetrics(a.organization, period);
    const bFirst = await computeOrgMetrics(b.organization, period);
    expect(aFirst.months[0]!.startArr.toString()).toBe('1000000');
    expect(bFirst.months[0]!.startArr.toString()).toBe('2000000');
    const bVersion = await version(b.organization.id);

    await testDb().monthlyReport.updateMany({ where: { organizationId: a.organization.id }, data: { startArr: 1_500_000 } });

    expect(await version(b.organization.id)).toBe(bVersion);
    const bAfter = await computeOrgMetrics(b.organization, period);
    expect(bAfter.perMonth).toBe(bFirst.perMonth); // still B's cached entry
    expect(bAfter.organization.id).toBe(b.organization.id);
    expect(bAfter.months.every((m) => m.startArr.toString() === '2000000')).toBe(true);
    const aAfter = await computeOrgMetrics(a.organization, period);
    expect(aAfter.organization.id).toBe(a.organization.id);
    expect(aAfter.months.every((m) => m.startArr.toString() === '1500000')).toBe(true);
  });

  it('keeps periods and the closed-only view apart', async () => {
    const { organization } = await seedOrganization(1_000_000);
    await testDb().monthlyReport.updateMany({ where: { organizationId: organization.id, month: d('2026-01-01') }, data: { status: 'CLOSED' } });
    const all = await computeOrgMetrics(organization, period);
    const closed = await computeOrgMetrics(organization, period, { closedOnly: true });
    const short = await computeOrgMetrics(organization, { from: '2026-02', to: '2026-03' });
    expect(all.months).toHaveLength(3);
    expect(closed.months).toHaveLength(1);
    expect(short.months).toHaveLength(2);
  });
});
