import { describe, expect, it } from 'vitest';
import { listAuditEntries } from '@/lib/data/audit-log';
import { deleteAccount, getAccount, listAccountsPage, upsertAccount } from '@/lib/data/entries/accounts';
import { deleteCsm, listCsmsPage, upsertCsm } from '@/lib/data/entries/csms';
import { upsertDeal } from '@/lib/data/entries/deals';
import { closeMonth, upsertMonth } from '@/lib/data/entries/months';
import { isAppError, type AppError } from '@/lib/errors';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { accountInputSchema, monthInputSchema } from '@/lib/validation/entries';
import { testDb } from '../support/db';

async function team() {
  const prisma = testDb();
  const ownerUser = await makeUser(prisma);
  const org = await makeOrganization(prisma, ownerUser);
  const editor = await addMember(prisma, org.id, 'EDITOR');
  const viewer = await addMember(prisma, org.id, 'VIEWER');
  return { org, owner: callerOf(ownerUser), editor: callerOf(editor.user), editorId: editor.user.id, viewer: callerOf(viewer.user) };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('team and accounts', () => {
  it('create, update by id, and update by external id instead of duplicating', async () => {
    const { org, editor } = await team();
    const csm = await upsertCsm(editor, org.slug, { externalId: 'c-1', name: 'Ana', email: 'ana@example.test', startDate: '2024-01-01' });
    expect(csm.created).toBe(true);
    expect(await upsertCsm(editor, org.slug, { externalId: 'c-1', name: 'Ana Lima', startDate: '2024-01-01' })).toEqual({ id: csm.id, created: false });
    const input = accountInputSchema.parse({ externalId: 'a-1', name: 'Acme', segment: 'SMB', csmExternalId: 'c-1', startDate: '2024-03-01', mrr: '1 250,50' });
    const account = await upsertAccount(editor, org.slug, input);
    expect(await upsertAccount(editor, org.slug, input)).toEqual({ id: account.id, created: false });
    await upsertAccount(editor, org.slug, { ...input, externalId: undefined, name: 'Acme Corp', churnDate: '2025-01-31' }, account.id);
    expect(await getAccount(editor, org.slug, account.id)).toMatchObject({ name: 'Acme Corp', externalId: 'a-1', mrr: '1250.5', csmId: csm.id, csmName: 'Ana Lima', churnDate: '2025-01-31' });
    expect((await listCsmsPage(editor, org.slug, { limit: 10 })).rows).toEqual([expect.objectContaining({ name: 'Ana Lima', accountCount: 1, email: null })]);
    expect(await testDb().account.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it('refuse an unknown CSM, viewers and other organisations', async () => {
    const { org, editor, viewer } = await team();
    const other = await team();
    const theirCsm = await upsertCsm(other.editor, other.org.slug, { name: 'Theirs', startDate: '2024-01-01' });
    const theirAccount = await upsertAccount(other.editor, other.org.slug, { name: 'Their account', startDate: '2024-01-01', mrr: '10' });
    const error = await caught(upsertAccount(editor, org.slug, { name: 'X', startDate: '2024-01-01', mrr: '1', csmId: theirCsm.id }));
    expect([error.code, error.message]).toEqual(['INVALID', 'unknownCsm']);
    expect((await caught(upsertAccount(editor, org.slug, { name: 'X', startDate: '2024-01-01', mrr: '1' }, theirAccount.id))).code).toBe('NOT_FOUND');
    expect((await caught(deleteAccount(editor, org.slug, theirAccount.id))).code).toBe('NOT_FOUND');
    expect((await caught(deleteCsm(editor, org.slug, theirCsm.id))).code).toBe('NOT_FOUND');
    expect(await getAccount(editor, org.slug, theirAccount.id)).toBeNull();
    expect((await caught(upsertCsm(viewer, org.slug, { name: 'V', startDate: '2024-01-01' }))).code).toBe('FORBIDDEN');
    expect(await testDb().account.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await testDb().csm.count({ where: { organizationId: org.id } })).toBe(0);
    expect((await testDb().account.findUniqueOrThrow({ where: { id: theirAccount.id } })).name).toBe('Their account');
  });

  it('keep accounts when their CSM leaves, and refuse deleting an account with events in a closed month', async () => {
    const { org, editor } = await team();
    const csm = await upsertCsm(editor, org.slug, { name: 'Ana', startDate: '2024-01-01' });
    const account = await upsertAccount(editor, org.slug, { name: 'Acme', startDate: '2024-01-01', mrr: '10', csmId: csm.id });
    await deleteCsm(editor, org.slug, csm.id);
    expect((await getAccount(editor, org.slug, account.id))?.csmId).toBeNull();
    await upsertMonth(editor, org.slug, monthInputSchema.parse({
      month: '2026-01', csmFte: '1', loadedSalaries: '1', toolsCost: '0', trainingCost: '0', otherDirectCost: '0', indirectManagementCost: '0',
      indirectInfrastructureCost: '0', indirectRecruitingCost: '0', startArr: '1', newBusinessArr: '0', startCustomers: '1', managedClients: '1',
    }));
    await upsertDeal(editor, org.slug, { accountId: account.id, date: '2026-01-10', type: 'UPSELL', arrAdded: '5', attribution: 'CS_SOURCED' });
    await closeMonth(editor, org.slug, '2026-01');
    expect((await caught(deleteAccount(editor, org.slug, account.id))).code).toBe('MONTH_CLOSED');
    expect(await testDb().expansionDeal.count({ where: { organizationId: org.id } })).toBe(1);
    const plain = await upsertAccount(editor, org.slug, { name: 'Zed', startDate: '2024-05-01', mrr: '10' });
    await deleteAccount(editor, org.slug, plain.id);
    expect((await listAccountsPage(editor, org.slug, { limit: 10 })).rows.map((r) => r.name)).toEqual(['Acme']);
  });
});

describe('audit log', () => {
  it('is for owners, filterable by month and by person, with values before and after', async () => {
    const { org, owner, editor, editorId, viewer } = await team();
    const csm = await upsertCsm(owner, org.slug, { name: 'Ana', startDate: '2024-01-01' });
    await upsertCsm(editor, org.slug, { name: 'Ana B.', startDate: '2024-01-01' }, csm.id);
    const account = await upsertAccount(editor, org.slug, { name: 'Acme', startDate: '2024-01-01', mrr: '10' });
    await upsertDeal(editor, org.slug, { accountId: account.id, date: '2026-02-10', type: 'UPSELL', arrAdded: '5', attribution: 'CS_SOURCED' });
    expect((await caught(listAuditEntries(editor, org.slug, { limit: 10 }))).code).toBe('FORBIDDEN');
    expect((await caught(listAuditEntries(viewer, org.slug, { limit: 10 }))).code).toBe('FORBIDDEN');
    const all = await listAuditEntries(owner, org.slug, { limit: 10 });
    expect(all.rows).toHaveLength(4);
    const byEditor = await listAuditEntries(owner, org.slug, { actorUserId: editorId, limit: 10 });
    expect(byEditor.rows.map((r) => r.action).sort()).toEqual(['account.create', 'csm.update', 'deal.create']);
    const update = byEditor.rows.find((r) => r.action === 'csm.update');
    expect(update).toMatchObject({ before: { name: 'Ana' }, after: { name: 'Ana B.' }, actor: editor.name });
    const february = await listAuditEntries(owner, org.slug, { month: '2026-02', limit: 10 });
    expect(february.rows.map((r) => r.action)).toEqual(['deal.create']);
    const firstPage = await listAuditEntries(owner, org.slug, { limit: 3 });
    const secondPage = await listAuditEntries(owner, org.slug, { limit: 3, cursor: firstPage.nextCursor! });
    expect(new Set([...firstPage.rows, ...secondPage.rows].map((r) => r.id)).size).toBe(4);
    const other = await team();
    expect((await caught(listAuditEntries(other.owner, org.slug, { limit: 10 }))).code).toBe('NOT_FOUND');
  });
});
