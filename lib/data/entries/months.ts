import 'server-only';
import { auditBodies } from '@/lib/data/audit-bodies';
import { db } from '@/lib/db';
import { principalAccess, type Principal, type PrincipalAccess } from '@/lib/data/access';
import { recordAudit } from '@/lib/data/audit';
import { AppError } from '@/lib/errors';
import { monthKey } from '@/lib/months';
import type { MonthInput } from '@/lib/validation/entries';
import { decimalText, inTransaction, monthDate, pageArgs, sameValues, toPage, type Page, type PageOptions, type Tx } from './shared';

/** One month's figures as the forms, the import and the API see them: decimals as canonical strings. */
export type MonthFigures = {
  csmFte: string; loadedSalaries: string; toolsCost: string; trainingCost: string; otherDirectCost: string;
  indirectManagementCost: string; indirectInfrastructureCost: string; indirectRecruitingCost: string;
  startArr: string; newBusinessArr: string; startCustomers: number; managedClients: number;
  avgHealthScore: string | null; timeToValueDays: string | null; featureAdoptionPct: string | null; notes: string | null;
};
export type MonthRow = MonthFigures & {
  id: string; month: string; status: 'DRAFT' | 'CLOSED'; version: number;
  updatedAt: Date; updatedBy: string | null; closedAt: Date | null;
};

const select = {
  id: true, month: true, status: true, version: true, updatedAt: true, closedAt: true, updatedById: true,
  csmFte: true, loadedSalaries: true, toolsCost: true, trainingCost: true, otherDirectCost: true,
  indirectManagementCost: true, indirectInfrastructureCost: true, indirectRecruitingCost: true,
  startArr: true, newBusinessArr: true, startCustomers: true, managedClients: true,
  avgHealthScore: true, timeToValueDays: true, featureAdoptionPct: true, notes: true,
} as const;

type Stored = NonNullable<Awaited<ReturnType<Tx['monthlyReport']['findFirst']>>>;
type Selected = Pick<Stored, keyof typeof select>;

function figuresOf(r: Selected): MonthFigures {
  return {
    csmFte: decimalText(r.csmFte)!, loadedSalaries: decimalText(r.loadedSalaries)!, toolsCost: decimalText(r.toolsCost)!,
    trainingCost: decimalText(r.trainingCost)!, otherDirectCost: decimalText(r.otherDirectCost)!,
    indirectManagementCost: decimalText(r.indirectManagementCost)!, indirectInfrastructureCost: decimalText(r.indirectInfrastructureCost)!,
    indirectRecruitingCost: decimalText(r.indirectRecruitingCost)!, startArr: decimalText(r.startArr)!, newBusinessArr: decimalText(r.newBusinessArr)!,
    startCustomers: r.startCustomers, managedClients: r.managedClients, avgHealthScore: decimalText(r.avgHealthScore),
    timeToValueDays: decimalText(r.timeToValueDays), featureAdoptionPct: decimalText(r.featureAdoptionPct), notes: r.notes,
  };
}

function figuresFromInput(input: MonthInput): MonthFigures {
  const d = (v: string) => decimalText(v)!;
  const o = (v: string | undefined) => (v === undefined ? null : d(v));
  return {
    csmFte: d(input.csmFte), loadedSalaries: d(input.loadedSalaries), toolsCost: d(input.toolsCost), trainingCost: d(input.trainingCost),
    otherDirectCost: d(input.otherDirectCost), indirectManagementCost: d(input.indirectManagementCost),
    indirectInfrastructureCost: d(input.indirectInfrastructureCost), indirectRecruitingCost: d(input.indirectRecruitingCost),
    startArr: d(input.startArr), newBusinessArr: d(input.newBusinessArr), startCustomers: input.startCustomers, managedClients: input.managedClients,
    avgHealthScore: o(input.avgHealthScore), timeToValueDays: o(input.timeToValueDays), featureAdoptionPct: o(input.featureAdoptionPct),
    notes: input.notes ?? null,
  };
}

