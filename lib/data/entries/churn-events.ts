import 'server-only';
import { db } from '@/lib/db';
import { principalAccess, type Principal, type PrincipalAccess } from '@/lib/data/access';
import { recordAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import { monthKey } from '@/lib/months';
import type { ChurnEventInput } from '@/lib/validation/entries';
import { assertEventMonthsOpen, eventRelations, eventWhere, requireUuid } from './events';
import { dayKey, decimalText, findTarget, inTransaction, monthOfDay, pageArgs, resolveAccountId, resolveCsmId, sameValues, toDate, toPage, type Page, type PageOptions, type Tx } from './shared';

export type ChurnEventRow = {
  id: string; externalId: string | null; accountId: string; accountName: string; csmId: string | null; csmName: string | null;
  date: string; month: string; kind: 'FULL' | 'CONTRACTION'; arrLost: string; reason: string | null;
};

const select = { id: true, externalId: true, accountId: true, csmId: true, date: true, month: true, kind: true, arrLost: true, reason: true, ...eventRelations } as const;
type Selected = { id: string; externalId: string | null; accountId: string; csmId: string | null; date: Date; month: Date; kind: 'FULL' | 'CONTRACTION'; arrLost: { toString(): string }; reason: string | null; account: { name: string }; csm: { name: string } | null };

function toRow(r: Selected): ChurnEventRow {
  return {
    id: r.id, externalId: r.externalId, accountId: r.accountId, accountName: r.account.name, csmId: r.csmId, csmName: r.csm?.name ?? null,
    date: dayKey(r.date), month: monthKey(r.month), kind: r.kind, arrLost: decimalText(r.arrLost)!, reason: r.reason,
  };
}

function auditView(r: Pick<ChurnEventRow, 'externalId' | 'accountId' | 'csmId' | 'date' | 'kind' | 'arrLost' | 'reason'>) {
  return { externalId: r.externalId, accountId: r.accountId, csmId: r.csmId, date: r.date, kind: r.kind, arrLost: r.arrLost, reason: r.reason };
}

export async function upsertChurnEventTx(tx: Tx, access: PrincipalAccess, input: ChurnEventInput, id?: string): Promise<{ id: string; created: boolean }> {
  const organizationId = access.organization.id;
  const existing = await findTarget((where) => tx.churnEvent.findFirst({ where, select }), organizationId, id, input.externalId);
  const accountId = await resolveAccountId(tx, organizationId, input);
  const csmId = await resolveCsmId(tx, organizationId, input);
  const month = monthOfDay(input.date);
  await assertEventMonthsOpen(tx, organizationId, [existing?.month, month]);
  const after = auditView({ externalId: input.externalId ?? existing?.externalId ?? null, accountId, csmId, date: input.date, kind: input.kind, arrLost: decimalText(input.arrLost)!, reason: input.reason ?? null });
  const data = { ...after, date: toDate(input.date), month };
  if (!existing) {
    const created = await tx.churnEvent.create({ data: { organizationId, ...data }, select: { id: true } });
    await recordAudit(tx, { organizationId, actor: access.actor, action: 'churnEvent.create', entityType: 'ChurnEvent', entityId: created.id, month, after });
    return { id: created.id, created: true };
  }
  const before = auditView(toRow(existing));
  if (sameValues(before, after)) return { id: existing.id, created: false };
  await tx.churnEvent.update({ where: { id: existing.id }, data });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'churnEvent.update', entityType: 'ChurnEvent', entityId: existing.id, month, before, after });
  return { id: existing.id, created: false };
}

export async function upsertChurnEvent(principal: Principal, slug: string, input: ChurnEventInput, id?: string): Promise<{ id: string; created: boolean }> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => upsertChurnEventTx(tx, access, input, id));
}

export async function deleteChurnEventTx(tx: Tx, access: PrincipalAccess, id: string): Promise<void> {
  const organizationId = access.organization.id;
  const existing = await tx.churnEvent.findFirst({ where: { id: requireUuid(id), organizationId }, select });
  if (!existing) throw new AppError('NOT_FOUND');
  await assertEventMonthsOpen(tx, organizationId, [existing.month]);
  await tx.churnEvent.delete({ where: { id: existing.id } });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'churnEvent.delete', entityType: 'ChurnEvent', entityId: existing.id, month: existing.month, before: auditView(toRow(existing)) });
}

export async function deleteChurnEvent(principal: Principal, slug: string, id: string): Promise<void> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => deleteChurnEventTx(tx, access, id));
}

export async function listChurnEventsPage(principal: Principal, slug: string, options: PageOptions): Promise<Page<ChurnEventRow>> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const { limit, ...args } = pageArgs(options);
  const rows = await db().churnEvent.findMany({ where: eventWhere(organization.id, options.month), orderBy: [{ date: 'desc' }, { id: 'asc' }], select, ...args });
  const page = toPage(rows, limit);
  return { rows: page.rows.map(toRow), nextCursor: page.nextCursor };
}
