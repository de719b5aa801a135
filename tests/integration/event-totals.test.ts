import { describe, expect, it } from 'vitest';
import { makeOrganization, makeUser } from '@/lib/seed/factories';
import { seededRandom } from '@/lib/seed/random';
import { testDb } from '../support/db';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The totals the triggers keep, and the same figures recomputed from the raw rows. */
async function compareTotals(organizationId: string) {
  const prisma = testDb();
  const kept = await prisma.$queryRaw<{ month: string; v: string }[]>`
    SELECT to_char("month", 'YYYY-MM') AS month,
           concat_ws('|', "churnedArr"::numeric(30,4), "contractionArr"::numeric(30,4), "expansionArr"::numeric(30,4), "expansionAttributed"::numeric(30,10), "dealCount", "attributedDealCount", "savesCount", "savedArr"::numeric(30,4)) AS v
    FROM "MonthEventTotals"
    WHERE "organizationId" = ${organizationId}::uuid
      AND ("dealCount" <> 0 OR "savesCount" <> 0 OR "churnedArr" <> 0 OR "contractionArr" <> 0)
    ORDER BY 1`;
  const raw = await prisma.$queryRaw<{ month: string; v: string }[]>`
    WITH months AS (
      SELECT "month" FROM "ChurnEvent" WHERE "organizationId" = ${organizationId}::uuid
      UNION SELECT "month" FROM "ExpansionDeal" WHERE "organizationId" = ${organizationId}::uuid
      UNION SELECT "month" FROM "Save" WHERE "organizationId" = ${organizationId}::uuid
    )
    SELECT to_char(m."month", 'YYYY-MM') AS month,
      concat_ws('|',
        COALESCE((SELECT SUM("arrLost") FROM "ChurnEvent" c WHERE c."organizationId" = ${organizationId}::uuid AND c."month" = m."month" AND "kind" = 'FULL'), 0)::numeric(30,4),
        COALESCE((SELECT SUM("arrLost") FROM "ChurnEvent" c WHERE c."organizationId" = ${organizationId}::uuid AND c."month" = m."month" AND "kind" = 'CONTRACTION'), 0)::numeric(30,4),
        COALESCE((SELECT SUM("arrAdded") FROM "ExpansionDeal" x WHERE x."organizationId" = ${organizationId}::uuid AND x."month" = m."month"), 0)::numeric(30,4),
        COALESCE((SELECT SUM("arrAdded" * "attributionPct" / 100) FROM "ExpansionDeal" x WHERE x."organizationId" = ${organizationId}::uuid AND x."month" = m."month"), 0)::numeric(30,10),
        (SELECT COUNT(*) FROM "ExpansionDeal" x WHERE x."organizationId" = ${organizationId}::uuid AND x."month" = m."month"),
        (SELECT COUNT(*) FROM "ExpansionDeal" x WHERE x."organizationId" = ${organizationId}::uuid AND x."month" = m."month" AND "attribution" <> 'NOT_CS'),
        (SELECT COUNT(*) FROM "Save" s WHERE s."organizationId" = ${organizationId}::uuid AND s."month" = m."month"),
        COALESCE((SELECT SUM("arrSaved") FROM "Save" s WHERE s."organizationId" = ${organizationId}::uuid AND s."month" = m."month"), 0)::numeric(30,4)) AS v
    FROM months m ORDER BY 1`;
  const cohortsKept = await prisma.$queryRaw<{ k: string }[]>`
    SELECT concat_ws('|', "startMonth", "churnMonth", "accounts", "mrrSum"::numeric(30,4)) AS k FROM "AccountCohortTotals"
    WHERE "organizationId" = ${organizationId}::uuid AND "accounts" <> 0 ORDER BY 1`;
  const cohortsRaw = await prisma.$queryRaw<{ k: string }[]>`
    SELECT concat_ws('|', date_trunc('month', "startDate")::date, COALESCE(date_trunc('month', "churnDate")::date, 'infinity'::date), COUNT(*), SUM("mrr")::numeric(30,4)) AS k
    FROM "Account" WHERE "organizationId" = ${organizationId}::uuid GROUP BY date_trunc('month', "startDate"), date_trunc('month', "churnDate") ORDER BY 1`;
  return { kept, raw, cohortsKept: cohortsKept.map((r) => r.k), cohortsRaw: cohortsRaw.map((r) => r.k) };
}

