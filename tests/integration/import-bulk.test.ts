import { describe, expect, it } from 'vitest';
import { principalAccess } from '@/lib/data/access';
import { commitImport, ImportRejected } from '@/lib/import/commit';
import { parseCsvText } from '@/lib/import/csv';
import { matchHeaders } from '@/lib/import/headers';
import { recordToRow } from '@/lib/import/rows';
import { callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

const HEADER = 'External ID,Account external ID,CSM,Date,Type,ARR added,Attribution,Attribution %';

async function organisationWithAccounts(accounts = 20) {
  const owner = await makeUser(testDb());
  const org = await makeOrganization(testDb(), owner);
  await testDb().csm.create({ data: { organizationId: org.id, externalId: 'c-1', name: 'Alice Martin', startDate: new Date('2020-01-01') } });
  await testDb().account.createMany({ data: Array.from({ length: accounts }, (_, i) => ({ organizationId: org.id, externalId: `acc-${i}`, name: `Account ${i}`, startDate: new Date('2024-01-01') })) });
  return { org, access: await principalAccess(callerOf(owner), org.slug, 'EDITOR') };
}

function dealLines(count: number, arr = (i: number) => `${1000 + i}.5`): string[] {
  const attributions = ['CS sourced', 'CS influenced', 'Not CS'];
  return Array.from({ length: count }, (_, i) => `d-${i},acc-${i % 20},${i % 2 ? 'Alice Martin' : ''},${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2025,Upsell,${arr(i)},${attributions[i % 3]},${i % 6 === 1 ? '40' : ''}`);
}

function rowsOf(lines: string[]) {
  const parsed = parseCsvText([HEADER, ...lines].join('\n'));
  const mapping = matchHeaders('deals', parsed.headers);
  return parsed.records.map((record, i) => recordToRow('deals', mapping, record, i + 2));
}

async function snapshot(organizationId: string) {
  const t = testDb();
  const [deals, audit, totals] = await Promise.all([
    t.expansionDeal.findMany({ where: { organizationId }, orderBy: { id: 'asc' }, select: { id: true, updatedAt: true, arrAdded: true, attributionPct: true } }),
    t.auditEntry.count({ where: { organizationId } }),
    t.monthEventTotals.findMany({ where: { organizationId }, orderBy: { month: 'asc' } }),
  ]);
  return JSON.stringify({ deals, audit, totals });
}

describe('bulk CSV import', () => {
  it('writes 600 deals in one go, re-imports without writing, and updates only what changed', async () => {
    const { org, access } = await organisationWithAccounts();
    expect(await commitImport(access, 'deals', rowsOf(dealLines(600)))).toMatchObject({ create: 600 });
    expect(await testDb().auditEntry.count({ where: { organizationId: org.id, action: 'deal.create', entityType: 'ExpansionDeal' } })).toBe(600);
    const pcts = await testDb().expansionDeal.groupBy({ by: ['attribution', 'attributionPct'], where: { organizationId: org.id }, _count: true });
    expect(pcts.map((p) => `${p.attribution}:${p.attributionPct.toString()}`).sort()).toEqual(['CS_INFLUENCED:40', 'CS_INFLUENCED:50', 'CS_SOURCED:100', 'NOT_CS:0']);
    const totals = await testDb().monthEventTotals.aggregate({ where: { organizationId: org.id }, _sum: { dealCount: true, expansionArr: true } });
    expect(totals._sum.dealCount).toBe(600);
    expect(totals._sum.expansionArr?.toString()).toBe(String(Array.from({ length: 600 }, (_, i) => 1000.5 + i).reduce((a, b) => a + b)));

    const before = await snapshot(org.id);
    expect(await commitImport(access, 'deals', rowsOf(dealLines(600)))).toMatchObject({ create: 0, update: 0, unchanged: 600 });
    expect(await snapshot(org.id)).toBe(before);

    const edited = rowsOf(dealLines(600, (i) => (i < 10 ? '1' : `${1000 + i}.5`)));
    expect(await commitImport(access, 'deals', edited)).toMatchObject({ create: 0, update: 10, unchanged: 590 });
    const updates = await testDb().auditEntry.findMany({ where: { organizationId: org.id, action: 'deal.update' }, select: { before: true, after: true } });
    expect(updates).toHaveLength(10);
    expect(updates.every((u) => (u.after as { arrAdded: string }).arrAdded === '1' && (u.before as { arrAdded: string }).arrAdded !== '1')).toBe(true);
  });

  it('writes nothing when one row is bad, when a month is closed, or when an account is another organisation’s', async () => {
    const { org, access } = await organisationWithAccounts();
    const other = await organisationWithAccounts(25);
    await testDb().account.create({ data: { organizationId: other.org.id, externalId: 'theirs-1', name: 'Theirs', startDate: new Date('2024-01-01') } });
    const nothingWritten = async () => {
      expect(await testDb().expansionDeal.count({ where: { organizationId: org.id } })).toBe(0);
      expect(await testDb().auditEntry.count({ where: { organizationId: org.id } })).toBe(0);
    };

    const oneBad = dealLines(300);
    oneBad[150] = oneBad[150]!.replace('Upsell', 'Giveaway');
    await expect(commitImport(access, 'deals', rowsOf(oneBad))).rejects.toBeInstanceOf(ImportRejected);
    await nothingWritten();

    const theirs = [...dealLines(100), 'x-1,theirs-1,,01/03/2025,Upsell,10,Not CS,'];
    const rejected = await commitImport(access, 'deals', rowsOf(theirs)).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(ImportRejected);
    expect((rejected as ImportRejected).plan.rows.filter((r) => r.errors.length > 0).map((r) => [r.line, r.errors[0]!.message])).toEqual([[102, 'unknownAccount']]);
    await nothingWritten();

    await testDb().monthlyReport.create({ data: { organizationId: org.id, month: new Date('2025-03-01'), status: 'CLOSED', csmFte: 1, loadedSalaries: 1, toolsCost: 0, trainingCost: 0, otherDirectCost: 0, startArr: 0, newBusinessArr: 0, startCustomers: 1, managedClients: 1 } });
    const closed = await commitImport(access, 'deals', rowsOf(dealLines(100))).catch((error: unknown) => error);
    expect(closed).toBeInstanceOf(ImportRejected);
    expect((closed as ImportRejected).plan.rows.find((r) => r.errors.length > 0)?.errors).toEqual([{ field: 'date', message: 'monthClosed' }]);
    await nothingWritten();
    expect(await testDb().expansionDeal.count({ where: { organizationId: other.org.id } })).toBe(0);
  });
});
