import 'server-only';
import { db } from '@/lib/db';
import { auditBodies } from '@/lib/data/audit-bodies';
import { principalAccess, type Principal } from '@/lib/data/access';
import { isUuid, monthDate, pageArgs, toPage, type Page } from '@/lib/data/entries/shared';
import { AppError } from '@/lib/errors';
import { monthKey } from '@/lib/months';

export type AuditLogRow = {
  id: string; createdAt: Date; actorUserId: string | null; actorTokenId: string | null; actor: string;
  action: string; entityType: string; entityId: string | null; month: string | null; before: unknown; after: unknown; reason: string | null;
};

/** The organisation's audit log, newest first, for owners; filter by month and by person. */
export async function listAuditEntries(
  principal: Principal,
  slug: string,
  options: { month?: string; actorUserId?: string; cursor?: string; limit?: number },
): Promise<Page<AuditLogRow>> {
  const { organization } = await principalAccess(principal, slug, 'OWNER');
  if (options.actorUserId && !isUuid(options.actorUserId)) throw new AppError('INVALID', 'actorUserId', { field: 'actorUserId' });
  const { limit, ...args } = pageArgs(options);
  const rows = await db().auditEntry.findMany({
    where: {
      organizationId: organization.id,
      ...(options.month ? { month: monthDate(options.month) } : {}),
      ...(options.actorUserId ? { actorUserId: options.actorUserId } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    // before/after come trimmed from auditBodies: an import's entry can hold thousands of rows.
    select: { id: true, createdAt: true, actorUserId: true, actorTokenId: true, actorLabel: true, action: true, entityType: true, entityId: true, month: true, reason: true },
    ...args,
  });
  const page = toPage(rows, limit);
  const userIds = [...new Set(page.rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const [users, bodies] = await Promise.all([
    db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    auditBodies(page.rows.map((r) => r.id)),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    rows: page.rows.map(({ actorLabel, month, ...r }) => ({
      ...r, before: bodies.get(r.id)?.before ?? null, after: bodies.get(r.id)?.after ?? null,
      month: month ? monthKey(month) : null, actor: (r.actorUserId && names.get(r.actorUserId)) || actorLabel,
    })),
    nextCursor: page.nextCursor,
  };
}

/** People who appear in the log (members, past members), for the filter. */
export async function auditActors(principal: Principal, slug: string): Promise<{ userId: string; name: string }[]> {
  const { organization } = await principalAccess(principal, slug, 'OWNER');
  const ids = await db().auditEntry.findMany({ where: { organizationId: organization.id, actorUserId: { not: null } }, distinct: ['actorUserId'], select: { actorUserId: true } });
  const users = await db().user.findMany({ where: { id: { in: ids.map((i) => i.actorUserId!) } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  return users.map((u) => ({ userId: u.id, name: u.name }));
}
