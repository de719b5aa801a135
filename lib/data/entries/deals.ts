import 'server-only';
import { db } from '@/lib/db';
import { principalAccess, type Principal, type PrincipalAccess } from '@/lib/data/access';
import { recordAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import { monthKey } from '@/lib/months';
import { dealAttributionPct, type DealInput } from '@/lib/validation/entries';
import { assertEventMonthsOpen, eventRelations, eventWhere, requireUuid } from './events';
import { dayKey, decimalText, findTarget, inTransaction, monthOfDay, pageArgs, resolveAccountId, resolveCsmId, sameValues, toDate, toPage, type Page, type PageOptions, type Tx } from './shared';

export type DealRow = {
  id: string; externalId: string | null; accountId: string; accountName: string; csmId: string | null; csmName: string | null;
  date: string; month: string; type: 'UPSELL' | 'CROSS_SELL' | 'USAGE_GROWTH'; arrAdded: string; attribution: 'CS_SOURCED' | 'CS_INFLUENCED' | 'NOT_CS'; attributionPct: string;
};

const select = { id: true, externalId: true, accountId: true, csmId: true, date: true, month: true, type: true, arrAdded: true, attribution: true, attributionPct: true, ...eventRelations } as const;
type Selected = { id: string; externalId: string | null; accountId: string; csmId: string | null; date: Date; month: Date; type: DealRow['type']; arrAdded: { toString(): string }; attribution: DealRow['attribution']; attributionPct: { toString(): string }; account: { name: string }; csm: { name: string } | null };

function toRow(r: Selected): DealRow {
  return {
    id: r.id, externalId: r.externalId, accountId: r.accountId, accountName: r.account.name, csmId: r.csmId, csmName: r.csm?.name ?? null,
    date: dayKey(r.date), month: monthKey(r.month), type: r.type, arrAdded: decimalText(r.arrAdded)!, attribution: r.attribution, attributionPct: decimalText(r.attributionPct)!,
  };
}

function auditView(r: Pick<DealRow, 'externalId' | 'accountId' | 'csmId' | 'date' | 'type' | 'arrAdded' | 'attribution' | 'attributionPct'>) {
  return { externalId: r.externalId, accountId: r.accountId, csmId: r.csmId, date: r.date, type: r.type, arrAdded: r.arrAdded, attribution: r.attribution, attributionPct: r.attributionPct };
}

export async function upsertDealTx(tx: Tx, access: PrincipalAccess, input: DealInput, id?: string): Promise<{ id: string; created: boolean }> {
  const organizationId = access.organization.id;
  const existing = await findTarget((where) => tx.expansionDeal.findFirst({ where, select }), organizationId, id, input.externalId);
  const accountId = await resolveAccountId(tx, organizationId, input);
  const csmId = await resolveCsmId(tx, organizationId, input);
  const month = monthOfDay(input.date);
  await assertEventMonthsOpen(tx, organizationId, [existing?.month, month]);
  const after = auditView({ externalId: input.externalId ?? existing?.externalId ?? null, accountId, csmId, date: input.date, type: input.type, arrAdded: decimalText(input.arrAdded)!, attribution: input.attribution, attributionPct: decimalText(dealAttributionPct(input, await defaultInfluencedPct(tx, organizationId)))! });
  const data = { ...after, date: toDate(input.date), month };
  if (!existing) {
    const created = await tx.expansionDeal.create({ data: { organizationId, ...data }, select: { id: true } });
    await recordAudit(tx, { organizationId, actor: access.actor, action: 'deal.create', entityType: 'ExpansionDeal', entityId: created.id, month, after });
    return { id: created.id, created: true };
  }
  const before = auditView(toRow(existing));
  if (sameValues(before, after)) return { id: existing.id, created: false };
  await tx.expansionDeal.update({ where: { id: existing.id }, data });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'deal.update', entityType: 'ExpansionDeal', entityId: existing.id, month, before, after });
  return { id: existing.id, created: false };
}

export async function upsertDeal(principal: Principal, slug: string, input: DealInput, id?: string): Promise<{ id: string; created: boolean }> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => upsertDealTx(tx, access, input, id));
}

export async function deleteDealTx(tx: Tx, access: PrincipalAccess, id: string): Promise<void> {
  const organizationId = access.organization.id;
  const existing = await tx.expansionDeal.findFirst({ where: { id: requireUuid(id), organizationId }, select });
  if (!existing) throw new AppError('NOT_FOUND');
  await assertEventMonthsOpen(tx, organizationId, [existing.month]);
  await tx.expansionDeal.delete({ where: { id: existing.id } });
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'deal.delete', entityType: 'ExpansionDeal', entityId: existing.id, month: existing.month, before: auditView(toRow(existing)) });
}

export async function deleteDeal(principal: Principal, slug: string, id: string): Promise<void> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => deleteDealTx(tx, access, id));
}

export async function listDealsPage(principal: Principal, slug: string, options: PageOptions): Promise<Page<DealRow>> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const { limit, ...args } = pageArgs(options);
  const rows = await db().expansionDeal.findMany({ where: eventWhere(organization.id, options.month), orderBy: [{ date: 'desc' }, { id: 'asc' }], select, ...args });
  const page = toPage(rows, limit);
  return { rows: page.rows.map(toRow), nextCursor: page.nextCursor };
}

/** The organisation's default share for CS-influenced deals (method settings). */
async function defaultInfluencedPct(tx: Tx, organizationId: string): Promise<string> {
  const settings = await tx.methodSettings.findUnique({ where: { organizationId }, select: { influencedAttributionPct: true } });
  return settings ? settings.influencedAttributionPct.toString() : '50';
}
