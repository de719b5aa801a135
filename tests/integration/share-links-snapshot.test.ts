import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createSnapshotShareLink,
  isUnlocked,
  listShareLinks,
  listSnapshotShareLinks,
  openShareLink,
  openSnapshotShareLink,
  revokeShareLink,
  unlockShareLink,
} from '@/lib/data/share-links';
import { createSnapshot, getSharedSnapshot, getSharedSnapshotPdf, getSnapshot, getSnapshotPdf } from '@/lib/data/snapshots';
import { isAppError } from '@/lib/errors';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
const PASSWORD = 'board password 2026';
const input = { label: 'Board, March', expiresAt: null, password: null };

async function expectCode(promise: Promise<unknown>, code: 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID') {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(isAppError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
}

/** A stored snapshot without rendering one: the link rules do not depend on the PDF's content. */
async function storedSnapshot(organizationId: string, pdf = Buffer.from('%PDF-1.7 stored bytes')) {
  return testDb().boardSnapshot.create({
    data: { organizationId, title: 'Board pack Jan – Dec', periodFrom: new Date('2026-01-01'), periodTo: new Date('2026-12-01'), locale: 'en', settings: {}, inputs: { from: '2026-01', to: '2026-12', months: [] }, figures: { range: {} }, pdf: new Uint8Array(pdf), checksum: sha256(pdf) },
    select: { id: true },
  });
}

async function orgWithOwner() {
  const owner = await makeUser(testDb());
  const org = await makeOrganization(testDb(), owner);
  return { org, caller: callerOf(owner) };
}

describe('snapshot board links', () => {
  let org: Awaited<ReturnType<typeof orgWithOwner>>['org'];
  let caller: ReturnType<typeof callerOf>;
  let snapshotId: string;

  beforeAll(async () => {
    ({ org, caller } = await orgWithOwner());
    // One real snapshot (figures and PDF rendered), so the shared view is checked against it.
    ({ id: snapshotId } = await createSnapshot(caller, org.slug, { from: '2026-01', to: '2026-06', includeLeaderboard: false }));
  }, 60_000);

  it('opens the frozen snapshot: its stored figures and byte-identical PDF, and stores only the token hash (audited)', async () => {
    const { id, token } = await createSnapshotShareLink(caller, org.slug, snapshotId, input);
    const row = await testDb().shareLink.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ organizationId: org.id, target: 'SNAPSHOT', snapshotId, tokenHash: sha256(token), passwordHash: null, revokedAt: null });
    const audit = await testDb().auditEntry.findFirstOrThrow({ where: { organizationId: org.id, action: 'shareLink.create', entityId: id } });
    expect(JSON.stringify(audit.after)).toContain(snapshotId);
    expect(JSON.stringify(audit.after)).not.toContain(token);

    const link = await openSnapshotShareLink(token);
    expect(link).toMatchObject({ id, snapshotId, passwordProtected: false, organization: { id: org.id } });
    const shared = await getSharedSnapshot(link!);
    const own = await getSnapshot(caller, org.slug, snapshotId);
    expect(shared?.figures).toEqual(own.figures);
    expect(shared?.checksum).toBe(own.checksum);
    const pdf = await getSharedSnapshotPdf(link!);
    expect(Buffer.compare(pdf!.pdf, (await getSnapshotPdf(caller, org.slug, snapshotId)).pdf)).toBe(0);
    expect(sha256(pdf!.pdf)).toBe(own.checksum);
  });

  it('is not a dashboard link, and the dashboard list does not show it', async () => {
    const { token } = await createSnapshotShareLink(caller, org.slug, snapshotId, { ...input, label: 'not a dashboard' });
    expect(await openShareLink(token)).toBeNull();
    expect((await listShareLinks(caller, org.slug)).map((l) => l.label)).not.toContain('not a dashboard');
    expect((await listSnapshotShareLinks(caller, org.slug, snapshotId)).map((l) => l.label)).toContain('not a dashboard');
  });

  it('stops opening once revoked or expired (404)', async () => {
    const { id, token } = await createSnapshotShareLink(caller, org.slug, snapshotId, input);
    await revokeShareLink(caller, org.slug, id);
    expect(await openSnapshotShareLink(token)).toBeNull();
    expect((await listSnapshotShareLinks(caller, org.slug, snapshotId)).find((l) => l.id === id)?.state).toBe('revoked');

    const later = await createSnapshotShareLink(caller, org.slug, snapshotId, { ...input, expiresAt: new Date(Date.now() + 60_000) });
    expect(await openSnapshotShareLink(later.token)).not.toBeNull();
    await testDb().shareLink.update({ where: { id: later.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await openSnapshotShareLink(later.token)).toBeNull();
    await expectCode(createSnapshotShareLink(caller, org.slug, snapshotId, { ...input, expiresAt: new Date(Date.now() - 1000) }), 'INVALID');
  });

  it('asks for its password: hashed, wrong refused, right one unlocks', async () => {
    const { id, token } = await createSnapshotShareLink(caller, org.slug, snapshotId, { ...input, password: PASSWORD });
    const row = await testDb().shareLink.findUniqueOrThrow({ where: { id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect((await openSnapshotShareLink(token))?.passwordProtected).toBe(true);
    expect(await isUnlocked(token, undefined)).toBe(false);
    expect(await unlockShareLink(token, 'wrong password!')).toEqual({ ok: false, reason: 'wrong' });
    const result = await unlockShareLink(token, PASSWORD);
    expect(result?.ok).toBe(true);
    expect(await isUnlocked(token, result?.ok ? result.proof : undefined)).toBe(true);
  });

  it('disappears with its snapshot', async () => {
    const other = await storedSnapshot(org.id);
    const { token } = await createSnapshotShareLink(caller, org.slug, other.id, input);
    await testDb().boardSnapshot.delete({ where: { id: other.id } });
    expect(await openSnapshotShareLink(token)).toBeNull();
  });

  it('is for owners only, and never reaches another organisation’s snapshot', async () => {
    const { user: editor } = await addMember(testDb(), org.id, 'EDITOR');
    const { user: viewer } = await addMember(testDb(), org.id, 'VIEWER');
    await expectCode(createSnapshotShareLink(callerOf(editor), org.slug, snapshotId, input), 'FORBIDDEN');
    await expectCode(createSnapshotShareLink(callerOf(viewer), org.slug, snapshotId, input), 'FORBIDDEN');
    await expectCode(listSnapshotShareLinks(callerOf(editor), org.slug, snapshotId), 'FORBIDDEN');

    const stranger = await orgWithOwner();
    const theirs = await storedSnapshot(stranger.org.id);
    // Their snapshot through our organisation, and ours through theirs: nothing.
    await expectCode(createSnapshotShareLink(caller, org.slug, theirs.id, input), 'NOT_FOUND');
    await expectCode(createSnapshotShareLink(stranger.caller, stranger.org.slug, snapshotId, input), 'NOT_FOUND');
    await expectCode(createSnapshotShareLink(caller, org.slug, 'not-a-uuid', input), 'NOT_FOUND');
    expect(await listSnapshotShareLinks(stranger.caller, stranger.org.slug, snapshotId)).toEqual([]);
    // Nor can they revoke our link.
    const { id, token } = await createSnapshotShareLink(caller, org.slug, snapshotId, input);
    await expectCode(revokeShareLink(stranger.caller, stranger.org.slug, id), 'NOT_FOUND');
    expect(await openSnapshotShareLink(token)).not.toBeNull();
  });
});
