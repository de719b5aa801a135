import { describe, expect, it } from 'vitest';
import { changeMemberRole, listMembers, removeMember } from '@/lib/data/memberships';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

/** An organisation with its single owner. */
async function orgWithOwner() {
  const prisma = testDb();
  const owner = await makeUser(prisma);
  const org = await makeOrganization(prisma, owner);
  const membership = await prisma.membership.findUniqueOrThrow({
    where: { organizationId_userId: { organizationId: org.id, userId: owner.id } },
    select: { id: true },
  });
  return { org, owner, caller: callerOf(owner), membershipId: membership.id };
}

async function roleOf(membershipId: string) {
  const row = await testDb().membership.findUnique({ where: { id: membershipId }, select: { role: true } });
  return row?.role ?? null;
}

async function auditOf(organizationId: string) {
  return testDb().auditEntry.findMany({
    where: { organizationId },
    select: { action: true, entityType: true, entityId: true, actorUserId: true, actorLabel: true, before: true, after: true },
    orderBy: { createdAt: 'asc' },
  });
}

/** Locks an organisation's owner rows from another connection until release() is called. */
async function holdOwnerRows(organizationId: string) {
  let locked!: () => void;
  let release!: () => void;
  const isLocked = new Promise<void>((resolve) => { locked = resolve; });
  const released = new Promise<void>((resolve) => { release = resolve; });
  const transaction = testDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Membership" WHERE "organizationId" = ${organizationId}::uuid AND "role" = 'OWNER' FOR UPDATE`;
    locked();
    await released;
  }, { timeout: 20_000 });
  await isLocked;
  return {
    release: async () => {
      release();
      await transaction;
    },
  };
}

