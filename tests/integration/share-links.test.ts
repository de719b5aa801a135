import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PASSWORD_ATTEMPTS,
  createShareLink,
  grantForShareLink,
  isUnlocked,
  listShareLinks,
  openShareLink,
  recordShareLinkView,
  revokeShareLink,
  unlockShareLink,
  type ShareLinkInput,
} from '@/lib/data/share-links';
import { buildScope, currentMetrics, leaderboard } from '@/lib/data/dashboard-data';
import { isAppError } from '@/lib/errors';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const PASSWORD = 'board password 2026';

const input = (overrides: Partial<ShareLinkInput> = {}): ShareLinkInput => ({
  label: 'Board Q4',
  expiresAt: null,
  password: null,
  includeLeaderboard: false,
  includeDrafts: true,
  ...overrides,
});

async function orgWithOwner() {
  const owner = await makeUser(testDb());
  const org = await makeOrganization(testDb(), owner);
  return { org, owner, caller: callerOf(owner) };
}

async function expectCode(promise: Promise<unknown>, code: 'NOT_FOUND' | 'FORBIDDEN') {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(isAppError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
}

describe('creating a board link', () => {
  it('returns a 32-byte base64url token once and stores only its sha256, audited', async () => {
    const { org, caller } = await orgWithOwner();
    const { id, token } = await createShareLink(caller, org.slug, input({ includeLeaderboard: true }));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const row = await testDb().shareLink.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ organizationId: org.id, target: 'DASHBOARD', tokenHash: sha256(token), passwordHash: null, includeLeaderboard: true, viewCount: 0, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = await testDb().auditEntry.findFirstOrThrow({ where: { organizationId: org.id, action: 'shareLink.create', entityId: id } });
    expect(JSON.stringify(audit.after)).not.toContain(token);
  });

  it('hashes the password with scrypt and never lists a hash or a token', async () => {
    const { org, caller } = await orgWithOwner();
    const { id, token } = await createShareLink(caller, org.slug, input({ password: PASSWORD }));
    const row = await testDb().shareLink.findUniqueOrThrow({ where: { id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    const [listed] = await listShareLinks(caller, org.slug);
    expect(listed).toMatchObject({ id, hasPassword: true, state: 'active' });
    const text = JSON.stringify(listed);
    expect(text).not.toContain('scrypt');
    expect(text).not.toContain(token);
    expect(text).not.toContain(sha256(token));
  });

  it('refuses an expiry in the past', async () => {
    const { org, caller } = await orgWithOwner();
    const error = await createShareLink(caller, org.slug, input({ expiresAt: new Date(Date.now() - 1000) })).catch((e: unknown) => e);
    expect(isAppError(error, 'INVALID')).toBe(true);
  });

  it('is for owners only: editors and viewers are forbidden, strangers see nothing', async () => {
    const { org, caller } = await orgWithOwner();
    const { id } = await createShareLink(caller, org.slug, input());
    for (const role of ['EDITOR', 'VIEWER'] as const) {
      const member = callerOf((await addMember(testDb(), org.id, role)).user);
      await expectCode(createShareLink(member, org.slug, input()), 'FORBIDDEN');
      await expectCode(listShareLinks(member, org.slug), 'FORBIDDEN');
      await expectCode(revokeShareLink(member, org.slug, id), 'FORBIDDEN');
    }
    const stranger = callerOf(await makeUser(testDb()));
    await expectCode(listShareLinks(stranger, org.slug), 'NOT_FOUND');
    await expectCode(revokeShareLink(stranger, org.slug, id), 'NOT_FOUND');
    expect(await testDb().shareLink.count({ where: { organizationId: org.id } })).toBe(1);
  });
});

describe('opening a board link', () => {
  it('opens its own organisation, and unknown tokens open nothing', async () => {
    const { org, caller } = await orgWithOwner();
    const { token } = await createShareLink(caller, org.slug, input());
    expect((await openShareLink(token))?.organization).toMatchObject({ id: org.id, slug: org.slug });
    expect(await openShareLink(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await openShareLink('short')).toBeNull();
    expect(await openShareLink(sha256(token))).toBeNull();
  });

  it('stops opening once revoked, with the revocation audited', async () => {
    const { org, caller } = await orgWithOwner();
    const { id, token } = await createShareLink(caller, org.slug, input());
    await revokeShareLink(caller, org.slug, id);
    expect(await openShareLink(token)).toBeNull();
    expect(await unlockShareLink(token, PASSWORD)).toBeNull();
    expect((await listShareLinks(caller, org.slug))[0]?.state).toBe('revoked');
    expect(await testDb().auditEntry.count({ where: { organizationId: org.id, action: 'shareLink.revoke', entityId: id } })).toBe(1);
    await expectCode(revokeShareLink(caller, org.slug, id), 'NOT_FOUND');
  });

  it('stops opening once expired', async () => {
    const { org, caller } = await orgWithOwner();
    const { id, token } = await createShareLink(caller, org.slug, input({ expiresAt: new Date(Date.now() + 3600_000) }));
    expect(await openShareLink(token)).not.toBeNull();
    await testDb().shareLink.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await openShareLink(token)).toBeNull();
    expect((await listShareLinks(caller, org.slug))[0]?.state).toBe('expired');
  });

  it('cannot be revoked through another organisation', async () => {
    const a = await orgWithOwner();
    const b = await orgWithOwner();
    const { id, token } = await createShareLink(a.caller, a.org.slug, input());
    await expectCode(revokeShareLink(b.caller, b.org.slug, id), 'NOT_FOUND');
    await expectCode(revokeShareLink(b.caller, a.org.slug, id), 'NOT_FOUND');
    expect(await openShareLink(token)).not.toBeNull();
  });

  it('counts views', async () => {
    const { org, caller } = await orgWithOwner();
    const { id, token } = await createShareLink(caller, org.slug, input());
    const link = (await openShareLink(token))!;
    await recordShareLinkView(link.id);
    await recordShareLinkView(link.id);
    const row = await testDb().shareLink.findUniqueOrThrow({ where: { id } });
    expect(row.viewCount).toBe(2);
    expect(row.lastViewedAt).not.toBeNull();
  });
});

describe('a password-protected link', () => {
  it('opens only with the right password, and the proof works for that link only', async () => {
    const { org, caller } = await orgWithOwner();
    const { token } = await createShareLink(caller, org.slug, input({ password: PASSWORD }));
    const { token: other } = await createShareLink(caller, org.slug, input({ password: PASSWORD }));
    expect((await openShareLink(token))?.passwordProtected).toBe(true);
    expect(await isUnlocked(token, undefined)).toBe(false);
    expect(await unlockShareLink(token, 'not the password')).toEqual({ ok: false, reason: 'wrong' });
    const result = await unlockShareLink(token, PASSWORD);
    expect(result?.ok).toBe(true);
    const proof = result?.ok ? result.proof : '';
    expect(await isUnlocked(token, proof)).toBe(true);
    expect(await isUnlocked(other, proof)).toBe(false);
    expect(await isUnlocked(token, `${proof}x`)).toBe(false);
    expect(await isUnlocked(token, 'x'.repeat(proof.length))).toBe(false);
  });

  it(`locks after ${PASSWORD_ATTEMPTS} wrong passwords, even against the right one`, async () => {
    const { org, caller } = await orgWithOwner();
    const { token } = await createShareLink(caller, org.slug, input({ password: PASSWORD }));
    for (let i = 0; i < PASSWORD_ATTEMPTS; i += 1) expect(await unlockShareLink(token, `wrong ${i}`)).toEqual({ ok: false, reason: 'wrong' });
    const locked = await unlockShareLink(token, PASSWORD);
    expect(locked).toMatchObject({ ok: false, reason: 'rateLimited' });
    expect(locked && !locked.ok ? locked.retryAfterSeconds : 0).toBeGreaterThan(0);
    // Another link is not affected by this one's lock.
    const { token: other } = await createShareLink(caller, org.slug, input({ password: PASSWORD }));
    expect((await unlockShareLink(other, PASSWORD))?.ok).toBe(true);
  }, 60_000);
});

describe('what a board link can read', () => {
  it('reads its own organisation’s figures only, and the leaderboard only when allowed', async () => {
    const a = await orgWithOwner();
    const b = await orgWithOwner();
    for (const [org, salaries] of [[a.org, 10_000], [b.org, 99_000]] as const) {
      await testDb().monthlyReport.create({ data: { organizationId: org.id, month: new Date(Date.UTC(2026, 10, 1)), loadedSalaries: salaries, csmFte: 1, startArr: 1_000_000, startCustomers: 100, status: 'CLOSED' } });
    }
    const { token } = await createShareLink(a.caller, a.org.slug, input());
    const link = (await openShareLink(token))!;
    const scope = await buildScope(grantForShareLink(link), {}, `/board/${token}`);
    expect(scope.grant.organization.id).toBe(a.org.id);
    expect(scope.latestMonth).toBe('2026-11');
    const metrics = await currentMetrics(scope);
    expect(metrics.months.map((m) => m.loadedSalaries.toString())).toEqual(['10000']);
    await expectCode(leaderboard(scope), 'FORBIDDEN');

    const { token: withBoard } = await createShareLink(a.caller, a.org.slug, input({ includeLeaderboard: true }));
    const allowed = await buildScope(grantForShareLink((await openShareLink(withBoard))!), {}, '/board/x');
    await expect(leaderboard(allowed)).resolves.toEqual([]);
  });

  it('hides draft months when the owner chose closed months only', async () => {
    const { org, caller } = await orgWithOwner();
    await testDb().monthlyReport.create({ data: { organizationId: org.id, month: new Date(Date.UTC(2026, 9, 1)), loadedSalaries: 1000, status: 'CLOSED' } });
    await testDb().monthlyReport.create({ data: { organizationId: org.id, month: new Date(Date.UTC(2026, 10, 1)), loadedSalaries: 2000, status: 'DRAFT' } });
    const { token } = await createShareLink(caller, org.slug, input({ includeDrafts: false }));
    const scope = await buildScope(grantForShareLink((await openShareLink(token))!), { period: 'range:2026-10..2026-11' }, '/board/x');
    const metrics = await currentMetrics(scope);
    expect(metrics.months.map((m) => m.month)).toEqual(['2026-10']);
    const defaults = await buildScope(grantForShareLink((await openShareLink(token))!), {}, '/board/x');
    expect(defaults.latestMonth).toBe('2026-10');
  });
});
