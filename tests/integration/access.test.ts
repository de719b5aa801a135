import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Caller } from '@/lib/auth/caller';
import { orgAccess } from '@/lib/data/access';
import { listAccounts } from '@/lib/data/accounts';
import { listCsms } from '@/lib/data/csms';
import { listDeals } from '@/lib/data/deals';
import { createInvitation, listPendingInvitations, revokeInvitation } from '@/lib/data/invitations';
import { changeMemberRole, listMembers, removeMember } from '@/lib/data/memberships';
import { listMonths } from '@/lib/data/months';
import type { Role } from '@/lib/data/roles';
import { addMember, callerOf, makeOrganization, makeUser, uniqueSuffix } from '@/lib/seed/factories';
import { testDb } from '../support/db';

/**
 * Authorisation lives in the data layer: a member of organisation A must get NOT_FOUND for anything
 * of organisation B, by slug or by id, and a member below owner must get FORBIDDEN for owner actions,
 * with the database left exactly as it was.
 */

/** An organisation with its owner, a viewer, an editor and one pending invitation. */
async function orgWithPeople(label: string) {
  const prisma = testDb();
  const owner = await makeUser(prisma, { name: `Owner ${label} ${uniqueSuffix()}` });
  const org = await makeOrganization(prisma, owner, { name: `Org ${label} ${uniqueSuffix()}` });
  const ownerMembership = await prisma.membership.findUniqueOrThrow({
    where: { organizationId_userId: { organizationId: org.id, userId: owner.id } },
    select: { id: true },
  });
  const viewer = await addMember(prisma, org.id, 'VIEWER');
  const editor = await addMember(prisma, org.id, 'EDITOR');
  const ownerCaller = callerOf(owner);
  const invitation = await createInvitation(ownerCaller, org.slug, { email: `invitee-${uniqueSuffix()}@example.test`, role: 'EDITOR' });
  return {
    org,
    owner: { caller: ownerCaller, membershipId: ownerMembership.id },
    viewer: { caller: callerOf(viewer.user), membershipId: viewer.membershipId },
    editor: { caller: callerOf(editor.user), membershipId: editor.membershipId },
    invitationId: invitation.id,
  };
}

/** Business rows of one organisation: a CSM, an account, a deal and a month. */
async function seedBusinessRows(organizationId: string, label: string) {
  const prisma = testDb();
  const csm = await prisma.csm.create({
    data: { organizationId, name: `CSM ${label} ${uniqueSuffix()}`, startDate: new Date('2024-01-01') },
    select: { id: true },
  });
  const account = await prisma.account.create({
    data: { organizationId, name: `Account ${label} ${uniqueSuffix()}`, csmId: csm.id, startDate: new Date('2024-02-01'), mrr: '1250.5000' },
    select: { id: true },
  });
  const deal = await prisma.expansionDeal.create({
    data: {
      organizationId, accountId: account.id, csmId: csm.id, date: new Date('2024-03-15'), month: new Date('2024-03-01'),
      type: 'UPSELL', arrAdded: '12000', attribution: 'CS_SOURCED', attributionPct: '100',
    },
    select: { id: true },
  });
  const month = await prisma.monthlyReport.create({
    data: { organizationId, month: new Date('2024-03-01'), csmFte: '2.5', loadedSalaries: '20000', startArr: '1000000', startCustomers: 40 },
    select: { id: true },
  });
  return { csmId: csm.id, accountId: account.id, dealId: deal.id, monthId: month.id };
}

/** Everything the membership and invitation functions could change in an organisation. */
async function orgState(organizationId: string) {
  const prisma = testDb();
  const [memberships, invitations, auditEntries] = await Promise.all([
    prisma.membership.findMany({ where: { organizationId }, select: { id: true, userId: true, role: true, updatedAt: true }, orderBy: { id: 'asc' } }),
    prisma.invitation.findMany({ where: { organizationId }, select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true }, orderBy: { id: 'asc' } }),
    prisma.auditEntry.count({ where: { organizationId } }),
  ]);
  return { memberships, invitations, auditEntries };
}

type SlugReader = (caller: Caller, slug: string) => Promise<unknown>;
const slugReaders: [string, SlugReader][] = [
  ['orgAccess', (caller, slug) => orgAccess(caller, slug)],
  ['listMembers', listMembers],
  ['listMonths', listMonths],
  ['listAccounts', (caller, slug) => listAccounts(caller, slug)],
  ['listDeals', (caller, slug) => listDeals(caller, slug)],
  ['listCsms', listCsms],
  ['listPendingInvitations', listPendingInvitations],
];

