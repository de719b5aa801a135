import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TokenPrincipal } from '@/lib/data/access';
import { upsertAccount } from '@/lib/data/entries/accounts';
import { upsertChurnEvent } from '@/lib/data/entries/churn-events';
import { upsertDeal } from '@/lib/data/entries/deals';
import { monthPreviewInputs } from '@/lib/data/entries/month-preview';
import { closeMonth, getMonth, listMonthsPage, monthHistory, reopenMonth, upsertMonth } from '@/lib/data/entries/months';
import { isAppError, type AppError } from '@/lib/errors';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { monthInputSchema } from '@/lib/validation/entries';
import { testDb } from '../support/db';

async function team() {
  const prisma = testDb();
  const ownerUser = await makeUser(prisma, { name: 'Olivia Owner' });
  const org = await makeOrganization(prisma, ownerUser);
  const editor = await addMember(prisma, org.id, 'EDITOR');
  const viewer = await addMember(prisma, org.id, 'VIEWER');
  await prisma.user.update({ where: { id: editor.user.id }, data: { name: 'Eddie Editor' } });
  return { org, owner: callerOf(ownerUser), editor: callerOf({ ...editor.user, name: 'Eddie Editor' }), viewer: callerOf(viewer.user) };
}

/** A month as a person types it in the form, French formatting included. */
function typed(month: string, overrides: Record<string, string> = {}) {
  return monthInputSchema.parse({
    month, csmFte: '4', loadedSalaries: '16 666,67', toolsCost: '1 250', trainingCost: '300,50', otherDirectCost: '0',
    indirectManagementCost: '0', indirectInfrastructureCost: '0', indirectRecruitingCost: '0',
    startArr: '2 000 000', newBusinessArr: '15 000', startCustomers: '120', managedClients: '118', avgHealthScore: '72,5', ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function reportCount(organizationId: string) {
  return testDb().monthlyReport.count({ where: { organizationId } });
}

describe('monthly figures', () => {
  it('stores French-formatted figures exactly, version 1, with an audit entry', async () => {
    const { org, editor } = await team();
    const saved = await upsertMonth(editor, org.slug, typed('2026-01'));
    expect(saved).toEqual({ month: '2026-01', version: 1 });
    const month = await getMonth(editor, org.slug, '2026-01');
    expect(month).toMatchObject({ loadedSalaries: '16666.67', toolsCost: '1250', trainingCost: '300.5', startArr: '2000000', avgHealthScore: '72.5', status: 'DRAFT', version: 1, updatedBy: 'Eddie Editor' });
    const audit = await testDb().auditEntry.findMany({ where: { organizationId: org.id }, select: { action: true, after: true, month: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'month.create', after: { loadedSalaries: '16666.67' } });
    expect(audit[0]!.month?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('bumps the version on each change, not when nothing changed', async () => {
    const { org, editor } = await team();
    await upsertMonth(editor, org.slug, typed('2026-02'));
    expect(await upsertMonth(editor, org.slug, typed('2026-02', { toolsCost: '1 300', version: '1' }))).toEqual({ month: '2026-02', version: 2 });
    expect(await upsertMonth(editor, org.slug, typed('2026-02', { toolsCost: '1300.00', version: '2' }))).toEqual({ month: '2026-02', version: 2 });
    const audit = await testDb().auditEntry.findMany({ where: { organizationId: org.id }, orderBy: { createdAt: 'asc' }, select: { action: true, before: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(['month.create', 'month.update']);
    expect(audit[1]).toMatchObject({ before: { toolsCost: '1250' }, after: { toolsCost: '1300' } });
  });

  it('refuses a save started from an older version, saying who changed the month and when', async () => {
    const { org, editor, owner } = await team();
    await upsertMonth(editor, org.slug, typed('2026-03'));
    await upsertMonth(editor, org.slug, typed('2026-03', { toolsCost: '2000', version: '1' }));
    const error = await caught(upsertMonth(owner, org.slug, typed('2026-03', { toolsCost: '9999', version: '1' })));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ updatedBy: 'Eddie Editor', version: 2 });
    expect(new Date(String(error.details?.updatedAt)).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await getMonth(owner, org.slug, '2026-03'))?.toolsCost).toBe('2000');
    // A new-month form (version 0) must not overwrite a month someone else created meanwhile.
    expect((await caught(upsertMonth(owner, org.slug, typed('2026-03', { version: '0' })))).code).toBe('CONFLICT');
  });

  it('names an API token as the last editor in a conflict', async () => {
    const { org, owner } = await team();
    const token: TokenPrincipal = { kind: 'token', tokenId: randomUUID(), organizationId: org.id, scope: 'WRITE', name: 'Zapier' };
    await upsertMonth(token, org.slug, typed('2026-04'));
    const error = await caught(upsertMonth(owner, org.slug, typed('2026-04', { version: '0' })));
    expect(error.details).toMatchObject({ updatedBy: 'API token Zapier', version: 1 });
    const readOnly: TokenPrincipal = { ...token, scope: 'READ' };
    expect((await caught(upsertMonth(readOnly, org.slug, typed('2026-05')))).code).toBe('FORBIDDEN');
    expect(await getMonth(readOnly, org.slug, '2026-04')).not.toBeNull();
  });

  it('refuses viewers and members of other organisations, writing nothing', async () => {
    const { org, viewer, editor } = await team();
    const other = await team();
    await upsertMonth(editor, org.slug, typed('2026-01'));
    expect((await caught(upsertMonth(viewer, org.slug, typed('2026-02')))).code).toBe('FORBIDDEN');
    expect((await caught(upsertMonth(other.editor, org.slug, typed('2026-02')))).code).toBe('NOT_FOUND');
    expect((await caught(getMonth(other.owner, org.slug, '2026-01'))).code).toBe('NOT_FOUND');
    expect((await caught(closeMonth(other.owner, org.slug, '2026-01'))).code).toBe('NOT_FOUND');
    const token: TokenPrincipal = { kind: 'token', tokenId: randomUUID(), organizationId: other.org.id, scope: 'WRITE', name: 'Other' };
    expect((await caught(getMonth(token, org.slug, '2026-01'))).code).toBe('NOT_FOUND');
    expect(await reportCount(org.id)).toBe(1);
    expect(await getMonth(viewer, org.slug, '2026-01')).toMatchObject({ month: '2026-01' });
  });

  it('locks a closed month for everyone until an owner reopens it with a reason', async () => {
    const { org, editor, owner, viewer } = await team();
    await upsertMonth(editor, org.slug, typed('2026-06'));
    expect((await caught(closeMonth(viewer, org.slug, '2026-06'))).code).toBe('FORBIDDEN');
    await closeMonth(editor, org.slug, '2026-06');
    expect((await getMonth(editor, org.slug, '2026-06'))?.status).toBe('CLOSED');
    expect((await caught(upsertMonth(editor, org.slug, typed('2026-06', { toolsCost: '1' })))).code).toBe('MONTH_CLOSED');
    expect((await caught(upsertMonth(owner, org.slug, typed('2026-06', { toolsCost: '1' })))).code).toBe('MONTH_CLOSED');
    expect((await caught(reopenMonth(editor, org.slug, '2026-06', 'typo'))).code).toBe('FORBIDDEN');
    expect((await caught(reopenMonth(owner, org.slug, '2026-06', '   '))).code).toBe('INVALID');
    expect((await getMonth(owner, org.slug, '2026-06'))?.toolsCost).toBe('1250');
    await reopenMonth(owner, org.slug, '2026-06', 'Tools invoice arrived late');
    const reopened = await getMonth(owner, org.slug, '2026-06');
    expect(reopened?.status).toBe('DRAFT');
    await upsertMonth(editor, org.slug, typed('2026-06', { toolsCost: '1', version: String(reopened?.version) }));
    const history = await monthHistory(viewer, org.slug, '2026-06');
    expect(history.map((h) => h.action)).toEqual(['month.update', 'month.reopen', 'month.close', 'month.create']);
    expect(history[1]).toMatchObject({ reason: 'Tools invoice arrived late', actor: 'Olivia Owner' });
    expect(history[0]!.actor).toBe('Eddie Editor');
  });

  it('pages through months, newest first', async () => {
    const { org, editor } = await team();
    for (const m of ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']) await upsertMonth(editor, org.slug, typed(m));
    const first = await listMonthsPage(editor, org.slug, { limit: 2 });
    expect(first.rows.map((r) => r.month)).toEqual(['2025-05', '2025-04']);
    const second = await listMonthsPage(editor, org.slug, { limit: 2, cursor: first.nextCursor! });
    const third = await listMonthsPage(editor, org.slug, { limit: 2, cursor: second.nextCursor! });
    expect([...second.rows, ...third.rows].map((r) => r.month)).toEqual(['2025-03', '2025-02', '2025-01']);
    expect(third.nextCursor).toBeNull();
    expect((await listMonthsPage(editor, org.slug, { limit: 10, month: '2025-03' })).rows).toHaveLength(1);
  });
});

describe('live preview inputs', () => {
  it("sum a month's events the same way before and after its figures are saved", async () => {
    const { org, editor } = await team();
    await testDb().methodSettings.update({ where: { organizationId: org.id }, data: { influencedAttributionPct: '40', baselineAnnualChurnPct: '25' } });
    const account = await upsertAccount(editor, org.slug, { name: 'Acme', startDate: '2026-01-01', mrr: '100' });
    await upsertDeal(editor, org.slug, { accountId: account.id, date: '2026-08-03', type: 'UPSELL', arrAdded: '10000', attribution: 'CS_INFLUENCED' });
    await upsertDeal(editor, org.slug, { accountId: account.id, date: '2026-08-04', type: 'UPSELL', arrAdded: '5000', attribution: 'NOT_CS' });
    await upsertChurnEvent(editor, org.slug, { accountId: account.id, date: '2026-08-05', kind: 'CONTRACTION', arrLost: '700' });
    const before = await monthPreviewInputs(editor, org.slug, '2026-08');
    expect(before.settings).toMatchObject({ baselineAnnualChurnPct: '25', influencedAttributionPct: '40', indirectCostCoefficient: '1.3' });
    expect(before.sums).toMatchObject({ expansionArr: '15000', dealCount: 2, attributedDealCount: 1, contractionArr: '700', churnedArr: '0' });
    expect(Number(before.sums.expansionAttributed)).toBe(4000);
    await upsertMonth(editor, org.slug, typed('2026-08'));
    const after = await monthPreviewInputs(editor, org.slug, '2026-08');
    expect({ ...after.sums, expansionAttributed: Number(after.sums.expansionAttributed) }).toEqual({ ...before.sums, expansionAttributed: 4000 });
  });
});
