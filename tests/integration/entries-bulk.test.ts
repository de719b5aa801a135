import { describe, expect, it } from 'vitest';
import { principalAccess, type PrincipalAccess } from '@/lib/data/access';
import { upsertAccountTx } from '@/lib/data/entries/accounts';
import { upsertChurnEventTx } from '@/lib/data/entries/churn-events';
import { upsertCsmTx } from '@/lib/data/entries/csms';
import { upsertDealTx } from '@/lib/data/entries/deals';
import { importAccountsTx, importCsmsTx } from '@/lib/data/entries/import-accounts';
import { importChurnEventsTx, importDealsTx, importSavesTx } from '@/lib/data/entries/import-events';
import { upsertSaveTx } from '@/lib/data/entries/saves';
import { db } from '@/lib/db';
import { importAuditRows, isImportAudit } from '@/lib/audit/import-entry';
import type { AccountInput, ChurnEventInput, CsmInput, DealInput, SaveInput } from '@/lib/validation/entries';
import { callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

async function organisation() {
  const owner = await makeUser(testDb());
  const org = await makeOrganization(testDb(), owner);
  await testDb().methodSettings.update({ where: { organizationId: org.id }, data: { influencedAttributionPct: 35 } });
  return { org, access: await principalAccess(callerOf(owner), org.slug, 'EDITOR') };
}

type Batch = { csms: CsmInput[]; accounts: AccountInput[]; churn: ChurnEventInput[]; saves: SaveInput[]; deals: DealInput[] };

const FIRST: Batch = {
  csms: [{ externalId: 'c-1', name: 'Alice', startDate: '2024-01-01' }, { externalId: 'c-2', name: 'Bob', email: 'bob@example.test', startDate: '2024-02-01' }],
  accounts: [
    { externalId: 'a-1', name: 'Acme', csmExternalId: 'c-1', startDate: '2025-01-15', mrr: '2500.50' },
    { externalId: 'a-2', name: 'Globex', startDate: '2025-03-01', mrr: '100', churnDate: '2026-02-01' },
  ],
  churn: [{ externalId: 'ch-1', accountExternalId: 'a-2', date: '2026-02-01', kind: 'FULL', arrLost: '1200', reason: 'Budget' }],
  saves: [{ externalId: 's-1', accountExternalId: 'a-1', csmExternalId: 'c-1', date: '2026-01-10', arrSaved: '3000.25' }],
  deals: [
    { externalId: 'd-1', accountExternalId: 'a-1', csmExternalId: 'c-1', date: '2026-01-05', type: 'UPSELL', arrAdded: '12000.50', attribution: 'CS_SOURCED', attributionPct: '20' },
    { externalId: 'd-2', accountExternalId: 'a-1', date: '2026-01-20', type: 'CROSS_SELL', arrAdded: '3000', attribution: 'CS_INFLUENCED' },
    { externalId: 'd-3', accountExternalId: 'a-2', date: '2026-02-03', type: 'USAGE_GROWTH', arrAdded: '500', attribution: 'CS_INFLUENCED', attributionPct: '60' },
    { externalId: 'd-4', accountExternalId: 'a-2', date: '2026-02-04', type: 'UPSELL', arrAdded: '700', attribution: 'NOT_CS', attributionPct: '60' },
  ],
};

// The same rows again: two changed (one moves to another month and account), the rest unchanged.
const SECOND: Batch = {
  ...FIRST,
  accounts: [{ ...FIRST.accounts[0]!, mrr: '2600' }, FIRST.accounts[1]!],
  deals: [FIRST.deals[0]!, { ...FIRST.deals[1]!, accountExternalId: 'a-2', date: '2026-03-02' }, FIRST.deals[2]!, FIRST.deals[3]!],
};

async function perRow(access: PrincipalAccess, batch: Batch) {
  await db().$transaction(async (tx) => {
    for (const input of batch.csms) await upsertCsmTx(tx, access, input);
    for (const input of batch.accounts) await upsertAccountTx(tx, access, input);
    for (const input of batch.churn) await upsertChurnEventTx(tx, access, input);
    for (const input of batch.saves) await upsertSaveTx(tx, access, input);
    for (const input of batch.deals) await upsertDealTx(tx, access, input);
  });
}

async function bulk(access: PrincipalAccess, batch: Batch) {
  const rows = <I>(inputs: I[]) => inputs.map((input) => ({ input }));
  return db().$transaction(async (tx) => [
    await importCsmsTx(tx, access, rows(batch.csms)),
    await importAccountsTx(tx, access, rows(batch.accounts)),
    await importChurnEventsTx(tx, access, rows(batch.churn)),
    await importSavesTx(tx, access, rows(batch.saves)),
    await importDealsTx(tx, access, rows(batch.deals)),
  ]);
}

/** Everything an organisation holds, with our ids replaced by external ids so two organisations compare. */
async function contents(organizationId: string) {
  const t = testDb();
  const where = { organizationId };
  const [csms, accounts, churn, saves, deals, totals, cohorts, audit] = await Promise.all([
    t.csm.findMany({ where, select: { id: true, externalId: true, name: true, email: true, startDate: true, endDate: true } }),
    t.account.findMany({ where, select: { id: true, externalId: true, name: true, segment: true, csmId: true, startDate: true, mrr: true, churnDate: true } }),
    t.churnEvent.findMany({ where, select: { id: true, externalId: true, accountId: true, csmId: true, date: true, month: true, kind: true, arrLost: true, reason: true } }),
    t.save.findMany({ where, select: { id: true, externalId: true, accountId: true, csmId: true, date: true, month: true, arrSaved: true, playbook: true } }),
    t.expansionDeal.findMany({ where, select: { id: true, externalId: true, accountId: true, csmId: true, date: true, month: true, type: true, arrAdded: true, attribution: true, attributionPct: true } }),
    t.monthEventTotals.findMany({ where, orderBy: { month: 'asc' }, omit: { organizationId: true } }),
    t.accountCohortTotals.findMany({ where, orderBy: [{ startMonth: 'asc' }, { churnMonth: 'asc' }], omit: { organizationId: true } }),
    t.auditEntry.findMany({ where, select: { action: true, entityType: true, entityId: true, month: true, before: true, after: true, actorLabel: true } }),
  ]);
  const external = new Map<string, string>([...csms, ...accounts, ...churn, ...saves, ...deals].map((r) => [r.id, r.externalId!]));
  // A bulk import groups its audit per month: expanded here into the entries the per-row path writes.
  const perRowAudit = audit.flatMap((entry) => {
    if (!isImportAudit(entry.action, entry.after)) return [entry];
    return importAuditRows(entry.before, entry.after).map((row) => ({
      ...entry, action: entry.action.replace(/\.import$/, row.before ? '.update' : '.create'), entityId: row.id, before: row.before, after: row.after,
    }));
  });
  const text = JSON.stringify({ csms, accounts, churn, saves, deals, totals, cohorts, audit: perRowAudit }, (key, value: unknown) => (key === 'id' ? undefined : value));
  const normalised = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => external.get(id) ?? id);
  const parsed = JSON.parse(normalised) as Record<string, { externalId?: string; entityId?: string; action?: string }[]>;
  for (const list of Object.values(parsed)) list.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { lists: parsed, auditEntries: audit.length };
}

