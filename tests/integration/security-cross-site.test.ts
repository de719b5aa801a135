import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, makeOrganization, makeUser } from '@/lib/seed/factories';
import { signInCookie, startAppServer, type AppServer } from '../support/app-server';
import { orgChecksum } from '../support/faults/org-checksum';
import { builtActions, callAction, errorCodesByMessage, outcomeOf } from '../support/server-actions';
import { testDb } from '../support/db';

/**
 * Cross-site requests against the production server: proxy.ts answers 403 to every server action
 * and every cookie-authenticated API write whose Origin is not this site (Next alone answered 500),
 * lets bearer-token API calls and same-site requests through (also behind a reverse proxy), and
 * keeps sending signed-out visitors of /orgs to sign-in.
 */
let server: AppServer;
let slug: string;
let organizationId: string;
let cookie: string;
let token: string;
const codes = errorCodesByMessage();

beforeAll(async () => {
  server = await startAppServer();
  const owner = await makeUser(testDb());
  const org = await makeOrganization(testDb(), owner);
  ({ slug, id: organizationId } = org);
  cookie = await signInCookie(server, owner.email, FACTORY_PASSWORD);
  token = `tnr_${randomBytes(32).toString('base64url')}`;
  await testDb().apiToken.create({ data: { organizationId, name: 'cross-site', scope: 'WRITE', tokenHash: createHash('sha256').update(token).digest('hex'), tokenPrefix: token.slice(0, 10) } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const FOREIGN: Array<[string, Record<string, string>]> = [
  ['another site', { origin: 'https://evil.example' }],
  ['a look-alike host', { origin: 'http://127.0.0.1.evil.example' }],
  ['the same host on another port', { origin: 'http://127.0.0.1:1' }],
  ['an opaque origin', { origin: 'null' }],
  ['no Origin but Sec-Fetch-Site: cross-site', { origin: '', 'sec-fetch-site': 'cross-site' }],
];

describe('cross-site server actions', () => {
  it('every action posted from another site is a 403 with a short body, and nothing changes', async () => {
    const failures: string[] = [];
    let checks = 0;
    const before = await orgChecksum(testDb(), organizationId);
    for (const action of builtActions().values()) {
      for (const [label, headers] of FOREIGN) {
        const page = action.pages[0]!.replace('[slug]', slug).replace(/\[\w+\]/g, 'x');
        // The owner's own cookie and a valid-looking argument list: only the origin is wrong.
        const answer = await callAction({ baseUrl: server.url, action, page, args: [slug, null, new FormData()], cookie, headers });
        checks += 1;
        if (answer.status !== 403 || outcomeOf(answer, codes) !== 'xs' || answer.text.length > 200) failures.push(`${action.name} from ${label}: ${answer.status} ${answer.text.slice(0, 100)}`);
      }
    }
    console.log(`[security] cross-site: ${checks} forged action posts, ${failures.length} not refused with 403`);
    expect(failures).toEqual([]);
    expect(await orgChecksum(testDb(), organizationId)).toEqual(before);
  }, 120_000);

  it('a same-site action goes through, directly and behind a TLS-terminating reverse proxy', async () => {
    const action = builtActions().get('createShareLinkAction')!;
    const form = new FormData();
    form.append('label', 'same site');
    const args = [slug, null, form];
    const direct = await callAction({ baseUrl: server.url, action, page: `/orgs/${slug}/sharing`, args, cookie });
    expect(outcomeOf(direct, codes)).toBe('ok');
    // nginx passes Host through; a proxy that rewrites it says X-Forwarded-Host. Either way the browser's origin is https://tenure.example.
    const proxied = { origin: 'https://tenure.example', 'x-forwarded-host': 'tenure.example', 'x-forwarded-proto': 'https' };
    expect(outcomeOf(await callAction({ baseUrl: server.url, action, page: `/orgs/${slug}/sharing`, args, cookie, headers: proxied }), codes)).toBe('ok');
    // The right host over the wrong scheme, or the backend's own address, is another origin.
    expect(outcomeOf(await callAction({ baseUrl: server.url, action, page: `/orgs/${slug}/sharing`, args, cookie, headers: { ...proxied, origin: 'http://tenure.example' } }), codes)).toBe('xs');
    expect(outcomeOf(await callAction({ baseUrl: server.url, action, page: `/orgs/${slug}/sharing`, args, cookie, headers: { ...proxied, origin: server.url } }), codes)).toBe('xs');
  });
});

describe('malformed server action bodies', () => {
  it('a body that is not React’s encoding is a 400 from the proxy (Next’s decoder answered 500), and nothing changes', async () => {
    const action = builtActions().get('createShareLinkAction')!;
    const before = await orgChecksum(testDb(), organizationId);
    const bodies: Array<[string, BodyInit, string | undefined]> = [
      ['not JSON', 'garbage', 'text/plain;charset=UTF-8'],
      ['a reference to a part that does not exist', '["$Q1"]', 'text/plain;charset=UTF-8'],
      ['an object, not an argument list', '{"a":1}', 'text/plain;charset=UTF-8'],
      ['a broken multipart body', '--x\r\nnope', 'multipart/form-data; boundary=x'],
    ];
    for (const [label, body, contentType] of bodies) {
      const response = await fetch(`${server.url}/orgs/${slug}/sharing`, {
        method: 'POST',
        body,
        headers: { 'next-action': action.id, origin: server.url, cookie, ...(contentType ? { 'content-type': contentType } : {}) },
      });
      expect(response.status, label).toBe(400);
      expect(await response.text(), label).toContain('Malformed server action request');
    }
    expect(await orgChecksum(testDb(), organizationId)).toEqual(before);
  });
});

describe('cross-site route handlers', () => {
  const account = JSON.stringify({ name: 'Cross-site', startDate: '2025-01-01', mrr: '1' });

  it('a cookie-authenticated API write from another site is a 403 in the API error shape', async () => {
    const before = await orgChecksum(testDb(), organizationId);
    for (const [label, headers] of FOREIGN) {
      const response = await fetch(`${server.url}/api/v1/orgs/${slug}/accounts`, { method: 'POST', body: account, headers: { 'content-type': 'application/json', cookie, ...headers } });
      expect(response.status, label).toBe(403);
      expect(await response.json(), label).toMatchObject({ error: { code: 'CROSS_SITE' } });
    }
    // next-auth's own endpoints too (a forged sign-in or sign-out).
    const signOut = await fetch(`${server.url}/api/auth/signout`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: 'https://evil.example' }, body: 'csrfToken=x' });
    expect(signOut.status).toBe(403);
    expect(await orgChecksum(testDb(), organizationId)).toEqual(before);
  });

  it('bearer-token calls are not the browser’s: any Origin is fine; a same-site cookie write still works', async () => {
    const bearer = await fetch(`${server.url}/api/v1/orgs/${slug}/accounts`, { method: 'POST', body: account, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: 'https://integrations.example' } });
    expect(bearer.status).toBe(201);
    const sameSite = await fetch(`${server.url}/api/v1/orgs/${slug}/csms`, { method: 'POST', body: JSON.stringify({ name: 'Same site', startDate: '2025-01-01' }), headers: { 'content-type': 'application/json', cookie, origin: server.url } });
    expect(sameSite.status).toBe(201);
    // Reads are never refused, whatever their Origin.
    const read = await fetch(`${server.url}/api/orgs/${slug}/metrics`, { headers: { cookie, origin: 'https://evil.example' } });
    expect(read.status).toBe(200);
  });
});

describe('the signed-in area is unchanged', () => {
  it('signed-out visitors of /orgs pages go to sign-in with a way back; members get their page', async () => {
    for (const path of ['/orgs', `/orgs/${slug}`, `/orgs/${slug}/settings`]) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(307);
      const location = new URL(response.headers.get('location')!, server.url);
      expect(location.pathname, path).toBe('/sign-in');
      expect(new URL(location.searchParams.get('callbackUrl')!, server.url).pathname, path).toBe(path);
    }
    expect((await fetch(`${server.url}/orgs/${slug}`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    // Public pages and API reads stay public.
    expect((await fetch(`${server.url}/sign-in`, { redirect: 'manual' })).status).toBe(200);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
