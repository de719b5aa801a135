import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Caller } from '@/lib/auth/caller';
import { db, type Tx } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { requireUuid, tokenText } from '@/lib/data/ids';
import { orgAccess } from '@/lib/data/access';
import { actorOf, recordAudit } from '@/lib/data/audit';
import type { Role } from '@/lib/data/roles';
import type { InvitationInput } from '@/lib/validation/auth';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type PendingInvitation = { id: string; email: string; role: Role; expiresAt: Date; createdAt: Date };

/** Creates an invitation and returns its token once; only its hash is stored. */
export async function createInvitation(caller: Caller, slug: string, input: InvitationInput): Promise<{ id: string; token: string; expiresAt: Date }> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + env().TENURE_INVITATION_TTL_DAYS * 24 * 3600 * 1000);
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: { organizationId: organization.id, email: input.email, role: input.role, tokenHash: hashToken(token), invitedById: caller.userId, expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: organization.id,
      actor: actorOf(caller),
      action: 'invitation.create',
      entityType: 'Invitation',
      entityId: invitation.id,
      after: { email: input.email, role: input.role, expiresAt },
    });
    return { id: invitation.id, token, expiresAt };
  });
}

export async function listPendingInvitations(caller: Caller, slug: string): Promise<PendingInvitation[]> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  return db().invitation.findMany({
    where: { organizationId: organization.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
}

export async function revokeInvitation(caller: Caller, slug: string, invitationId: string): Promise<void> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  await db().$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id: requireUuid(invitationId), organizationId: organization.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (updated.count === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { organizationId: organization.id, actor: actorOf(caller), action: 'invitation.revoke', entityType: 'Invitation', entityId: invitationId });
  });
}

export type InvitationState = 'valid' | 'expired' | 'used' | 'revoked' | 'unknown';
export type InvitationView = { state: InvitationState; organizationName?: string; email?: string; role?: Role };

/** What the invitation page may show to anyone holding the link. */
export async function describeInvitation(token: string): Promise<InvitationView> {
  if (tokenText(token) === null) return { state: 'unknown' };
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, organization: { select: { name: true } } },
  });
  if (!invitation) return { state: 'unknown' };
  const base = { organizationName: invitation.organization.name, email: invitation.email, role: invitation.role };
  if (invitation.revokedAt) return { state: 'revoked', ...base };
  if (invitation.acceptedAt) return { state: 'used', ...base };
  if (invitation.expiresAt <= new Date()) return { state: 'expired', ...base };
  return { state: 'valid', ...base };
}

/**
 * Accepts an invitation for the caller inside a transaction: single use (row locked), not expired,
 * not revoked, and only for the invited email address.
 */
export async function acceptInvitationTx(tx: Tx, caller: Caller, token: string): Promise<{ slug: string }> {
  if (tokenText(token) === null) throw new AppError('INVITATION_INVALID', 'unknown');
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Invitation" WHERE "tokenHash" = ${hashToken(token)} FOR UPDATE`;
  const id = rows[0]?.id;
  if (!id) throw new AppError('INVITATION_INVALID', 'unknown');
  const invitation = await tx.invitation.findUniqueOrThrow({
    where: { id },
    select: { id: true, organizationId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, organization: { select: { slug: true } } },
  });
  if (invitation.revokedAt) throw new AppError('INVITATION_INVALID', 'revoked');
  if (invitation.acceptedAt) throw new AppError('INVITATION_INVALID', 'used');
  if (invitation.expiresAt <= new Date()) throw new AppError('INVITATION_INVALID', 'expired');
  if (invitation.email !== caller.email.toLowerCase()) throw new AppError('INVITATION_INVALID', 'wrongEmail');
  const existing = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: invitation.organizationId, userId: caller.userId } },
    select: { id: true },
  });
  if (!existing) {
    await tx.membership.create({ data: { organizationId: invitation.organizationId, userId: caller.userId, role: invitation.role } });
  }
  await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date(), acceptedById: caller.userId } });
  await recordAudit(tx, {
    organizationId: invitation.organizationId,
    actor: actorOf(caller),
    action: 'invitation.accept',
    entityType: 'Invitation',
    entityId: invitation.id,
    after: { email: caller.email, role: invitation.role, alreadyMember: Boolean(existing) },
  });
  return { slug: invitation.organization.slug };
}

export async function acceptInvitation(caller: Caller, token: string): Promise<{ slug: string }> {
  return db().$transaction((tx) => acceptInvitationTx(tx, caller, token));
}
