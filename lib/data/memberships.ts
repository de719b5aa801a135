import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { orgAccess } from '@/lib/data/access';
import { requireUuid } from '@/lib/data/ids';
import { actorOf, recordAudit } from '@/lib/data/audit';
import type { Role } from '@/lib/data/roles';

export type Member = { membershipId: string; userId: string; name: string; email: string; role: Role; since: Date };

export async function listMembers(caller: Caller, slug: string): Promise<Member[]> {
  const { organization } = await orgAccess(caller, slug, 'VIEWER');
  const rows = await db().membership.findMany({
    where: { organizationId: organization.id },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map((r) => ({ membershipId: r.id, userId: r.user.id, name: r.user.name, email: r.user.email, role: r.role, since: r.createdAt }));
}

/**
 * Locks the organisation's owner rows and the target membership, so two owners demoting each other
 * at the same moment cannot leave the organisation without an owner.
 */
async function lockedTarget(tx: Tx, organizationId: string, membershipId: string) {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Membership" WHERE "organizationId" = ${organizationId}::uuid AND "role" = 'OWNER' FOR UPDATE`;
  const target = await tx.membership.findFirst({
    where: { id: requireUuid(membershipId), organizationId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!target) throw new AppError('NOT_FOUND');
  return { target, ownerCount: owners.length };
}

export async function changeMemberRole(caller: Caller, slug: string, membershipId: string, role: Role): Promise<void> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  await db().$transaction(async (tx) => {
    const { target, ownerCount } = await lockedTarget(tx, organization.id, membershipId);
    if (target.role === role) return;
    if (target.role === 'OWNER' && ownerCount <= 1) throw new AppError('LAST_OWNER');
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await recordAudit(tx, {
      organizationId: organization.id,
      actor: actorOf(caller),
      action: 'membership.role',
      entityType: 'Membership',
      entityId: target.id,
      before: { email: target.user.email, role: target.role },
      after: { email: target.user.email, role },
    });
  });
}

export async function removeMember(caller: Caller, slug: string, membershipId: string): Promise<void> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  await db().$transaction(async (tx) => {
    const { target, ownerCount } = await lockedTarget(tx, organization.id, membershipId);
    if (target.role === 'OWNER' && ownerCount <= 1) throw new AppError('LAST_OWNER');
    await tx.membership.delete({ where: { id: target.id } });
    await recordAudit(tx, {
      organizationId: organization.id,
      actor: actorOf(caller),
      action: 'membership.remove',
      entityType: 'Membership',
      entityId: target.id,
      before: { email: target.user.email, role: target.role },
    });
  });
}
