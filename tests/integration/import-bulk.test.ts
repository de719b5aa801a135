import { describe, expect, it } from 'vitest';
import { importAuditRows, isImportAudit, type ImportAuditBody } from '@/lib/audit/import-entry';
import { principalAccess } from '@/lib/data/access';
import { IMPORT_ROWS_SHOWN } from '@/lib/data/audit-bodies';
import { listAuditEntries } from '@/lib/data/audit-log';
import { monthHistory } from '@/lib/data/entries/months';
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
  return { org, owner, access: await principalAccess(callerOf(owner), org.slug, 'EDITOR') };
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

/** The import's grouped audit entries, oldest first. */
async function importEntries(organizationId: string) {
  const entries = await testDb().auditEntry.findMany({ where: { organizationId, action: 'deal.import' }, orderBy: [{ createdAt: 'asc' }, { month: 'asc' }] });
  return entries.map((e) => {
    if (!isImportAudit(e.action, e.after)) throw new Error(`Not an import entry: ${e.id}`);
    return { ...e, after: e.after as ImportAuditBody & { created: number; updated: number } };
  });
}

describe('bulk CSV import', () => {
  it('writes 600 deals in one go, re-imports without writing, and updates only what changed', async () => {
    const { org, owner, access } = await organisationWithAccounts();
    expect(await commitImport(access, 'deals', rowsOf(dealLines(600)))).toMatchObject({ create: 600 });
    // One audit entry per month touched (12), holding every created row with its values.
    const created = await importEntries(org.id);
    expect(created).toHaveLength(12);
    expect(created.every((e) => e.entityType === 'ExpansionDeal' && e.actorUserId === owner.id && e.month !== null)).toBe(true);
    const createdRows = created.flatMap((e) => importAuditRows(e.before, e.after));
    const stored = await testDb().expansionDeal.findMany({ where: { organizationId: org.id }, select: { id: true, externalId: true, arrAdded: true, month: true } });
    expect(createdRows.map((r) => r.id).sort()).toEqual(stored.map((d) => d.id).sort());
    expect(createdRows.every((r) => r.before === null && stored.some((d) => d.id === r.id && d.externalId === r.after.externalId && d.arrAdded.toString() === r.after.arrAdded))).toBe(true);
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
    const updates = (await importEntries(org.id)).filter((e) => e.after.updated > 0);
    expect(updates.map((e) => [e.after.created, e.after.updated])).toEqual(Array.from({ length: 10 }, () => [0, 1]));
    const updatedRows = updates.flatMap((e) => importAuditRows(e.before, e.after));
    expect(updatedRows).toHaveLength(10);
    expect(updatedRows.every((u) => u.after.arrAdded === '1' && u.before !== null && u.before.arrAdded !== '1' && u.before.externalId === u.after.externalId)).toBe(true);

    // The audit log, filtered by month and by person, and the month's history show the grouped
    // entries with their rows' before and after (the first rows only: a page never loads them all).
    const principal = callerOf(owner);
    const january = await listAuditEntries(principal, org.slug, { month: '2025-01', actorUserId: owner.id });
    expect(january.rows.map((e) => e.action)).toEqual(['deal.import', 'deal.import']);
    const [edit, creation] = january.rows as unknown as { before: unknown; after: ImportAuditBody & { created: number; updated: number } }[];
    expect([edit!.after.updated, creation!.after.created]).toEqual([1, 50]);
    expect(importAuditRows(edit!.before, edit!.after)).toEqual([expect.objectContaining({ before: expect.objectContaining({ externalId: 'd-0', arrAdded: '1000.5' }), after: expect.objectContaining({ externalId: 'd-0', arrAdded: '1' }) })]);
    expect(creation!.after.rows).toHaveLength(IMPORT_ROWS_SHOWN);
    expect((await listAuditEntries(principal, org.slug, { actorUserId: (await makeUser(testDb())).id })).rows).toEqual([]);
    const history = await monthHistory(principal, org.slug, '2025-01');
    expect(history.map((e) => e.action)).toEqual(['deal.import', 'deal.import']);
    expect(importAuditRows(history[0]!.before, history[0]!.after as ImportAuditBody)[0]).toMatchObject({ before: { arrAdded: '1000.5' }, after: { arrAdded: '1' } });
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