/** Waits until `count` sessions of the test database are blocked on a row lock. */
async function waitForLockWaiters(count: number) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const rows = await testDb().$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((rows[0]?.waiting ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Expected ${count} sessions waiting on a lock`);
}

describe('changeMemberRole', () => {
  it('an owner changes a member’s role, and the change is audited with before and after', async () => {
    const { org, owner, caller } = await orgWithOwner();
    const viewer = await addMember(testDb(), org.id, 'VIEWER');

    await changeMemberRole(caller, org.slug, viewer.membershipId, 'EDITOR');

    expect(await roleOf(viewer.membershipId)).toBe('EDITOR');
    expect(await auditOf(org.id)).toEqual([
      {
        action: 'membership.role',
        entityType: 'Membership',
        entityId: viewer.membershipId,
        actorUserId: owner.id,
        actorLabel: owner.email,
        before: { email: viewer.user.email, role: 'VIEWER' },
        after: { email: viewer.user.email, role: 'EDITOR' },
      },
    ]);
    const members = await listMembers(caller, org.slug);
    expect(members.find((m) => m.membershipId === viewer.membershipId)?.role).toBe('EDITOR');
  });

  it('an owner promotes a member to owner', async () => {
    const { org, caller } = await orgWithOwner();
    const editor = await addMember(testDb(), org.id, 'EDITOR');
    await changeMemberRole(caller, org.slug, editor.membershipId, 'OWNER');
    expect(await roleOf(editor.membershipId)).toBe('OWNER');
    const audit = await auditOf(org.id);
    expect(audit.map((e) => [e.before, e.after])).toEqual([
      [{ email: editor.user.email, role: 'EDITOR' }, { email: editor.user.email, role: 'OWNER' }],
    ]);
  });

  it('setting the role a member already has changes nothing and writes no audit entry', async () => {
    const { org, caller } = await orgWithOwner();
    const editor = await addMember(testDb(), org.id, 'EDITOR');
    await changeMemberRole(caller, org.slug, editor.membershipId, 'EDITOR');
    expect(await roleOf(editor.membershipId)).toBe('EDITOR');
    expect(await auditOf(org.id)).toEqual([]);
  });

  it('the last owner cannot be demoted (LAST_OWNER) and stays owner', async () => {
    const { org, caller, membershipId } = await orgWithOwner();
    await addMember(testDb(), org.id, 'EDITOR');
    for (const role of ['EDITOR', 'VIEWER'] as const) {
      await expect(changeMemberRole(caller, org.slug, membershipId, role)).rejects.toMatchObject({ code: 'LAST_OWNER' });
    }
    expect(await roleOf(membershipId)).toBe('OWNER');
    expect(await auditOf(org.id)).toEqual([]);
  });

  it('with two owners, one can be demoted; then the other is the last and cannot be', async () => {
    const { org, owner, caller, membershipId } = await orgWithOwner();
    const second = await addMember(testDb(), org.id, 'OWNER');

    await changeMemberRole(caller, org.slug, second.membershipId, 'VIEWER');
    expect(await roleOf(second.membershipId)).toBe('VIEWER');

    await expect(changeMemberRole(caller, org.slug, membershipId, 'EDITOR')).rejects.toMatchObject({ code: 'LAST_OWNER' });
    expect(await roleOf(membershipId)).toBe('OWNER');

    const audit = await auditOf(org.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'membership.role',
      entityId: second.membershipId,
      actorUserId: owner.id,
      before: { role: 'OWNER' },
      after: { role: 'VIEWER' },
    });
  });

  it('with two owners, an owner may demote themself', async () => {
    const { org, caller, membershipId } = await orgWithOwner();
    const second = await addMember(testDb(), org.id, 'OWNER');
    await changeMemberRole(caller, org.slug, membershipId, 'EDITOR');
    expect(await roleOf(membershipId)).toBe('EDITOR');
    expect(await roleOf(second.membershipId)).toBe('OWNER');
  });

  it('two owners demoting each other at the same moment leave exactly one owner', async () => {
    const { org, caller, membershipId } = await orgWithOwner();
    const second = await addMember(testDb(), org.id, 'OWNER');
    // Hold the owner rows so both calls pass their role check and then meet inside the transaction.
    const held = await holdOwnerRows(org.id);
    const both = Promise.allSettled([
      changeMemberRole(caller, org.slug, second.membershipId, 'EDITOR'),
      changeMemberRole(callerOf(second.user), org.slug, membershipId, 'EDITOR'),
    ]);
    await waitForLockWaiters(2);
    await held.release();
    const results = await both;

    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected.map((r) => (r.reason as { code?: string }).code)).toEqual(['LAST_OWNER']);
    expect(await testDb().membership.count({ where: { organizationId: org.id, role: 'OWNER' } })).toBe(1);
    expect(await auditOf(org.id)).toHaveLength(1);
  });

  it('an owner removing the other owner while being demoted leaves exactly one owner', async () => {
    const { org, caller, membershipId } = await orgWithOwner();
    const second = await addMember(testDb(), org.id, 'OWNER');
    const held = await holdOwnerRows(org.id);
    const both = Promise.allSettled([
      removeMember(caller, org.slug, second.membershipId),
      changeMemberRole(callerOf(second.user), org.slug, membershipId, 'VIEWER'),
    ]);
    await waitForLockWaiters(2);
    await held.release();
    const results = await both;

    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => (r.reason as { code?: string }).code)).toEqual(['LAST_OWNER']);
    expect(await testDb().membership.count({ where: { organizationId: org.id, role: 'OWNER' } })).toBe(1);
  });
});

describe('removeMember', () => {
  it('removing a member deletes the membership (not the user) and is audited', async () => {
    const { org, owner, caller } = await orgWithOwner();
    const editor = await addMember(testDb(), org.id, 'EDITOR');

    await removeMember(caller, org.slug, editor.membershipId);

    expect(await testDb().membership.findUnique({ where: { id: editor.membershipId } })).toBeNull();
    expect(await testDb().user.findUnique({ where: { id: editor.user.id }, select: { id: true } })).toEqual({ id: editor.user.id });
    expect(await auditOf(org.id)).toEqual([
      {
        action: 'membership.remove',
        entityType: 'Membership',
        entityId: editor.membershipId,
        actorUserId: owner.id,
        actorLabel: owner.email,
        before: { email: editor.user.email, role: 'EDITOR' },
        after: null,
      },
    ]);
    const members = await listMembers(caller, org.slug);
    expect(members.map((m) => m.userId)).toEqual([owner.id]);
  });

  it('the last owner cannot be removed (LAST_OWNER) and stays owner', async () => {
    const { org, caller, membershipId } = await orgWithOwner();
    await addMember(testDb(), org.id, 'VIEWER');
    await expect(removeMember(caller, org.slug, membershipId)).rejects.toMatchObject({ code: 'LAST_OWNER' });
    expect(await roleOf(membershipId)).toBe('OWNER');
    expect(await testDb().membership.count({ where: { organizationId: org.id } })).toBe(2);
    expect(await auditOf(org.id)).toEqual([]);
  });

  it('with two owners, one owner can be removed', async () => {
    const { org, caller, membershipId } = await orgWithOwner();
    const second = await addMember(testDb(), org.id, 'OWNER');
    await removeMember(caller, org.slug, second.membershipId);
    expect(await roleOf(second.membershipId)).toBeNull();
    expect(await roleOf(membershipId)).toBe('OWNER');
    const audit = await auditOf(org.id);
    expect(audit.map((e) => [e.action, e.before])).toEqual([['membership.remove', { email: second.user.email, role: 'OWNER' }]]);
  });

  it('removing a membership twice ⇒ NOT_FOUND the second time', async () => {
    const { org, caller } = await orgWithOwner();
    const viewer = await addMember(testDb(), org.id, 'VIEWER');
    await removeMember(caller, org.slug, viewer.membershipId);
    await expect(removeMember(caller, org.slug, viewer.membershipId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditOf(org.id)).toHaveLength(1);
  });
});
