import 'server-only';
import { db } from '@/lib/db';
import { principalAccess, type Principal, type PrincipalAccess } from '@/lib/data/access';
import { recordAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import type { AccountInput } from '@/lib/validation/entries';
import { dayKey, dayKeyOrNull, decimalText, findTarget, inTransaction, isUuid, monthDate, pageArgs, resolveCsmId, sameValues, toDate, toPage, type Page, type PageOptions, type Tx } from './shared';

export type AccountRow = {
  id: string; externalId: string | null; name: string; segment: string | null; csmId: string | null; csmName: string | null;
  startDate: string; mrr: string; churnDate: string | null;
};

const select = {
  id: true, externalId: true, name: true, segment: true, csmId: true, startDate: true, mrr: true, churnDate: true, csm: { select: { name: true } },
} as const;
type Selected = { id: string; externalId: string | null; name: string; segment: string | null; csmId: string | null; startDate: Date; mrr: { toString(): string }; churnDate: Date | null; csm: { name: string } | null };

function toRow(r: Selected): AccountRow {
  return {
    id: r.id, externalId: r.externalId, name: r.name, segment: r.segment, csmId: r.csmId, csmName: r.csm?.name ?? null,
    startDate: dayKey(r.startDate), mrr: decimalText(r.mrr)!, churnDate: dayKeyOrNull(r.churnDate),
  };
}

function auditView(r: Omit<AccountRow, 'id' | 'csmName'>) {
  return { externalId: r.externalId, name: r.name, segment: r.segment, csmId: r.csmId, startDate: r.startDate, mrr: r.mrr, churnDate: r.churnDate };
}

export async function upsertAccountTx(tx: Tx, access: PrincipalAccess, input: AccountInput, id?: string): Promise<{ id: string; created: boolean }> {
  const organizationId = access.organization.id;
  const existing = await findTarget((where) => tx.account.findFirst({ where, select }), organizationId, id, input.externalId);
  const csmId = await resolveCsmId(tx, organizationId, input);
  const values = {
    externalId: input.externalId ?? existing?.externalId ?? null, name: input.name, segment: input.segment ?? null, csmId,
    startDate: input.startDate, mrr: decimalText(input.mrr)!, churnDate: input.churnDate ?? null,
  };
  const data = { ...values, startDate: toDate(values.startDate), churnDate: values.churnDate ? toDate(values.churnDate) : null };
  const after = auditView(values);
  if (!existing) {
    const created = await tx.account.create({ data: { organizationId, ...data }, select: { id: true } });
    await recordAudit(tx, { organizationId, actor: access.actor, action: 'account.create', entityType: 'Account', entityId: created.id, after });
    return { id: created.id, created: true };
  }
  const before = auditView(toRow(existing));
  if (sameValues(before, after)) return { id: existing.id, created: false };
  await tx.account.update({ where: { id: existing.id }, data });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'account.update', entityType: 'Account', entityId: existing.id, before, after });
  return { id: existing.id, created: false };
}

export async function upsertAccount(principal: Principal, slug: string, input: AccountInput, id?: string): Promise<{ id: string; created: boolean }> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => upsertAccountTx(tx, access, input, id));
}

/**
 * Deleting an account deletes its events; refused when one of them is dated in a closed month,
 * since that would change figures the board sees as final.
 */
export async function deleteAccountTx(tx: Tx, access: PrincipalAccess, id: string): Promise<void> {
  const organizationId = access.organization.id;
  const existing = isUuid(id) ? await tx.account.findFirst({ where: { id, organizationId }, select }) : null;
  if (!existing) throw new AppError('NOT_FOUND');
  const closed = (await tx.monthlyReport.findMany({ where: { organizationId, status: 'CLOSED' }, select: { month: true } })).map((m) => m.month);
  if (closed.length > 0) {
    const inClosed = { accountId: existing.id, month: { in: closed } };
    const churn = await tx.churnEvent.count({ where: inClosed });
    const saves = await tx.save.count({ where: inClosed });
    const deals = await tx.expansionDeal.count({ where: inClosed });
    if (churn + saves + deals > 0) throw new AppError('MONTH_CLOSED', 'accountHasClosedEvents');
  }
  await tx.account.delete({ where: { id: existing.id } });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'account.delete', entityType: 'Account', entityId: existing.id, before: auditView(toRow(existing)) });
}

export async function deleteAccount(principal: Principal, slug: string, id: string): Promise<void> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => deleteAccountTx(tx, access, id));
}

/** Accounts by name. `month` keeps the cohort that started in that month. */
export async function listAccountsPage(principal: Principal, slug: string, options: PageOptions & { search?: string }): Promise<Page<AccountRow>> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const { limit, ...args } = pageArgs(options);
  const month = options.month ? { startDate: { gte: monthDate(options.month), lt: nextMonth(options.month) } } : {};
  const search = options.search ? { name: { contains: options.search, mode: 'insensitive' as const } } : {};
  const rows = await db().account.findMany({ where: { organizationId: organization.id, ...month, ...search }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select, ...args });
  const page = toPage(rows, limit);
  return { rows: page.rows.map(toRow), nextCursor: page.nextCursor };
}

export async function getAccount(principal: Principal, slug: string, id: string): Promise<AccountRow | null> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const row = isUuid(id) ? await db().account.findFirst({ where: { id, organizationId: organization.id }, select }) : null;
  return row ? toRow(row) : null;
}

function nextMonth(month: string): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));
}
