import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acceptInvitation, createInvitation, describeInvitation, listPendingInvitations, revokeInvitation } from '@/lib/data/invitations';
import { listMembers } from '@/lib/data/memberships';
import type { Role } from '@/lib/data/roles';
import { signUp } from '@/lib/data/users';
import { callerOf, makeOrganization, makeUser, uniqueSuffix } from '@/lib/seed/factories';
import { invitationSchema, signUpSchema } from '@/lib/validation/auth';
import { testDb } from '../support/db';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function orgWithOwner() {
  const prisma = testDb();
  const owner = await makeUser(prisma);
  const org = await makeOrganization(prisma, owner);
  return { org, owner, caller: callerOf(owner) };
}

/** An invitation to a fresh address, created by the organisation's owner through lib/data. */
async function invite(role: Role = 'EDITOR') {
  const { org, owner, caller } = await orgWithOwner();
  const email = `invitee-${uniqueSuffix()}@example.test`;
  const created = await createInvitation(caller, org.slug, invitationSchema.parse({ email, role }));
  return { org, owner, caller, email, ...created };
}

async function membershipsOf(userId: string) {
  return testDb().membership.findMany({ where: { userId }, select: { organizationId: true, role: true } });
}

describe('createInvitation', () => {
  it('returns the token once and stores only its sha256 hash', async () => {
    const { org, email, id, token, expiresAt } = await invite('VIEWER');
    expect(token.length).toBeGreaterThanOrEqual(32);

    const row = await testDb().invitation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ organizationId: org.id, email, role: 'VIEWER', tokenHash: sha256(token), acceptedAt: null, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime()).toBe(expiresAt.getTime());
    // Default lifetime: 7 days.
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);

    const audit = await testDb().auditEntry.findMany({ where: { organizationId: org.id }, select: { action: true, entityId: true, after: true } });
    expect(audit).toEqual([{ action: 'invitation.create', entityId: id, after: expect.objectContaining({ email, role: 'VIEWER' }) }]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('each invitation gets its own token', async () => {
    const { org, caller } = await orgWithOwner();
    const input = invitationSchema.parse({ email: `same-${uniqueSuffix()}@example.test`, role: 'EDITOR' });
    const first = await createInvitation(caller, org.slug, input);
    const second = await createInvitation(caller, org.slug, input);
    expect(first.token).not.toBe(second.token);
    expect(first.id).not.toBe(second.id);
  });
});

describe('describeInvitation', () => {
  it('a fresh invitation is valid and shows the organisation, email and role', async () => {
    const { org, email, token } = await invite('EDITOR');
    expect(await describeInvitation(token)).toEqual({ state: 'valid', organizationName: org.name, email, role: 'EDITOR' });
  });

  it('an unknown token is unknown and reveals nothing', async () => {
    expect(await describeInvitation(randomBytes(24).toString('base64url'))).toEqual({ state: 'unknown' });
  });

  it('a token is not accepted in place of its hash', async () => {
    const { token } = await invite();
    expect(await describeInvitation(sha256(token))).toEqual({ state: 'unknown' });
  });

  it('past its expiry it is expired', async () => {
    const { id, token } = await invite();
    await testDb().invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await describeInvitation(token)).toMatchObject({ state: 'expired' });
  });

  it('once accepted it is used', async () => {
    const { token, email } = await invite();
    const user = await makeUser(testDb(), { email });
    await acceptInvitation(callerOf(user), token);
    expect(await describeInvitation(token)).toMatchObject({ state: 'used' });
  });

  it('once revoked it is revoked', async () => {
    const { org, caller, id, token } = await invite();
    await revokeInvitation(caller, org.slug, id);
    expect(await describeInvitation(token)).toMatchObject({ state: 'revoked' });
  });
});

