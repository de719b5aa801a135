import { describe, expect, it } from 'vitest';
import { authenticateBearer } from '@/lib/auth/api-token';
import { createApiToken, listApiTokens, revokeApiToken } from '@/lib/data/api-tokens';
import { hashToken } from '@/lib/data/invitations';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { GET as listCollection, POST as postCollection } from '@/app/api/v1/orgs/[slug]/[collection]/route';
import { PUT as putMonth } from '@/app/api/v1/orgs/[slug]/months/[month]/route';
import { testDb } from '../support/db';

async function ownerWithOrg() {
  const owner = await makeUser(testDb());
  const org = await makeOrganization(testDb(), owner);
  return { owner: callerOf(owner), org };
}

function call(token: string, url: string, init: RequestInit = {}) {
  return new Request(`http://localhost${url}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
}

const params = <P>(value: P) => ({ params: Promise.resolve(value) });

describe('API tokens', () => {
  it('are shown once and stored only as a sha256 hash with a short prefix', async () => {
    const { owner, org } = await ownerWithOrg();
    const { token, summary } = await createApiToken(owner, org.slug, { name: 'Zapier', scope: 'WRITE' });
    expect(token).toMatch(/^tnr_[A-Za-z0-9_-]{43}$/);
    const stored = await testDb().apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(token.startsWith(stored.tokenPrefix)).toBe(true);
    expect(stored.tokenPrefix.length).toBeLessThan(16);
    const listed = await listApiTokens(owner, org.slug);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(stored.tokenHash);
    const audit = await testDb().auditEntry.findFirst({ where: { organizationId: org.id, action: 'apiToken.create' } });
    expect(JSON.stringify(audit)).not.toContain(token.slice(10));
  });

  it('can only be created, listed and revoked by owners', async () => {
    const { org } = await ownerWithOrg();
    const editor = await addMember(testDb(), org.id, 'EDITOR');
    await expect(createApiToken(callerOf(editor.user), org.slug, { name: 'x', scope: 'READ' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listApiTokens(callerOf(editor.user), org.slug)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await testDb().apiToken.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it('authenticate until revoked, then get 401; last use is recorded', async () => {
    const { owner, org } = await ownerWithOrg();
    const { token, summary } = await createApiToken(owner, org.slug, { name: 'CRM', scope: 'READ' });
    const ok = await listCollection(call(token, `/api/v1/orgs/${org.slug}/deals`), params({ slug: org.slug, collection: 'deals' }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: [], nextCursor: null });
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt).not.toBeNull();

    await revokeApiToken(owner, org.slug, summary.id);
    expect(await authenticateBearer(call(token, '/'))).toBeNull();
    const refused = await listCollection(call(token, `/api/v1/orgs/${org.slug}/deals`), params({ slug: org.slug, collection: 'deals' }));
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('UNAUTHENTICATED');
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    const audit = await testDb().auditEntry.count({ where: { organizationId: org.id, action: 'apiToken.revoke' } });
    expect(audit).toBe(1);
  });

  it('record last use at most once a minute', async () => {
    const { owner, org } = await ownerWithOrg();
    const { token, summary } = await createApiToken(owner, org.slug, { name: 'busy', scope: 'READ' });
    const principal = await authenticateBearer(call(token, '/'));
    expect(principal).toEqual({ kind: 'token', tokenId: summary.id, organizationId: org.id, scope: 'READ', name: 'busy' });
    const first = (await testDb().apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt;
    await authenticateBearer(call(token, '/'));
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt).toEqual(first);
    await testDb().apiToken.update({ where: { id: summary.id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await authenticateBearer(call(token, '/'));
    const later = (await testDb().apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt!;
    expect(Date.now() - later.getTime()).toBeLessThan(10_000);
  });

  it('rejects an unknown or malformed token with 401', async () => {
    const { org } = await ownerWithOrg();
    for (const token of ['tnr_not-a-real-token', 'abc']) {
      const response = await listCollection(call(token, `/api/v1/orgs/${org.slug}/deals`), params({ slug: org.slug, collection: 'deals' }));
      expect(response.status).toBe(401);
    }
  });

  it('slow down an address that keeps sending invalid tokens (429 with Retry-After)', async () => {
    const { org } = await ownerWithOrg();
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    await testDb().rateLimitBucket.upsert({
      where: { key: `api:bad-token:${ip}` },
      create: { key: `api:bad-token:${ip}`, count: 30, windowStart: new Date(), expiresAt: new Date(Date.now() + 30_000) },
      update: { count: 30, expiresAt: new Date(Date.now() + 30_000) },
    });
    const response = await listCollection(call('tnr_guess', `/api/v1/orgs/${org.slug}/deals`, { headers: { 'x-forwarded-for': ip } }), params({ slug: org.slug, collection: 'deals' }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('reach only their own organisation: another one is 404', async () => {
    const a = await ownerWithOrg();
    const b = await ownerWithOrg();
    const { token } = await createApiToken(a.owner, a.org.slug, { name: 'A', scope: 'WRITE' });
    const response = await listCollection(call(token, `/api/v1/orgs/${b.org.slug}/accounts`), params({ slug: b.org.slug, collection: 'accounts' }));
    expect(response.status).toBe(404);
    const write = await putMonth(call(token, `/api/v1/orgs/${b.org.slug}/months/2026-01`, { method: 'PUT', body: '{}' }), params({ slug: b.org.slug, month: '2026-01' }));
    expect(write.status).toBe(404);
  });

  it('with READ scope cannot write: 403 and nothing written', async () => {
    const { owner, org } = await ownerWithOrg();
    const { token } = await createApiToken(owner, org.slug, { name: 'Board', scope: 'READ' });
    const body = JSON.stringify({ name: 'Alice', startDate: '2025-01-01' });
    const response = await postCollection(call(token, `/api/v1/orgs/${org.slug}/csms`, { method: 'POST', body }), params({ slug: org.slug, collection: 'csms' }));
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('FORBIDDEN');
    expect(await testDb().csm.count({ where: { organizationId: org.id } })).toBe(0);
  });
});