/** Who last changed a month: the latest audit entry names a user or an API token. */
async function lastEditors(tx: Pick<Tx, 'auditEntry' | 'user'>, organizationId: string, reportIds: string[]): Promise<Map<string, string>> {
  if (reportIds.length === 0) return new Map();
  const entries = await tx.auditEntry.findMany({
    where: { organizationId, entityType: 'MonthlyReport', entityId: { in: reportIds } },
    orderBy: { createdAt: 'desc' },
    distinct: ['entityId'],
    select: { entityId: true, actorLabel: true, actorUserId: true },
  });
  const userIds = entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : []));
  const users = new Map((await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return new Map(entries.map((e) => [e.entityId!, (e.actorUserId && users.get(e.actorUserId)) || e.actorLabel]));
}

async function toRows(tx: Pick<Tx, 'auditEntry' | 'user'>, organizationId: string, rows: Selected[]): Promise<MonthRow[]> {
  const editors = await lastEditors(tx, organizationId, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, month: monthKey(r.month), status: r.status, version: r.version, updatedAt: r.updatedAt, closedAt: r.closedAt,
    updatedBy: editors.get(r.id) ?? null, ...figuresOf(r),
  }));
}

export async function getMonth(principal: Principal, slug: string, month: string): Promise<MonthRow | null> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const row = await db().monthlyReport.findUnique({ where: { organizationId_month: { organizationId: organization.id, month: monthDate(month) } }, select });
  return row ? (await toRows(db(), organization.id, [row]))[0]! : null;
}

export async function listMonthsPage(principal: Principal, slug: string, options: PageOptions): Promise<Page<MonthRow>> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const { limit, ...args } = pageArgs(options);
  const rows = await db().monthlyReport.findMany({
    where: { organizationId: organization.id, ...(options.month ? { month: monthDate(options.month) } : {}) },
    orderBy: [{ month: 'desc' }, { id: 'asc' }],
    select,
    ...args,
  });
  const page = toPage(rows, limit);
  return { rows: await toRows(db(), organization.id, page.rows), nextCursor: page.nextCursor };
}

/** The stored month, or the conflict a stale editor must see (who changed it, when, which version). */
async function conflict(tx: Tx, organizationId: string, row: Selected): Promise<AppError> {
  const editor = (await lastEditors(tx, organizationId, [row.id])).get(row.id) ?? null;
  return new AppError('CONFLICT', 'monthChanged', { updatedBy: editor, updatedAt: row.updatedAt.toISOString(), version: row.version });
}

/**
 * Creates or replaces a month's figures. With input.version (the version the editor started from,
 * 0 for a new month), a month changed in the meantime is refused: never a silent overwrite.
 */