describe('bulk entry writes', () => {
  it('store, total and audit exactly what the per-row upserts do, and skip unchanged rows', async () => {
    const a = await organisation();
    const b = await organisation();
    await perRow(a.access, FIRST);
    await perRow(a.access, SECOND);
    const first = await bulk(b.access, FIRST);
    expect(first.map((r) => r.created)).toEqual([2, 2, 1, 1, 4]);
    const second = await bulk(b.access, SECOND);
    expect(second.map((r) => [r.created, r.updated, r.unchanged])).toEqual([[0, 0, 2], [0, 1, 1], [0, 0, 1], [0, 0, 1], [0, 1, 3]]);
    const [{ auditEntries: perRowEntries, lists: left }, { auditEntries: bulkEntries, lists: right }] = [await contents(a.org.id), await contents(b.org.id)];
    // The actor differs (two owners); everything else must match, the bulk audit once expanded.
    for (const side of [left, right]) for (const entry of side.audit!) delete (entry as { actorLabel?: string }).actorLabel;
    expect(right).toEqual(left);
    // One entry per import and month (CSMs and accounts: per import), not one per row.
    expect([perRowEntries, bulkEntries]).toEqual([12, 8]);
    expect(right.deals!.map((d) => (d as unknown as { attributionPct: string }).attributionPct).sort()).toEqual(['0', '100', '35', '60']);
    expect(right.audit!.length).toBe(12);
  });

  it('refuses a closed month, before or after the move, and writes nothing', async () => {
    const { org, access } = await organisation();
    await bulk(access, FIRST);
    await testDb().monthlyReport.create({ data: { organizationId: org.id, month: new Date('2026-03-01'), status: 'CLOSED', csmFte: 1, loadedSalaries: 1, toolsCost: 0, trainingCost: 0, otherDirectCost: 0, startArr: 0, newBusinessArr: 0, startCustomers: 1, managedClients: 1 } });
    const audit = await testDb().auditEntry.count({ where: { organizationId: org.id } });
    const into = db().$transaction((tx) => importDealsTx(tx, access, [{ input: FIRST.deals[0]! }, { input: { ...FIRST.deals[1]!, date: '2026-03-09' } }]));
    await expect(into).rejects.toMatchObject({ code: 'MONTH_CLOSED', details: { month: '2026-03', index: 1 } });
    const fresh = db().$transaction((tx) => importSavesTx(tx, access, [{ input: { accountExternalId: 'a-1', date: '2026-03-31', arrSaved: '1' } }]));
    await expect(fresh).rejects.toMatchObject({ code: 'MONTH_CLOSED' });
    expect(await testDb().auditEntry.count({ where: { organizationId: org.id } })).toBe(audit);
    expect(await testDb().expansionDeal.count({ where: { organizationId: org.id, month: new Date('2026-03-01') } })).toBe(0);
  });

  it('reaches only the organisation’s own accounts, CSMs and rows, by external id or by id', async () => {
    const mine = await organisation();
    const theirs = await organisation();
    await bulk(theirs.access, FIRST);
    const theirAccount = await testDb().account.findFirstOrThrow({ where: { organizationId: theirs.org.id, externalId: 'a-1' } });
    const theirDeal = await testDb().expansionDeal.findFirstOrThrow({ where: { organizationId: theirs.org.id, externalId: 'd-1' } });
    const attempt = (rows: Parameters<typeof importDealsTx>[2]) => db().$transaction((tx) => importDealsTx(tx, mine.access, rows));
    await expect(attempt([{ input: FIRST.deals[0]! }])).rejects.toMatchObject({ code: 'INVALID', message: 'unknownAccount', details: { index: 0 } });
    await expect(attempt([{ input: { ...FIRST.deals[1]!, accountExternalId: undefined, accountId: theirAccount.id } }])).rejects.toMatchObject({ message: 'unknownAccount' });
    await expect(attempt([{ input: { ...FIRST.deals[1]!, csmExternalId: 'c-1', accountExternalId: undefined, accountId: theirAccount.id } }])).rejects.toMatchObject({ code: 'INVALID' });
    await expect(attempt([{ input: FIRST.deals[1]!, id: theirDeal.id }])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Same external ids as the other organisation: new rows of mine, theirs untouched.
    await bulk(mine.access, FIRST);
    expect(await testDb().expansionDeal.count({ where: { externalId: 'd-1', organizationId: { in: [mine.org.id, theirs.org.id] } } })).toBe(2);
    expect((await testDb().expansionDeal.findUniqueOrThrow({ where: { id: theirDeal.id } })).accountId).toBe(theirAccount.id);
  });

  it('refuses two rows naming the same stored row', async () => {
    const { org, access } = await organisation();
    await bulk(access, FIRST);
    const twice = db().$transaction((tx) => importDealsTx(tx, access, [{ input: FIRST.deals[0]! }, { input: { ...FIRST.deals[0]!, arrAdded: '1' } }]));
    await expect(twice).rejects.toMatchObject({ code: 'INVALID', message: 'duplicateRow', details: { index: 1 } });
    expect(await testDb().expansionDeal.count({ where: { organizationId: org.id } })).toBe(4);
  });
});
