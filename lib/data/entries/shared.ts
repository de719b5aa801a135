import 'server-only';
import Decimal from 'decimal.js';
import { db, type Tx } from '@/lib/db';
import { principalAccess, type Principal, type PrincipalAccess } from '@/lib/data/access';
import { AppError, isUniqueViolation } from '@/lib/errors';
import type { Role } from '@/lib/data/roles';
import { isUuid } from '@/lib/data/ids';

export type { Tx };

/** 'YYYY-MM-DD' → the UTC date PostgreSQL's `date` column stores. */
export function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** 'YYYY-MM' → first day of that month (UTC). */
export function monthDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

/** An event's month: first day of its date's month. */
export function monthOfDay(day: string): Date {
  return monthDate(day.slice(0, 7));
}

export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function dayKeyOrNull(date: Date | null): string | null {
  return date ? dayKey(date) : null;
}

// Plain decimals that decimal.js prints unchanged: below 1e21, no trailing fractional zero, and not
// so small that it switches to an exponent (below 1e-7).
const CANONICAL = /^(?:-?[1-9]\d{0,19}(?:\.\d{0,12}[1-9])?|-?0\.0{0,5}[1-9](?:\d{0,12}[1-9])?|0)$/;

/** Decimal column → canonical string ("2.5", not "2.5000"), so before/after compare by value. */
export function decimalText(value: { toString(): string } | null): string | null {
  if (value === null) return null;
  const text = value.toString();
  // Already canonical (no sign on zero, no trailing zeros, no exponent): skip the Decimal, which a
  // 100 000-row import otherwise builds twice per row.
  return CANONICAL.test(text) ? text : new Decimal(text).toString();
}

/** Runs `work` with the caller's access and one transaction: nothing is written unless all of it is. */
export async function inTransaction<T>(principal: Principal, slug: string, needed: Role, work: (tx: Tx, access: PrincipalAccess) => Promise<T>): Promise<T> {
  const access = await principalAccess(principal, slug, needed);
  try {
    return await db().$transaction((tx) => work(tx, access));
  } catch (error) {
    throw translatePrismaError(error);
  }
}

/** A duplicate external id (two writers racing) is a conflict, not a crash. */
export function translatePrismaError(error: unknown): unknown {
  if (isUniqueViolation(error)) {
    return new AppError('CONFLICT', 'duplicate', { reason: 'duplicate' });
  }
  return error;
}

/** Refuses any change to a closed month or to an event dated in one. */
export async function assertMonthOpen(tx: Tx, organizationId: string, month: Date): Promise<void> {
  const report = await tx.monthlyReport.findUnique({
    where: { organizationId_month: { organizationId, month } },
    select: { status: true },
  });
  if (report?.status === 'CLOSED') throw new AppError('MONTH_CLOSED', 'monthClosed', { month: dayKey(month).slice(0, 7) });
}

/** Our id of a CSM referenced by id or external id, checked to belong to the organisation. */
export async function resolveCsmId(tx: Tx, organizationId: string, ref: { csmId?: string; csmExternalId?: string }): Promise<string | null> {
  if (!ref.csmId && !ref.csmExternalId) return null;
  const csm = await tx.csm.findFirst({
    where: ref.csmId ? { id: ref.csmId, organizationId } : { externalId: ref.csmExternalId, organizationId },
    select: { id: true },
  });
  if (!csm) throw new AppError('INVALID', 'unknownCsm', { field: ref.csmId ? 'csmId' : 'csmExternalId' });
  return csm.id;
}

export async function resolveAccountId(tx: Tx, organizationId: string, ref: { accountId?: string; accountExternalId?: string }): Promise<string> {
  const account = ref.accountId || ref.accountExternalId
    ? await tx.account.findFirst({
        where: ref.accountId ? { id: ref.accountId, organizationId } : { externalId: ref.accountExternalId, organizationId },
        select: { id: true },
      })
    : null;
  if (!account) throw new AppError('INVALID', 'unknownAccount', { field: ref.accountId ? 'accountId' : 'accountExternalId' });
  return account.id;
}

/**
 * The row an upsert targets: by our id (NOT_FOUND when it is not the organisation's), else by the
 * sender's external id (a re-delivered webhook updates instead of duplicating), else none (create).
 */
export async function findTarget<T>(
  find: (where: { id?: string; externalId?: string; organizationId: string }) => Promise<T | null>,
  organizationId: string,
  id: string | undefined,
  externalId: string | undefined,
): Promise<T | null> {
  // Only undefined means "no id": an empty or malformed one names nothing (NOT_FOUND), never a new row.
  if (id !== undefined) {
    const row = isUuid(id) ? await find({ id, organizationId }) : null;
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }
  if (externalId) return find({ externalId, organizationId });
  return null;
}

export { isUuid };

export type Page<T> = { rows: T[]; nextCursor: string | null };
export type PageOptions = { cursor?: string; limit?: number; month?: string };

/** Cursor pagination on id: fetch one more row than asked to know whether a next page exists. */
export function pageArgs(options: PageOptions) {
  const take = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const cursor = options.cursor && isUuid(options.cursor) ? { id: options.cursor } : undefined;
  if (options.cursor && !cursor) throw new AppError('INVALID', 'cursor', { field: 'cursor' });
  return { take: take + 1, ...(cursor ? { cursor, skip: 1 } : {}), limit: take };
}

export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { rows: kept, nextCursor: more ? (kept[kept.length - 1]?.id ?? null) : null };
}

/** True when two snapshots hold the same values (nothing to write, nothing to audit). */
export function sameValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
