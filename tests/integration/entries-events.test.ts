import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { upsertAccount, upsertAccountTx } from '@/lib/data/entries/accounts';
import { deleteChurnEvent, listChurnEventsPage, upsertChurnEvent } from '@/lib/data/entries/churn-events';
import { upsertCsm } from '@/lib/data/entries/csms';
import { deleteDeal, listDealsPage, upsertDeal, upsertDealTx } from '@/lib/data/entries/deals';
import { withNewAccount } from '@/lib/data/entries/new-account';
import { deleteSave, listSavesPage, upsertSave } from '@/lib/data/entries/saves';
import { closeMonth, upsertMonth } from '@/lib/data/entries/months';
import { principalAccess } from '@/lib/data/access';
import { isAppError, type AppError } from '@/lib/errors';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { accountInputSchema, dealInputSchema, monthInputSchema } from '@/lib/validation/entries';
import { testDb } from '../support/db';

async function team() {
  const prisma = testDb();
  const ownerUser = await makeUser(prisma);
  const org = await makeOrganization(prisma, ownerUser);
  await prisma.methodSettings.update({ where: { organizationId: org.id }, data: { influencedAttributionPct: '40' } });
  const editor = callerOf((await addMember(prisma, org.id, 'EDITOR')).user);
  const viewer = callerOf((await addMember(prisma, org.id, 'VIEWER')).user);
  const owner = callerOf(ownerUser);
  const csm = await upsertCsm(editor, org.slug, { externalId: 'csm-1', name: 'Ana', startDate: '2024-01-01' });
  const account = await upsertAccount(editor, org.slug, { externalId: 'crm-1', name: 'Acme', startDate: '2024-01-15', mrr: '1000', csmExternalId: 'csm-1' });
  return { org, owner, editor, viewer, csmId: csm.id, accountId: account.id };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function eventCounts(organizationId: string) {
  const prisma = testDb();
  const where = { organizationId };
  return { churn: await prisma.churnEvent.count({ where }), saves: await prisma.save.count({ where }), deals: await prisma.expansionDeal.count({ where }), accounts: await prisma.account.count({ where }) };
}

const month = (m: string) => monthInputSchema.parse({
  month: m, csmFte: '1', loadedSalaries: '5000', toolsCost: '0', trainingCost: '0', otherDirectCost: '0', indirectManagementCost: '0',
  indirectInfrastructureCost: '0', indirectRecruitingCost: '0', startArr: '100000', newBusinessArr: '0', startCustomers: '10', managedClients: '10',
});

describe('churn events, saves and deals', () => {
  it('file each event in the month of its date and resolve external references', async () => {
    const { org, editor, accountId, csmId } = await team();
    const churn = await upsertChurnEvent(editor, org.slug, { accountExternalId: 'crm-1', csmExternalId: 'csm-1', date: '2026-03-31', kind: 'CONTRACTION', arrLost: '1200.50', reason: 'Budget' });
    const save = await upsertSave(editor, org.slug, { accountId, date: '2026-03-02', arrSaved: '12000', playbook: 'Exec sponsor' });
    expect(churn.created && save.created).toBe(true);
    const [churnRow] = (await listChurnEventsPage(editor, org.slug, { month: '2026-03', limit: 10 })).rows;
    expect(churnRow).toMatchObject({ accountId, accountName: 'Acme', csmId, csmName: 'Ana', month: '2026-03', date: '2026-03-31', arrLost: '1200.5' });
    expect((await listSavesPage(editor, org.slug, { month: '2026-04', limit: 10 })).rows).toHaveLength(0);
    expect((await listSavesPage(editor, org.slug, { month: '2026-03', limit: 10 })).rows[0]).toMatchObject({ arrSaved: '12000', playbook: 'Exec sponsor' });
  });

  it('force or default the attribution share of deals from the organisation method', async () => {
    const { org, editor } = await team();
    const base = { accountExternalId: 'crm-1', date: '2026-02-10', type: 'UPSELL' as const, arrAdded: '10000' };
    await upsertDeal(editor, org.slug, { ...base, externalId: 'd1', attribution: 'CS_SOURCED', attributionPct: '30' });
    await upsertDeal(editor, org.slug, { ...base, externalId: 'd2', attribution: 'CS_INFLUENCED' });
    await upsertDeal(editor, org.slug, { ...base, externalId: 'd3', attribution: 'CS_INFLUENCED', attributionPct: '25' });
    await upsertDeal(editor, org.slug, { ...base, externalId: 'd4', attribution: 'NOT_CS', attributionPct: '80' });
    const rows = (await listDealsPage(editor, org.slug, { limit: 10 })).rows;
    expect(Object.fromEntries(rows.map((r) => [r.externalId, r.attributionPct]))).toEqual({ d1: '100', d2: '40', d3: '25', d4: '0' });
  });

  it('are idempotent on the external id: a re-delivered webhook updates instead of duplicating', async () => {
    const { org, editor } = await team();
    const input = dealInputSchema.parse({ externalId: 'hubspot-77', accountExternalId: 'crm-1', date: '2026-02-10', type: 'CROSS_SELL', arrAdded: '9 000,00', attribution: 'CS_SOURCED' });
    const first = await upsertDeal(editor, org.slug, input);
    const again = await upsertDeal(editor, org.slug, input);
    const changed = await upsertDeal(editor, org.slug, { ...input, arrAdded: '9500' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(changed).toEqual({ id: first.id, created: false });
    expect((await eventCounts(org.id)).deals).toBe(1);
    const audit = await testDb().auditEntry.findMany({ where: { organizationId: org.id, entityId: first.id }, orderBy: { createdAt: 'asc' }, select: { action: true, before: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(['deal.create', 'deal.update']);
    expect(audit[1]).toMatchObject({ before: { arrAdded: '9000' }, after: { arrAdded: '9500' } });
  });

  it('refuse references and ids of another organisation without touching its rows', async () => {
    const mine = await team();
    const theirs = await team();
    const theirDeal = await upsertDeal(theirs.editor, theirs.org.slug, { accountId: theirs.accountId, date: '2026-01-05', type: 'UPSELL', arrAdded: '500', attribution: 'NOT_CS' });
    const error = await caught(upsertDeal(mine.editor, mine.org.slug, { accountId: theirs.accountId, date: '2026-01-05', type: 'UPSELL', arrAdded: '500', attribution: 'NOT_CS' }));
    expect([error.code, error.message]).toEqual(['INVALID', 'unknownAccount']);
    const csmError = await caught(upsertSave(mine.editor, mine.org.slug, { accountId: mine.accountId, csmId: theirs.csmId, date: '2026-01-05', arrSaved: '5' }));
    expect([csmError.code, csmError.message]).toEqual(['INVALID', 'unknownCsm']);
    expect((await caught(upsertDeal(mine.editor, mine.org.slug, { accountId: mine.accountId, date: '2026-01-05', type: 'UPSELL', arrAdded: '1', attribution: 'NOT_CS' }, theirDeal.id))).code).toBe('NOT_FOUND');
    expect((await caught(deleteDeal(mine.owner, mine.org.slug, theirDeal.id))).code).toBe('NOT_FOUND');
    expect((await caught(deleteDeal(mine.owner, mine.org.slug, 'not-a-uuid'))).code).toBe('NOT_FOUND');
    expect((await caught(listDealsPage(mine.owner, theirs.org.slug, { limit: 5 }))).code).toBe('NOT_FOUND');
    expect(await eventCounts(mine.org.id)).toMatchObject({ churn: 0, saves: 0, deals: 0 });
    const untouched = await testDb().expansionDeal.findUniqueOrThrow({ where: { id: theirDeal.id }, select: { arrAdded: true } });
    expect(untouched.arrAdded.toString()).toBe('500');
  });

  it('refuse viewers', async () => {
    const { org, viewer, accountId } = await team();
    expect((await caught(upsertChurnEvent(viewer, org.slug, { accountId, date: '2026-01-05', kind: 'FULL', arrLost: '5' }))).code).toBe('FORBIDDEN');
    expect((await caught(upsertSave(viewer, org.slug, { accountId, date: '2026-01-05', arrSaved: '5' }))).code).toBe('FORBIDDEN');
    expect((await eventCounts(org.id)).churn).toBe(0);
    expect((await listChurnEventsPage(viewer, org.slug, { limit: 5 })).rows).toEqual([]);
  });

  it('cannot be created, changed, moved or deleted in a closed month, by anyone', async () => {
    const { org, editor, owner, accountId } = await team();
    await upsertMonth(editor, org.slug, month('2026-05'));
    const inMay = await upsertChurnEvent(editor, org.slug, { accountId, date: '2026-05-12', kind: 'FULL', arrLost: '1000' });
    const inJune = await upsertSave(editor, org.slug, { accountId, date: '2026-06-01', arrSaved: '300' });
    await closeMonth(editor, org.slug, '2026-05');
    const closed = (p: Promise<unknown>) => caught(p).then((e) => e.code);
    expect(await closed(upsertChurnEvent(owner, org.slug, { accountId, date: '2026-05-13', kind: 'FULL', arrLost: '1' }))).toBe('MONTH_CLOSED');
    expect(await closed(upsertChurnEvent(owner, org.slug, { accountId, date: '2026-06-12', kind: 'FULL', arrLost: '1000' }, inMay.id))).toBe('MONTH_CLOSED');
    expect(await closed(upsertSave(owner, org.slug, { accountId, date: '2026-05-30', arrSaved: '300' }, inJune.id))).toBe('MONTH_CLOSED');
    expect(await closed(deleteChurnEvent(owner, org.slug, inMay.id))).toBe('MONTH_CLOSED');
    expect(await closed(upsertDeal(owner, org.slug, { accountId, date: '2026-05-01', type: 'UPSELL', arrAdded: '1', attribution: 'CS_SOURCED' }))).toBe('MONTH_CLOSED');
    expect(await eventCounts(org.id)).toMatchObject({ churn: 1, saves: 1, deals: 0 });
    await deleteSave(editor, org.slug, inJune.id);
    expect((await eventCounts(org.id)).saves).toBe(0);
  });

  it('leave nothing half-written when a later write of the same transaction fails', async () => {
    const { org, editor } = await team();
    await upsertMonth(editor, org.slug, month('2026-07'));
    await closeMonth(editor, org.slug, '2026-07');
    const newAccount = accountInputSchema.parse({ name: 'Brand new', startDate: '2026-07-01', mrr: '0' });
    const error = await caught(withNewAccount(editor, org.slug, newAccount, (tx, access, accountId) =>
      upsertDealTx(tx, access, { accountId: accountId!, date: '2026-07-03', type: 'UPSELL', arrAdded: '10', attribution: 'CS_SOURCED' })));
    expect(error.code).toBe('MONTH_CLOSED');
    // As the CSV import does: many writes in one transaction, the last one failing.
    const access = await principalAccess(editor, org.slug, 'EDITOR');
    await expect(db().$transaction(async (tx) => {
      await upsertAccountTx(tx, access, { externalId: 'bulk-1', name: 'Bulk', startDate: '2026-01-01', mrr: '10' });
      await upsertDealTx(tx, access, { accountExternalId: 'bulk-1', date: '2026-02-01', type: 'UPSELL', arrAdded: '10', attribution: 'CS_SOURCED' });
      await upsertDealTx(tx, access, { accountExternalId: 'missing', date: '2026-02-01', type: 'UPSELL', arrAdded: '10', attribution: 'CS_SOURCED' });
    })).rejects.toThrow('unknownAccount');
    expect(await eventCounts(org.id)).toMatchObject({ deals: 0, accounts: 1 });
    expect(await testDb().auditEntry.count({ where: { organizationId: org.id, entityType: { in: ['ExpansionDeal', 'Account'] }, action: { not: 'account.create' } } })).toBe(0);
    const created = await withNewAccount(editor, org.slug, newAccount, (tx, access2, accountId) =>
      upsertDealTx(tx, access2, { accountId: accountId!, date: '2026-08-03', type: 'UPSELL', arrAdded: '10', attribution: 'CS_SOURCED' }));
    expect(created.created).toBe(true);
    expect(await eventCounts(org.id)).toMatchObject({ deals: 1, accounts: 2 });
  });

  it('page by cursor', async () => {
    const { org, editor, accountId } = await team();
    for (let day = 1; day <= 5; day++) await upsertSave(editor, org.slug, { accountId, date: `2026-09-0${day}`, arrSaved: String(day * 100) });
    const first = await listSavesPage(editor, org.slug, { limit: 3 });
    const second = await listSavesPage(editor, org.slug, { limit: 3, cursor: first.nextCursor! });
    expect([...first.rows, ...second.rows].map((r) => r.date)).toEqual(['2026-09-05', '2026-09-04', '2026-09-03', '2026-09-02', '2026-09-01']);
    expect(second.nextCursor).toBeNull();
  });
});
