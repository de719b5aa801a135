import 'server-only';
import { db } from '@/lib/db';
import { principalAccess, type Principal, type PrincipalAccess } from '@/lib/data/access';
import { recordAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import type { CsmInput } from '@/lib/validation/entries';
import { dayKey, dayKeyOrNull, findTarget, inTransaction, isUuid, pageArgs, sameValues, toDate, toPage, type Page, type PageOptions, type Tx } from './shared';

export type CsmRow = { id: string; externalId: string | null; name: string; email: string | null; startDate: string; endDate: string | null; accountCount: number };

const select = { id: true, externalId: true, name: true, email: true, startDate: true, endDate: true, _count: { select: { accounts: true } } } as const;
type Selected = { id: string; externalId: string | null; name: string; email: string | null; startDate: Date; endDate: Date | null; _count: { accounts: number } };

function toRow(r: Selected): CsmRow {
  return { id: r.id, externalId: r.externalId, name: r.name, email: r.email, startDate: dayKey(r.startDate), endDate: dayKeyOrNull(r.endDate), accountCount: r._count.accounts };
}

/** What the audit log keeps of a CSM. */
function auditView(r: Omit<CsmRow, 'id' | 'accountCount'>) {
  return { externalId: r.externalId, name: r.name, email: r.email, startDate: r.startDate, endDate: r.endDate };
}

export async function upsertCsmTx(tx: Tx, access: PrincipalAccess, input: CsmInput, id?: string): Promise<{ id: string; created: boolean }> {
  const organizationId = access.organization.id;
  const existing = await findTarget((where) => tx.csm.findFirst({ where, select }), organizationId, id, input.externalId);
  const data = { externalId: input.externalId ?? existing?.externalId ?? null, name: input.name, email: input.email ?? null, startDate: toDate(input.startDate), endDate: input.endDate ? toDate(input.endDate) : null };
  const after = auditView({ ...data, startDate: input.startDate, endDate: input.endDate ?? null });
  if (!existing) {
    const created = await tx.csm.create({ data: { organizationId, ...data }, select: { id: true } });
    await recordAudit(tx, { organizationId, actor: access.actor, action: 'csm.create', entityType: 'Csm', entityId: created.id, after });
    return { id: created.id, created: true };
  }
  const before = auditView(toRow(existing));
  if (sameValues(before, after)) return { id: existing.id, created: false };
  await tx.csm.update({ where: { id: existing.id }, data });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'csm.update', entityType: 'Csm', entityId: existing.id, before, after });
  return { id: existing.id, created: false };
}

export async function upsertCsm(principal: Principal, slug: string, input: CsmInput, id?: string): Promise<{ id: string; created: boolean }> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => upsertCsmTx(tx, access, input, id));
}

/** Removing a CSM keeps their accounts and events, unassigned. */
export async function deleteCsmTx(tx: Tx, access: PrincipalAccess, id: string): Promise<void> {
  const organizationId = access.organization.id;
  const existing = isUuid(id) ? await tx.csm.findFirst({ where: { id, organizationId }, select }) : null;
  if (!existing) throw new AppError('NOT_FOUND');
  await tx.csm.delete({ where: { id: existing.id } });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'csm.delete', entityType: 'Csm', entityId: existing.id, before: auditView(toRow(existing)) });
}

export async function deleteCsm(principal: Principal, slug: string, id: string): Promise<void> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => deleteCsmTx(tx, access, id));
}

/** CSMs by name. `month` keeps those on the team during that month. */
export async function listCsmsPage(principal: Principal, slug: string, options: PageOptions): Promise<Page<CsmRow>> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const { limit, ...args } = pageArgs(options);
  const monthFilter = options.month
    ? { startDate: { lt: new Date(Date.UTC(Number(options.month.slice(0, 4)), Number(options.month.slice(5, 7)), 1)) }, OR: [{ endDate: null }, { endDate: { gte: toDate(`${options.month}-01`) } }] }
    : {};
  const rows = await db().csm.findMany({ where: { organizationId: organization.id, ...monthFilter }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select, ...args });
  const page = toPage(rows, limit);
  return { rows: page.rows.map(toRow), nextCursor: page.nextCursor };
}

export async function getCsm(principal: Principal, slug: string, id: string): Promise<CsmRow | null> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const row = isUuid(id) ? await db().csm.findFirst({ where: { id, organizationId: organization.id }, select }) : null;
  return row ? toRow(row) : null;
}
