import Decimal from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthAggregates } from '@/lib/queries/month-aggregates';
import { cohortAggregates } from '@/lib/queries/cohort-aggregates';
import { makeOrganization, makeUser } from '@/lib/seed/factories';
import { seededRandom } from '@/lib/seed/random';
import { testDb } from '../support/db';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Seeds an organisation with random events over three months; returns its id and the rows. */
async function seedOrganization(seed: number) {
  const prisma = testDb();
  const rng = seededRandom(seed);
  const owner = await makeUser(prisma);
  const org = await makeOrganization(prisma, owner);
  for (const month of ['2026-01', '2026-02', '2026-03']) {
    await prisma.monthlyReport.create({ data: { organizationId: org.id, month: d(`${month}-01`), startArr: 1_000_000, startCustomers: 100, csmFte: 2, loadedSalaries: 10_000 } });
  }
  const accounts = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      prisma.account.create({
        data: {
          organizationId: org.id, name: `A${i}`, startDate: d(i < 2 ? '2026-02-10' : '2025-06-01'), mrr: 1000 + i,
          churnDate: i === 0 ? d('2026-02-20') : i === 5 ? d('2026-03-03') : null,
        },
      }),
    ),
  );
  const money = () => new Decimal(Math.floor(rng() * 1_000_000)).div(100);
  const events = { churn: [] as { month: string; kind: string; arr: Decimal }[], deals: [] as { month: string; arr: Decimal; pct: Decimal; attribution: string }[], saves: [] as { month: string; arr: Decimal }[] };
  for (let i = 0; i < 40; i += 1) {
    const month = ['2026-01', '2026-02', '2026-03'][i % 3]!;
    const account = accounts[i % accounts.length]!;
    const kind = rng() < 0.5 ? 'FULL' : 'CONTRACTION';
    const arr = money();
    await prisma.churnEvent.create({ data: { organizationId: org.id, accountId: account.id, date: d(`${month}-05`), month: d(`${month}-01`), kind: kind as 'FULL', arrLost: arr } });
    events.churn.push({ month, kind, arr });
    const attribution = (['CS_SOURCED', 'CS_INFLUENCED', 'NOT_CS'] as const)[i % 3]!;
    const pct = attribution === 'CS_SOURCED' ? new Decimal(100) : attribution === 'NOT_CS' ? new Decimal(0) : new Decimal('33.3333');
    const dealArr = money();
    await prisma.expansionDeal.create({ data: { organizationId: org.id, accountId: account.id, date: d(`${month}-07`), month: d(`${month}-01`), type: 'UPSELL', arrAdded: dealArr, attribution, attributionPct: pct } });
    events.deals.push({ month, arr: dealArr, pct, attribution });
    if (i % 4 === 0) {
      const saved = money();
      await prisma.save.create({ data: { organizationId: org.id, accountId: account.id, date: d(`${month}-09`), month: d(`${month}-01`), arrSaved: saved } });
      events.saves.push({ month, arr: saved });
    }
  }
  return { organizationId: org.id, events };
}

describe('SQL month aggregates', () => {
  let a: Awaited<ReturnType<typeof seedOrganization>>;
  let b: Awaited<ReturnType<typeof seedOrganization>>;

  beforeAll(async () => {
    a = await seedOrganization(1);
    b = await seedOrganization(2);
  }, 60_000);

  it('equal the sums of the rows, exactly, month by month', async () => {
    const rows = await monthAggregates(a.organizationId, '2026-01', '2026-03');
    expect(rows.map((r) => r.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const sum = (values: Decimal[]) => values.reduce((s, v) => s.plus(v), new Decimal(0));
    for (const row of rows) {
      const churn = a.events.churn.filter((e) => e.month === row.month);
      const deals = a.events.deals.filter((e) => e.month === row.month);
      const saves = a.events.saves.filter((e) => e.month === row.month);
      expect(row.churnedArr.toString()).toBe(sum(churn.filter((e) => e.kind === 'FULL').map((e) => e.arr)).toString());
      expect(row.contractionArr.toString()).toBe(sum(churn.filter((e) => e.kind === 'CONTRACTION').map((e) => e.arr)).toString());
      expect(row.expansionArr.toString()).toBe(sum(deals.map((e) => e.arr)).toString());
      expect(row.expansionAttributed.toString()).toBe(sum(deals.map((e) => e.arr.times(e.pct).div(100))).toString());
      expect(row.dealCount).toBe(deals.length);
      expect(row.attributedDealCount).toBe(deals.filter((e) => e.attribution !== 'NOT_CS').length);
      expect(row.savesCount).toBe(saves.length);
      expect(row.savedArr.toString()).toBe(sum(saves.map((e) => e.arr)).toString());
    }
  });

  it('count churned customers and those who joined the same month', async () => {
    const rows = await monthAggregates(a.organizationId, '2026-01', '2026-03');
    const byMonth = Object.fromEntries(rows.map((r) => [r.month, r]));
    expect(byMonth['2026-02']?.churnedCustomers).toBe(1);
    expect(byMonth['2026-02']?.churnedCustomersJoinedSameMonth).toBe(1);
    expect(byMonth['2026-03']?.churnedCustomers).toBe(1);
    expect(byMonth['2026-03']?.churnedCustomersJoinedSameMonth).toBe(0);
  });

  it('never include another organisation’s rows', async () => {
    const rowsA = await monthAggregates(a.organizationId, '2026-01', '2026-03');
    const rowsB = await monthAggregates(b.organizationId, '2026-01', '2026-03');
    const totalA = rowsA.reduce((s, r) => s.plus(r.expansionArr), new Decimal(0));
    const totalB = rowsB.reduce((s, r) => s.plus(r.expansionArr), new Decimal(0));
    const expectedA = a.events.deals.reduce((s, e) => s.plus(e.arr), new Decimal(0));
    expect(totalA.toString()).toBe(expectedA.toString());
    expect(totalB.toString()).not.toBe(totalA.toString());
  });

  it('group accounts into cohorts with their churn and active months', async () => {
    const cohorts = await cohortAggregates(a.organizationId, '2026-03', 'month');
    const feb = cohorts.find((c) => c.cohort === '2026-02')!;
    expect(feb.accounts).toBe(2);
    expect(feb.churnedAccounts).toBe(1);
    // One churned in its first month (counted 1), one active Feb–Mar (2).
    expect(feb.activeAccountMonths).toBe(3);
    const byYear = await cohortAggregates(a.organizationId, '2026-03', 'year');
    expect(byYear.map((c) => c.cohort)).toEqual(['2025', '2026']);
    expect(byYear.reduce((s, c) => s + c.accounts, 0)).toBe(10);
  });
});