describe('pre-aggregated totals kept by triggers', () => {
  it('equal the raw rows after random inserts, updates (moving months, kinds, attribution) and deletes', async () => {
    const prisma = testDb();
    const rng = seededRandom(7);
    const owner = await makeUser(prisma);
    const org = await makeOrganization(prisma, owner);
    const other = await makeOrganization(prisma, owner);
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    const pickMonth = () => months[Math.floor(rng() * months.length)]!;
    const money = () => (Math.floor(rng() * 10_000_000) / 100).toFixed(2);

    const accounts: { id: string }[] = [];
    for (let i = 0; i < 12; i += 1) {
      accounts.push(await prisma.account.create({ data: { organizationId: org.id, name: `A${i}`, startDate: d(`${pickMonth()}-0${1 + (i % 9)}`), mrr: money() } }));
    }
    await prisma.account.create({ data: { organizationId: other.id, name: 'Other', startDate: d('2026-01-01'), mrr: 5 } });
    const pickAccount = () => accounts[Math.floor(rng() * accounts.length)]!;

    for (let i = 0; i < 30; i += 1) {
      const month = pickMonth();
      await prisma.churnEvent.create({ data: { organizationId: org.id, accountId: pickAccount().id, date: d(`${month}-10`), month: d(`${month}-01`), kind: rng() < 0.5 ? 'FULL' : 'CONTRACTION', arrLost: money() } });
      const attribution = (['CS_SOURCED', 'CS_INFLUENCED', 'NOT_CS'] as const)[i % 3]!;
      await prisma.expansionDeal.create({ data: { organizationId: org.id, accountId: pickAccount().id, date: d(`${month}-11`), month: d(`${month}-01`), type: 'UPSELL', arrAdded: money(), attribution, attributionPct: attribution === 'CS_INFLUENCED' ? '33.3333' : attribution === 'CS_SOURCED' ? 100 : 0 } });
      await prisma.save.create({ data: { organizationId: org.id, accountId: pickAccount().id, date: d(`${month}-12`), month: d(`${month}-01`), arrSaved: money() } });
    }
    // Bulk statements, as the import and the benchmark use.
    await prisma.expansionDeal.createMany({ data: Array.from({ length: 25 }, (_, i) => ({ organizationId: org.id, accountId: pickAccount().id, date: d('2026-02-14'), month: d('2026-02-01'), type: 'CROSS_SELL' as const, arrAdded: money(), attribution: 'CS_INFLUENCED' as const, attributionPct: String(10 + i) })) });

    // Updates that move rows between months and change what they count as.
    const churn = await prisma.churnEvent.findMany({ where: { organizationId: org.id }, take: 8 });
    for (const event of churn) {
      const month = pickMonth();
      await prisma.churnEvent.update({ where: { id: event.id }, data: { month: d(`${month}-01`), date: d(`${month}-02`), kind: event.kind === 'FULL' ? 'CONTRACTION' : 'FULL', arrLost: money() } });
    }
    await prisma.expansionDeal.updateMany({ where: { organizationId: org.id, attribution: 'NOT_CS' }, data: { attribution: 'CS_SOURCED', attributionPct: 100 } });
    await prisma.save.deleteMany({ where: { organizationId: org.id, month: d('2026-03-01') } });
    // Churned accounts, an MRR change, and a deleted account whose events cascade.
    await prisma.account.update({ where: { id: accounts[0]!.id }, data: { churnDate: d('2026-04-20') } });
    await prisma.account.update({ where: { id: accounts[1]!.id }, data: { mrr: money(), startDate: d('2025-12-05') } });
    await prisma.account.delete({ where: { id: accounts[2]!.id } });

    const { kept, raw, cohortsKept, cohortsRaw } = await compareTotals(org.id);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(raw);
    expect(cohortsKept).toEqual(cohortsRaw);
  });

  it('stay exact when one statement moves, changes or deletes many rows of several organisations', async () => {
    const prisma = testDb();
    const owner = await makeUser(prisma);
    const orgs = [await makeOrganization(prisma, owner), await makeOrganization(prisma, owner)];
    for (const org of orgs) {
      const accounts = await Promise.all([0, 1, 2].map((i) => prisma.account.create({ data: { organizationId: org.id, name: `A${i}`, startDate: d(`2026-0${1 + i}-03`), mrr: `${100 + i}.25` } })));
      await prisma.expansionDeal.createMany({ data: Array.from({ length: 40 }, (_, i) => ({ organizationId: org.id, accountId: accounts[i % 3]!.id, date: d(`2026-0${1 + (i % 4)}-09`), month: d(`2026-0${1 + (i % 4)}-01`), type: 'UPSELL' as const, arrAdded: `${1000 + i}.3333`, attribution: (['CS_SOURCED', 'CS_INFLUENCED', 'NOT_CS'] as const)[i % 3]!, attributionPct: i % 3 === 0 ? 100 : i % 3 === 1 ? '12.5' : 0 })) });
      await prisma.churnEvent.createMany({ data: Array.from({ length: 12 }, (_, i) => ({ organizationId: org.id, accountId: accounts[i % 3]!.id, date: d(`2026-0${1 + (i % 3)}-15`), month: d(`2026-0${1 + (i % 3)}-01`), kind: i % 2 === 0 ? ('FULL' as const) : ('CONTRACTION' as const), arrLost: `${50 + i}.5` })) });
      await prisma.save.createMany({ data: Array.from({ length: 9 }, (_, i) => ({ organizationId: org.id, accountId: accounts[i % 3]!.id, date: d(`2026-0${1 + (i % 3)}-20`), month: d(`2026-0${1 + (i % 3)}-01`), arrSaved: `${70 + i}.01` })) });
    }
    const ids = orgs.map((o) => o.id);
    // One statement each, across both organisations: months move, kinds and attribution change.
    await prisma.$executeRaw`UPDATE "ExpansionDeal" SET "month" = ("month" + interval '1 month')::date, "date" = ("date" + interval '1 month')::date, "arrAdded" = "arrAdded" * 2, "attribution" = CASE WHEN "attribution" = 'NOT_CS' THEN 'CS_SOURCED'::"Attribution" ELSE "attribution" END, "attributionPct" = CASE WHEN "attribution" = 'NOT_CS' THEN 100 ELSE "attributionPct" END WHERE "organizationId" = ANY(${ids}::uuid[]) AND "arrAdded" > 1010`;
    await prisma.$executeRaw`UPDATE "ChurnEvent" SET "kind" = CASE WHEN "kind" = 'FULL' THEN 'CONTRACTION'::"ChurnKind" ELSE 'FULL'::"ChurnKind" END, "month" = '2026-04-01', "date" = '2026-04-02' WHERE "organizationId" = ANY(${ids}::uuid[])`;
    await prisma.$executeRaw`UPDATE "Save" SET "accountId" = (SELECT a."id" FROM "Account" a WHERE a."organizationId" = "Save"."organizationId" AND a."name" = 'A0'), "month" = '2026-02-01', "date" = '2026-02-02' WHERE "organizationId" = ANY(${ids}::uuid[]) AND "arrSaved" > 74`;
    await prisma.$executeRaw`UPDATE "Account" SET "startDate" = ("startDate" - interval '2 months')::date, "churnDate" = '2026-05-31', "mrr" = "mrr" + 1 WHERE "organizationId" = ANY(${ids}::uuid[]) AND "name" <> 'A2'`;
    await prisma.$executeRaw`DELETE FROM "ExpansionDeal" WHERE "organizationId" = ANY(${ids}::uuid[]) AND "month" = '2026-03-01'`;
    await prisma.$executeRaw`DELETE FROM "Account" WHERE "organizationId" = ANY(${ids}::uuid[]) AND "name" = 'A1'`;
    for (const org of orgs) {
      const { kept, raw, cohortsKept, cohortsRaw } = await compareTotals(org.id);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(raw);
      expect(cohortsKept).toEqual(cohortsRaw);
    }
  });

  it('roll back with the transaction that wrote the rows', async () => {
    const prisma = testDb();
    const owner = await makeUser(prisma);
    const org = await makeOrganization(prisma, owner);
    const account = await prisma.account.create({ data: { organizationId: org.id, name: 'A', startDate: d('2026-01-01') } });
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.expansionDeal.create({ data: { organizationId: org.id, accountId: account.id, date: d('2026-01-05'), month: d('2026-01-01'), type: 'UPSELL', arrAdded: 1000, attribution: 'CS_SOURCED', attributionPct: 100 } });
        throw new Error('import failed half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await prisma.monthEventTotals.count({ where: { organizationId: org.id, dealCount: { not: 0 } } })).toBe(0);
  });

  it('disappear with their organisation', async () => {
    const prisma = testDb();
    const owner = await makeUser(prisma);
    const org = await makeOrganization(prisma, owner);
    const account = await prisma.account.create({ data: { organizationId: org.id, name: 'A', startDate: d('2026-01-01'), mrr: 10 } });
    await prisma.churnEvent.create({ data: { organizationId: org.id, accountId: account.id, date: d('2026-01-05'), month: d('2026-01-01'), kind: 'FULL', arrLost: 120 } });
    await prisma.organization.delete({ where: { id: org.id } });
    expect(await prisma.monthEventTotals.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await prisma.accountCohortTotals.count({ where: { organizationId: org.id } })).toBe(0);
  });
});