describe('another organisation is invisible', () => {
  it.each(slugReaders)('%s with the slug of an organisation the caller is not a member of ⇒ NOT_FOUND', async (_name, read) => {
    const a = await orgWithPeople('A');
    const b = await orgWithPeople('B');
    await seedBusinessRows(b.org.id, 'B');
    await expect(read(a.owner.caller, b.org.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Same answer as for a slug that does not exist, so the error does not confirm that B exists.
    await expect(read(a.owner.caller, `no-such-org-${uniqueSuffix()}`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The caller's own organisation still answers, so the refusal above is about B.
    await expect(read(a.owner.caller, a.org.slug)).resolves.toBeDefined();
  });

  it('createInvitation for another organisation ⇒ NOT_FOUND and no invitation is written', async () => {
    const a = await orgWithPeople('A');
    const b = await orgWithPeople('B');
    const before = await orgState(b.org.id);
    await expect(createInvitation(a.owner.caller, b.org.slug, { email: `intruder-${uniqueSuffix()}@example.test`, role: 'OWNER' }))
      .rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await orgState(b.org.id)).toEqual(before);
  });

  it('changeMemberRole and removeMember through another organisation’s slug ⇒ NOT_FOUND and B unchanged', async () => {
    const a = await orgWithPeople('A');
    const b = await orgWithPeople('B');
    const before = await orgState(b.org.id);
    await expect(changeMemberRole(a.owner.caller, b.org.slug, b.viewer.membershipId, 'OWNER')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(changeMemberRole(a.owner.caller, b.org.slug, b.owner.membershipId, 'VIEWER')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeMember(a.owner.caller, b.org.slug, b.editor.membershipId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revokeInvitation(a.owner.caller, b.org.slug, b.invitationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await orgState(b.org.id)).toEqual(before);
  });

  it('B’s membership and invitation ids passed with A’s slug ⇒ NOT_FOUND and B unchanged', async () => {
    const a = await orgWithPeople('A');
    const b = await orgWithPeople('B');
    const beforeA = await orgState(a.org.id);
    const beforeB = await orgState(b.org.id);
    await expect(changeMemberRole(a.owner.caller, a.org.slug, b.viewer.membershipId, 'OWNER')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(changeMemberRole(a.owner.caller, a.org.slug, b.owner.membershipId, 'VIEWER')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeMember(a.owner.caller, a.org.slug, b.owner.membershipId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeMember(a.owner.caller, a.org.slug, b.editor.membershipId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revokeInvitation(a.owner.caller, a.org.slug, b.invitationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await orgState(b.org.id)).toEqual(beforeB);
    expect(await orgState(a.org.id)).toEqual(beforeA);
  });

  it('ids that exist nowhere ⇒ NOT_FOUND', async () => {
    const a = await orgWithPeople('A');
    const before = await orgState(a.org.id);
    await expect(changeMemberRole(a.owner.caller, a.org.slug, randomUUID(), 'EDITOR')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeMember(a.owner.caller, a.org.slug, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revokeInvitation(a.owner.caller, a.org.slug, randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await orgState(a.org.id)).toEqual(before);
  });

  it('a removed member loses access at once', async () => {
    const a = await orgWithPeople('A');
    await expect(listMembers(a.viewer.caller, a.org.slug)).resolves.toHaveLength(3);
    await removeMember(a.owner.caller, a.org.slug, a.viewer.membershipId);
    await expect(orgAccess(a.viewer.caller, a.org.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listAccounts(a.viewer.caller, a.org.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('owner-only mutations', () => {
  const belowOwner: ['viewer' | 'editor'][] = [['viewer'], ['editor']];

  it.each(belowOwner)('a %s gets FORBIDDEN for every owner-only mutation and nothing changes', async (who) => {
    const a = await orgWithPeople('A');
    const member = a[who];
    const before = await orgState(a.org.id);
    await expect(createInvitation(member.caller, a.org.slug, { email: `friend-${uniqueSuffix()}@example.test`, role: 'OWNER' }))
      .rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Promoting oneself is the obvious escalation to try.
    await expect(changeMemberRole(member.caller, a.org.slug, member.membershipId, 'OWNER')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(changeMemberRole(member.caller, a.org.slug, a.owner.membershipId, 'VIEWER')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(removeMember(member.caller, a.org.slug, a.owner.membershipId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(revokeInvitation(member.caller, a.org.slug, a.invitationId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listPendingInvitations(member.caller, a.org.slug)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await orgState(a.org.id)).toEqual(before);
  });

  it('orgAccess reports the caller’s role and refuses a higher one', async () => {
    const a = await orgWithPeople('A');
    const cases: [Caller, Role, Role | 'FORBIDDEN'][] = [
      [a.viewer.caller, 'VIEWER', 'VIEWER'],
      [a.viewer.caller, 'EDITOR', 'FORBIDDEN'],
      [a.editor.caller, 'EDITOR', 'EDITOR'],
      [a.editor.caller, 'OWNER', 'FORBIDDEN'],
      [a.owner.caller, 'OWNER', 'OWNER'],
    ];
    for (const [caller, needed, expected] of cases) {
      if (expected === 'FORBIDDEN') {
        await expect(orgAccess(caller, a.org.slug, needed)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      } else {
        const access = await orgAccess(caller, a.org.slug, needed);
        expect(access.role).toBe(expected);
        expect(access.organization.id).toBe(a.org.id);
      }
    }
  });

  it('a member of A with a lower role in B still gets FORBIDDEN in B, not A’s rights', async () => {
    const a = await orgWithPeople('A');
    const b = await orgWithPeople('B');
    await testDb().membership.create({ data: { organizationId: b.org.id, userId: a.owner.caller.userId, role: 'VIEWER' } });
    const before = await orgState(b.org.id);
    await expect(changeMemberRole(a.owner.caller, b.org.slug, b.editor.membershipId, 'OWNER')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createInvitation(a.owner.caller, b.org.slug, { email: `x-${uniqueSuffix()}@example.test`, role: 'OWNER' }))
      .rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await orgState(b.org.id)).toEqual(before);
  });
});

describe('listings are scoped to the organisation', () => {
  it('months, accounts, deals and CSMs list only the organisation’s own rows', async () => {
    const a = await orgWithPeople('A');
    const b = await orgWithPeople('B');
    const rowsA = await seedBusinessRows(a.org.id, 'A');
    const rowsB = await seedBusinessRows(b.org.id, 'B');

    for (const [side, rows, caller, slug] of [
      ['A', rowsA, a.viewer.caller, a.org.slug],
      ['B', rowsB, b.viewer.caller, b.org.slug],
    ] as const) {
      const months = await listMonths(caller, slug);
      const accounts = await listAccounts(caller, slug);
      const deals = await listDeals(caller, slug);
      const csms = await listCsms(caller, slug);
      expect(months.map((m) => m.id), side).toEqual([rows.monthId]);
      expect(accounts.rows.map((r) => r.id), side).toEqual([rows.accountId]);
      expect(accounts.total, side).toBe(1);
      expect(deals.rows.map((r) => r.id), side).toEqual([rows.dealId]);
      expect(deals.total, side).toBe(1);
      expect(csms.map((c) => c.id), side).toEqual([rows.csmId]);
      expect(csms[0]?._count.accounts, side).toBe(1);
    }
  });

  it('members and pending invitations list only the organisation’s own people', async () => {
    const a = await orgWithPeople('A');
    const b = await orgWithPeople('B');
    const members = await listMembers(a.viewer.caller, a.org.slug);
    expect(members.map((m) => m.membershipId).sort()).toEqual(
      [a.owner.membershipId, a.viewer.membershipId, a.editor.membershipId].sort(),
    );
    expect(members.map((m) => m.role)).toEqual(['OWNER', 'EDITOR', 'VIEWER']);
    const pending = await listPendingInvitations(a.owner.caller, a.org.slug);
    expect(pending.map((i) => i.id)).toEqual([a.invitationId]);
    expect(pending.map((i) => i.id)).not.toContain(b.invitationId);
  });

  it('listing results carry no secrets', async () => {
    const a = await orgWithPeople('A');
    const members = await listMembers(a.owner.caller, a.org.slug);
    const pending = await listPendingInvitations(a.owner.caller, a.org.slug);
    for (const member of members) expect(Object.keys(member)).not.toContain('passwordHash');
    for (const invitation of pending) expect(Object.keys(invitation)).not.toContain('tokenHash');
  });
});
