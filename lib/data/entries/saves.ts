import 'server-only';
import { db } from '@/lib/db';
import { principalAccess, type Principal, type PrincipalAccess } from '@/lib/data/access';
import { recordAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import { monthKey } from '@/lib/months';
import type { SaveInput } from '@/lib/validation/entries';
import { assertEventMonthsOpen, eventRelations, eventWhere, requireUuid } from './events';
import { dayKey, decimalText, findTarget, inTransaction, monthOfDay, pageArgs, resolveAccountId, resolveCsmId, sameValues, toDate, toPage, type Page, type PageOptions, type Tx } from './shared';

export type SaveRow = {
  id: string; externalId: string | null; accountId: string; accountName: string; csmId: string | null; csmName: string | null;
  date: string; month: string; arrSaved: string; playbook: string | null;
};

const select = { id: true, externalId: true, accountId: true, csmId: true, date: true, month: true, arrSaved: true, playbook: true, ...eventRelations } as const;
type Selected = { id: string; externalId: string | null; accountId: string; csmId: string | null; date: Date; month: Date; arrSaved: { toString(): string }; playbook: string | null; account: { name: string }; csm: { name: string } | null };

function toRow(r: Selected): SaveRow {
  return {
    id: r.id, externalId: r.externalId, accountId: r.accountId, accountName: r.account.name, csmId: r.csmId, csmName: r.csm?.name ?? null,
    date: dayKey(r.date), month: monthKey(r.month), arrSaved: decimalText(r.arrSaved)!, playbook: r.playbook,
  };
}

function auditView(r: Pick<SaveRow, 'externalId' | 'accountId' | 'csmId' | 'date' | 'arrSaved' | 'playbook'>) {
  return { externalId: r.externalId, accountId: r.accountId, csmId: r.csmId, date: r.date, arrSaved: r.arrSaved, playbook: r.playbook };
}

export async function upsertSaveTx(tx: Tx, access: PrincipalAccess, input: SaveInput, id?: string): Promise<{ id: string; created: boolean }> {
  const organizationId = access.organization.id;
  const existing = await findTarget((where) => tx.save.findFirst({ where, select }), organizationId, id, input.externalId);
  const accountId = await resolveAccountId(tx, organizationId, input);
  const csmId = await resolveCsmId(tx, organizationId, input);
  const month = monthOfDay(input.date);
  await assertEventMonthsOpen(tx, organizationId, [existing?.month, month]);
  const after = auditView({ externalId: input.externalId ?? existing?.externalId ?? null, accountId, csmId, date: input.date, arrSaved: decimalText(input.arrSaved)!, playbook: input.playbook ?? null });
  const data = { ...after, date: toDate(input.date), month };
  if (!existing) {
    const created = await tx.save.create({ data: { organizationId, ...data }, select: { id: true } });
    await recordAudit(tx, { organizationId, actor: access.actor, action: 'save.create', entityType: 'Save', entityId: created.id, month, after });
    return { id: created.id, created: true };
  }
  const before = auditView(toRow(existing));
  if (sameValues(before, after)) return { id: existing.id, created: false };
  await tx.save.update({ where: { id: existing.id }, data });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'save.update', entityType: 'Save', entityId: existing.id, month, before, after });
  return { id: existing.id, created: false };
}

export async function upsertSave(principal: Principal, slug: string, input: SaveInput, id?: string): Promise<{ id: string; created: boolean }> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => upsertSaveTx(tx, access, input, id));
}

export async function deleteSaveTx(tx: Tx, access: PrincipalAccess, id: string): Promise<void> {
  const organizationId = access.organization.id;
  const existing = await tx.save.findFirst({ where: { id: requireUuid(id), organizationId }, select });
  if (!existing) throw new AppError('NOT_FOUND');
  await assertEventMonthsOpen(tx, organizationId, [existing.month]);
  await tx.save.delete({ where: { id: existing.id } });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'save.delete', entityType: 'Save', entityId: existing.id, month: existing.month, before: auditView(toRow(existing)) });
}

export async function deleteSave(principal: Principal, slug: string, id: string): Promise<void> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => deleteSaveTx(tx, access, id));
}

export async function listSavesPage(principal: Principal, slug: string, options: PageOptions): Promise<Page<SaveRow>> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const { limit, ...args } = pageArgs(options);
  const rows = await db().save.findMany({ where: eventWhere(organization.id, options.month), orderBy: [{ date: 'desc' }, { id: 'asc' }], select, ...args });
  const page = toPage(rows, limit);
  return { rows: page.rows.map(toRow), nextCursor: page.nextCursor };
}
