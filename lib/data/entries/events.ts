import 'server-only';
import { principalAccess, type Principal } from '@/lib/data/access';
import { db } from '@/lib/db';
import { assertMonthOpen, monthDate, type Tx } from './shared';

/**
 * Events (churn, saves, deals) belong to the month of their date: creating one needs that month open,
 * moving one needs both months open, deleting one needs its month open.
 */
export async function assertEventMonthsOpen(tx: Tx, organizationId: string, months: (Date | null | undefined)[]): Promise<void> {
  const distinct = new Map(months.filter((m): m is Date => Boolean(m)).map((m) => [m.getTime(), m]));
  for (const month of distinct.values()) await assertMonthOpen(tx, organizationId, month);
}

export const eventRelations = { account: { select: { name: true } }, csm: { select: { name: true } } } as const;

/** The `where` of a list of events: the organisation, optionally one month. */
export function eventWhere(organizationId: string, month?: string) {
  return { organizationId, ...(month ? { month: monthDate(month) } : {}) };
}

export { requireUuid } from '@/lib/data/ids';

/** Everything the account picker needs: accounts (id, name) and CSMs of the organisation. */
export async function entryChoices(principal: Principal, slug: string) {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const [accounts, csms] = await Promise.all([
    db().account.findMany({ where: { organizationId: organization.id }, orderBy: { name: 'asc' }, select: { id: true, name: true, csmId: true }, take: 5000 }),
    db().csm.findMany({ where: { organizationId: organization.id }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { accounts, csms };
}
