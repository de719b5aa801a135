import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '@/lib/data/api-tokens';
import { createInvitation, revokeInvitation } from '@/lib/data/invitations';
import { changeMemberRole, removeMember } from '@/lib/data/memberships';
import { createShareLink, revokeShareLink } from '@/lib/data/share-links';
import { deleteSnapshot, getSnapshot, getSnapshotPdf } from '@/lib/data/snapshots';
import { isAppError } from '@/lib/errors';
import { apiTokenRevokeSchema } from '@/lib/api/token-schema';
import { memberRemovalSchema, roleChangeSchema } from '@/lib/validation/auth';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

/**
 * The owner of organisation A names rows of organisation B (tokens, invitations, members, share
 * links, snapshots) in A's operations, the ones the server actions call: every one is NOT_FOUND,
 * as is an id that is not even a UUID (never a database error), and B's rows stay as they were.
 */
async function organizationWithEverything(label: string) {
  const owner = await makeUser(testDb());
  const org = await makeOrganization(testDb(), owner, { name: `Foreign ${label}` });
  const caller = callerOf(owner);
  const member = await addMember(testDb(), org.id, 'EDITOR');
  const token = await createApiToken(caller, org.slug, { name: `${label} token`, scope: 'WRITE' });
  const invitation = await createInvitation(caller, org.slug, { email: `invitee-${label}-${org.slug}@example.test`, role: 'VIEWER' });
  const link = await createShareLink(caller, org.slug, { label: `${label} link`, expiresAt: null, password: null, includeLeaderboard: false, includeDrafts: true });
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const snapshot = await testDb().boardSnapshot.create({
    data: { organizationId: org.id, title: `${label} pack`, periodFrom: new Date('2026-01-01'), periodTo: new Date('2026-03-01'), locale: 'en', settings: {}, inputs: { from: '2026-01', to: '2026-03', months: [] }, figures: {}, pdf, checksum: createHash('sha256').update(pdf).digest('hex') },
    select: { id: true },
  });
  return { org, caller, member, tokenId: token.summary.id, invitationId: invitation.id, linkId: link.id, snapshotId: snapshot.id };
}

async function rowsOf(organizationId: string): Promise<string> {
  const db = testDb();
  return JSON.stringify(
    await Promise.all([
      db.membership.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
      db.apiToken.findMany({ where: { organizationId }, select: { id: true, revokedAt: true }, orderBy: { id: 'asc' } }),
      db.invitation.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
      db.shareLink.findMany({ where: { organizationId }, orderBy: { id: 'asc' } }),
      db.boardSnapshot.findMany({ where: { organizationId }, select: { id: true, checksum: true }, orderBy: { id: 'asc' } }),
    ]),
  );
}

describe("another organisation's ids in an owner's operations", () => {
  it('are NOT_FOUND, never a database error, and change nothing', async () => {
    const a = await organizationWithEverything('A');
    const b = await organizationWithEverything('B');
    const beforeB = await rowsOf(b.org.id);
    const beforeA = await rowsOf(a.org.id);
    // Ids that are not UUIDs never reach these functions: the actions parse them with z.uuid() first
    // (checked below); so here, well-formed ids that are someone else's or nobody's.
    const garbage = ['00000000-0000-0000-0000-000000000000', randomUUID()];
    const slug = a.org.slug;
    const operations: Array<[string, (id: string) => Promise<unknown>, string]> = [
      ['revokeApiToken', (id) => revokeApiToken(a.caller, slug, id), b.tokenId],
      ['revokeInvitation', (id) => revokeInvitation(a.caller, slug, id), b.invitationId],
      ['changeMemberRole', (id) => changeMemberRole(a.caller, slug, id, 'VIEWER'), b.member.membershipId],
      ['removeMember', (id) => removeMember(a.caller, slug, id), b.member.membershipId],
      ['revokeShareLink', (id) => revokeShareLink(a.caller, slug, id), b.linkId],
      ['getSnapshot', (id) => getSnapshot(a.caller, slug, id), b.snapshotId],
      ['getSnapshotPdf', (id) => getSnapshotPdf(a.caller, slug, id), b.snapshotId],
      ['deleteSnapshot', (id) => deleteSnapshot(a.caller, slug, id), b.snapshotId],
    ];
    const wrong: string[] = [];
    let checks = 0;
    for (const [name, run, foreignId] of operations) {
      for (const id of [foreignId, ...garbage]) {
        checks += 1;
        const outcome = await run(id).then(
          () => 'succeeded',
          (error: unknown) => (isAppError(error, 'NOT_FOUND') ? 'NOT_FOUND' : `${String(error).slice(0, 160)}`),
        );
        if (outcome !== 'NOT_FOUND') wrong.push(`${name}(${JSON.stringify(id)}): ${outcome}`);
      }
    }
    console.log(`[security] foreign ids in owner operations: ${checks} calls, ${wrong.length} not NOT_FOUND`);
    expect(wrong).toEqual([]);
    expect(await rowsOf(b.org.id)).toBe(beforeB);
    expect(await rowsOf(a.org.id)).toBe(beforeA);
  });

  it('ids that are not UUIDs are refused by the schemas the actions parse with', () => {
    for (const id of ['not-a-uuid', "1' OR '1'='1", '', '../x', '\u0000']) {
      expect(apiTokenRevokeSchema.safeParse({ tokenId: id }).success, id).toBe(false);
      expect(memberRemovalSchema.safeParse({ membershipId: id }).success, id).toBe(false);
      expect(roleChangeSchema.safeParse({ membershipId: id, role: 'VIEWER' }).success, id).toBe(false);
    }
  });
});