describe('acceptInvitation', () => {
  it('joins the organisation with the invited role, once', async () => {
    const { org, caller: ownerCaller, id, token, email } = await invite('EDITOR');
    const user = await makeUser(testDb(), { email });

    const result = await acceptInvitation(callerOf(user), token);

    expect(result).toEqual({ slug: org.slug });
    expect(await membershipsOf(user.id)).toEqual([{ organizationId: org.id, role: 'EDITOR' }]);
    const row = await testDb().invitation.findUniqueOrThrow({ where: { id }, select: { acceptedAt: true, acceptedById: true } });
    expect(row.acceptedAt).toBeInstanceOf(Date);
    expect(row.acceptedById).toBe(user.id);
    const members = await listMembers(ownerCaller, org.slug);
    expect(members.find((m) => m.userId === user.id)?.role).toBe('EDITOR');
    expect(await listPendingInvitations(ownerCaller, org.slug)).toEqual([]);
    const audit = await testDb().auditEntry.count({ where: { organizationId: org.id, action: 'invitation.accept', entityId: id, actorUserId: user.id } });
    expect(audit).toBe(1);
  });

  it('a second use ⇒ INVITATION_INVALID "used"', async () => {
    const { token, email, org } = await invite('VIEWER');
    const user = await makeUser(testDb(), { email });
    await acceptInvitation(callerOf(user), token);
    await expect(acceptInvitation(callerOf(user), token)).rejects.toMatchObject({ code: 'INVITATION_INVALID', message: 'used' });
    expect(await membershipsOf(user.id)).toEqual([{ organizationId: org.id, role: 'VIEWER' }]);
  });

  it('two simultaneous acceptances: one joins, the other is told "used"', async () => {
    const { token, email, org } = await invite('EDITOR');
    const user = await makeUser(testDb(), { email });
    const results = await Promise.allSettled([acceptInvitation(callerOf(user), token), acceptInvitation(callerOf(user), token)]);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: 'INVITATION_INVALID', message: 'used' });
    expect(await membershipsOf(user.id)).toEqual([{ organizationId: org.id, role: 'EDITOR' }]);
    expect(await testDb().auditEntry.count({ where: { organizationId: org.id, action: 'invitation.accept' } })).toBe(1);
  });

  it('an expired invitation ⇒ INVITATION_INVALID "expired" and no membership', async () => {
    const { id, token, email } = await invite();
    await testDb().invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const user = await makeUser(testDb(), { email });
    await expect(acceptInvitation(callerOf(user), token)).rejects.toMatchObject({ code: 'INVITATION_INVALID', message: 'expired' });
    expect(await membershipsOf(user.id)).toEqual([]);
    expect(await testDb().invitation.findUniqueOrThrow({ where: { id }, select: { acceptedAt: true } })).toEqual({ acceptedAt: null });
  });

  it('someone else’s account ⇒ INVITATION_INVALID "wrongEmail", no membership, invitation still usable', async () => {
    const { token, email, org } = await invite();
    const stranger = await makeUser(testDb());
    await expect(acceptInvitation(callerOf(stranger), token)).rejects.toMatchObject({ code: 'INVITATION_INVALID', message: 'wrongEmail' });
    expect(await membershipsOf(stranger.id)).toEqual([]);
    expect(await describeInvitation(token)).toMatchObject({ state: 'valid' });

    const invitee = await makeUser(testDb(), { email });
    await expect(acceptInvitation(callerOf(invitee), token)).resolves.toEqual({ slug: org.slug });
  });

  it('a revoked invitation ⇒ INVITATION_INVALID "revoked" and no membership', async () => {
    const { org, caller, id, token, email } = await invite();
    await revokeInvitation(caller, org.slug, id);
    const user = await makeUser(testDb(), { email });
    await expect(acceptInvitation(callerOf(user), token)).rejects.toMatchObject({ code: 'INVITATION_INVALID', message: 'revoked' });
    expect(await membershipsOf(user.id)).toEqual([]);
  });

  it('an unknown token ⇒ INVITATION_INVALID "unknown"', async () => {
    const user = await makeUser(testDb());
    await expect(acceptInvitation(callerOf(user), randomBytes(24).toString('base64url'))).rejects.toMatchObject({ code: 'INVITATION_INVALID', message: 'unknown' });
  });
});

describe('revokeInvitation', () => {
  it('revokes a pending invitation, drops it from the pending list and audits it', async () => {
    const { org, caller, id } = await invite();
    expect((await listPendingInvitations(caller, org.slug)).map((i) => i.id)).toEqual([id]);
    await revokeInvitation(caller, org.slug, id);
    expect(await listPendingInvitations(caller, org.slug)).toEqual([]);
    const row = await testDb().invitation.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect(await testDb().auditEntry.count({ where: { organizationId: org.id, action: 'invitation.revoke', entityId: id } })).toBe(1);
  });

  it('an accepted or already revoked invitation cannot be revoked (NOT_FOUND)', async () => {
    const accepted = await invite();
    const user = await makeUser(testDb(), { email: accepted.email });
    await acceptInvitation(callerOf(user), accepted.token);
    await expect(revokeInvitation(accepted.caller, accepted.org.slug, accepted.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await describeInvitation(accepted.token)).toMatchObject({ state: 'used' });

    const revoked = await invite();
    await revokeInvitation(revoked.caller, revoked.org.slug, revoked.id);
    await expect(revokeInvitation(revoked.caller, revoked.org.slug, revoked.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('signUp with an invitation', () => {
  it('creates the user and their membership with the invited role, and no organisation', async () => {
    const { org, token, email } = await invite('VIEWER');
    const organizationsBefore = await testDb().organization.count();

    const input = signUpSchema.parse({ name: 'Invited Person', email: email.toUpperCase(), password: 'a long enough password', invitationToken: token });
    const result = await signUp(input);

    expect(result.slug).toBe(org.slug);
    const user = await testDb().user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
    expect(user).toEqual({ id: result.userId, name: 'Invited Person' });
    expect(await membershipsOf(user.id)).toEqual([{ organizationId: org.id, role: 'VIEWER' }]);
    expect(await testDb().organization.count()).toBe(organizationsBefore);
    expect(await describeInvitation(token)).toMatchObject({ state: 'used' });
  });

  it('with an invitation for another address, nothing is written', async () => {
    const { token } = await invite('EDITOR');
    const email = `other-${uniqueSuffix()}@example.test`;
    const usersBefore = await testDb().user.count();
    const organizationsBefore = await testDb().organization.count();

    const input = signUpSchema.parse({ name: 'Wrong Person', email, password: 'a long enough password', invitationToken: token });
    await expect(signUp(input)).rejects.toMatchObject({ code: 'INVITATION_INVALID', message: 'wrongEmail' });

    expect(await testDb().user.findUnique({ where: { email } })).toBeNull();
    expect(await testDb().user.count()).toBe(usersBefore);
    expect(await testDb().organization.count()).toBe(organizationsBefore);
    expect(await describeInvitation(token)).toMatchObject({ state: 'valid' });
  });

  it('with a used invitation, the user is not created', async () => {
    const { token, email } = await invite('EDITOR');
    const first = signUpSchema.parse({ name: 'First', email, password: 'a long enough password', invitationToken: token });
    await signUp(first);
    const otherEmail = `late-${uniqueSuffix()}@example.test`;
    const second = signUpSchema.parse({ name: 'Late', email: otherEmail, password: 'a long enough password', invitationToken: token });
    await expect(signUp(second)).rejects.toMatchObject({ code: 'INVITATION_INVALID', message: 'used' });
    expect(await testDb().user.findUnique({ where: { email: otherEmail } })).toBeNull();
  });
});