export async function upsertMonthTx(tx: Tx, access: PrincipalAccess, input: MonthInput): Promise<{ month: string; version: number; created: boolean }> {
  const organizationId = access.organization.id;
  const month = monthDate(input.month);
  const existing = await tx.monthlyReport.findUnique({ where: { organizationId_month: { organizationId, month } }, select });
  const after = figuresFromInput(input);
  const { notes: _n, ...figures } = after;
  const data = { ...figures, notes: after.notes, updatedById: access.actor.userId ?? null };
  if (!existing) {
    if (input.version !== undefined && input.version !== 0) throw new AppError('NOT_FOUND', 'monthGone');
    const created = await tx.monthlyReport.create({ data: { organizationId, month, ...data }, select: { id: true, version: true } });
    await recordAudit(tx, { organizationId, actor: access.actor, action: 'month.create', entityType: 'MonthlyReport', entityId: created.id, month, after });
    return { month: input.month, version: created.version, created: true };
  }
  if (existing.status === 'CLOSED') throw new AppError('MONTH_CLOSED', 'monthClosed', { month: input.month });
  if (input.version !== undefined && input.version !== existing.version) throw await conflict(tx, organizationId, existing);
  const before = figuresOf(existing);
  if (sameValues(before, after)) return { month: input.month, version: existing.version, created: false };
  // The version in the WHERE clause makes a concurrent writer lose cleanly instead of overwriting.
  const updated = await tx.monthlyReport.updateMany({ where: { id: existing.id, version: existing.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) {
    const current = await tx.monthlyReport.findUniqueOrThrow({ where: { id: existing.id }, select });
    throw await conflict(tx, organizationId, current);
  }
  await recordAudit(tx, { organizationId, actor: access.actor, action: 'month.update', entityType: 'MonthlyReport', entityId: existing.id, month, before, after });
  return { month: input.month, version: existing.version + 1, created: false };
}

export async function upsertMonth(principal: Principal, slug: string, input: MonthInput): Promise<{ month: string; version: number }> {
  const { month, version } = await inTransaction(principal, slug, 'EDITOR', (tx, access) => upsertMonthTx(tx, access, input));
  return { month, version };
}

async function setStatus(tx: Tx, access: PrincipalAccess, month: string, status: 'DRAFT' | 'CLOSED', reason?: string): Promise<{ version: number }> {
  const organizationId = access.organization.id;
  const row = await tx.monthlyReport.findUnique({ where: { organizationId_month: { organizationId, month: monthDate(month) } }, select: { id: true, status: true, version: true, month: true } });
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status === status) return { version: row.version };
  const closing = status === 'CLOSED';
  const updated = await tx.monthlyReport.update({
    where: { id: row.id },
    data: { status, version: { increment: 1 }, closedAt: closing ? new Date() : null, closedById: closing ? (access.actor.userId ?? null) : null },
    select: { version: true },
  });
  await recordAudit(tx, {
    organizationId, actor: access.actor, action: closing ? 'month.close' : 'month.reopen', entityType: 'MonthlyReport', entityId: row.id,
    month: row.month, before: { status: row.status }, after: { status }, reason: reason ?? null,
  });
  return updated;
}

export async function closeMonthTx(tx: Tx, access: PrincipalAccess, month: string) {
  return setStatus(tx, access, month, 'CLOSED');
}

/** Editors and owners close a month: it becomes final for the board and locked for everyone. */
export async function closeMonth(principal: Principal, slug: string, month: string): Promise<{ version: number }> {
  return inTransaction(principal, slug, 'EDITOR', (tx, access) => closeMonthTx(tx, access, month));
}

export async function reopenMonthTx(tx: Tx, access: PrincipalAccess, month: string, reason: string) {
  if (access.role !== 'OWNER') throw new AppError('FORBIDDEN');
  if (!reason.trim()) throw new AppError('INVALID', 'reasonRequired', { field: 'reason' });
  return setStatus(tx, access, month, 'DRAFT', reason.trim());
}

/** Only an owner reopens a closed month, and says why (kept in the audit log). */
export async function reopenMonth(principal: Principal, slug: string, month: string, reason: string): Promise<{ version: number }> {
  return inTransaction(principal, slug, 'OWNER', (tx, access) => reopenMonthTx(tx, access, month, reason));
}

export type MonthHistoryEntry = { id: string; createdAt: Date; actor: string; action: string; entityType: string; before: unknown; after: unknown; reason: string | null };

/** A month's own history: changes to its figures and to the events dated in it, newest first. */
export async function monthHistory(principal: Principal, slug: string, month: string, limit = 50): Promise<MonthHistoryEntry[]> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const entries = await db().auditEntry.findMany({
    where: { organizationId: organization.id, month: monthDate(month) },
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(limit, 1), 200),
    // before/after come trimmed from auditBodies: an import's entry can hold thousands of rows.
    select: { id: true, createdAt: true, actorLabel: true, actorUserId: true, action: true, entityType: true, reason: true },
  });
  const userIds = [...new Set(entries.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const [users, bodies] = await Promise.all([
    db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    auditBodies(entries.map((e) => e.id)),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return entries.map(({ actorLabel, actorUserId, ...e }) => ({
    ...e, before: bodies.get(e.id)?.before ?? null, after: bodies.get(e.id)?.after ?? null, actor: (actorUserId && names.get(actorUserId)) || actorLabel,
  }));
}

/** Latest month logged before `month`, to pre-fill a new month ("start from last month"). */
export async function previousMonth(principal: Principal, slug: string, month: string): Promise<MonthRow | null> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const row = await db().monthlyReport.findFirst({ where: { organizationId: organization.id, month: { lt: monthDate(month) } }, orderBy: { month: 'desc' }, select });
  return row ? (await toRows(db(), organization.id, [row]))[0]! : null;
}

/** The organisation's closed months ('YYYY-MM'): their events show no editing controls. */
export async function closedMonths(principal: Principal, slug: string): Promise<Set<string>> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const rows = await db().monthlyReport.findMany({ where: { organizationId: organization.id, status: 'CLOSED' }, select: { month: true } });
  return new Set(rows.map((r) => monthKey(r.month)));
}
