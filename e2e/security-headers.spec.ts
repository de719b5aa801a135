import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eDb, seedOrganization } from './security/fixtures';
import { SESSION_COOKIE, sessionCookie, signedInContext, signInWith } from './security/session';

/**
 * Headers and cookies as a browser receives them from the production build, session lifetime
 * (rotation at sign-in, revocation at sign-out and on removal) and cross-site requests.
 */
test('pages, route handlers and the board carry the security headers; HSTS only over HTTPS', async ({ request }) => {
  const a = await seedOrganization(e2eDb(), 'headers');
  for (const url of ['/sign-in', '/api/health', '/api/v1/openapi.json', `/board/${a.links.live.token}`]) {
    const headers = (await request.get(url)).headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options'], url).toBe('DENY');
    expect(headers['strict-transport-security'], url).toBeUndefined();
    expect(headers['x-powered-by'], url).toBeUndefined();
    const overHttps = (await request.get(url, { headers: { 'x-forwarded-proto': 'https' } })).headers();
    expect(overHttps['strict-transport-security'], url).toMatch(/max-age=\d{7,}/);
  }
  // The board's token is in its URL: the page asks browsers not to send it on as a Referer.
  const board = await (await request.get(`/board/${a.links.live.token}`)).text();
  expect(board).toMatch(/<meta name="referrer" content="no-referrer"/);
});

test('the session cookie is HttpOnly and SameSite=Lax, and a new value is issued at every sign-in', async ({ playwright, baseURL }) => {
  const a = await seedOrganization(e2eDb(), 'cookies');
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': '10.99.0.1' } });
  // A value planted before sign-in (session fixation) is replaced, never adopted.
  await context.storageState();
  const planted = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { 'x-forwarded-for': '10.99.0.2' },
    storageState: { cookies: [{ name: SESSION_COOKIE, value: 'planted-by-attacker', domain: 'localhost', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] },
  });
  const fromPlanted = await signInWith(planted, a.owner.email);
  expect(fromPlanted.value).not.toBe('planted-by-attacker');

  const first = await signInWith(context, a.owner.email);
  expect(first.httpOnly).toBe(true);
  expect(first.sameSite).toBe('Lax');
  expect(first.path).toBe('/');
  // Over plain HTTP (NEXTAUTH_URL http://…) next-auth cannot mark it Secure; over HTTPS it names it
  // __Secure-next-auth.session-token with Secure (useSecureCookies follows NEXTAUTH_URL).
  expect(first.secure).toBe(false);
  const second = await signInWith(context, a.owner.email);
  expect(second.value).not.toBe(first.value);
  expect(second.value).not.toBe(fromPlanted.value);
  await context.dispose();
  await planted.dispose();
});

test('signing out ends the session everywhere: a copy of the old cookie no longer works', async ({ playwright, baseURL }) => {
  const a = await seedOrganization(e2eDb(), 'signout');
  const browser = await signedInContext(playwright, baseURL!, a.editor.user.email);
  const stolen = await playwright.request.newContext({ baseURL, storageState: await browser.storageState() });
  expect((await stolen.get(`/api/orgs/${a.org.slug}/metrics`)).status()).toBe(200);

  const { csrfToken } = (await (await browser.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signOut = await browser.post('/api/auth/signout', { form: { csrfToken, json: 'true' } });
  expect(signOut.status()).toBe(200);
  expect(await sessionCookie(browser)).toBeUndefined();

  // The copy still carries a validly signed cookie, but its session version is behind the user's.
  expect((await stolen.get(`/api/orgs/${a.org.slug}/metrics`)).status()).toBe(401);
  expect((await stolen.get(`/api/v1/orgs/${a.org.slug}/accounts`)).status()).toBe(401);
  const page = await stolen.get(`/orgs/${a.org.slug}`, { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()['location']).toContain('/sign-in');
  await browser.dispose();
  await stolen.dispose();
});

test('a removed member loses access on their very next request', async ({ playwright, baseURL }) => {
  const db = e2eDb();
  const a = await seedOrganization(db, 'removal');
  const viewer = await signedInContext(playwright, baseURL!, a.viewer.user.email);
  expect((await viewer.get(`/orgs/${a.org.slug}`, { maxRedirects: 0 })).status()).toBe(200);
  expect((await viewer.get(`/api/v1/orgs/${a.org.slug}/accounts`)).status()).toBe(200);
  await db.membership.delete({ where: { id: a.viewer.membershipId } });
  expect((await viewer.get(`/orgs/${a.org.slug}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await viewer.get(`/api/orgs/${a.org.slug}/metrics`)).status()).toBe(404);
  expect((await viewer.get(`/api/v1/orgs/${a.org.slug}/accounts`)).status()).toBe(404);
  await viewer.dispose();
});

/** The id Next gave a server action in this build (server-reference-manifest.json). */
function serverActionId(exportName: string): string {
  const dist = path.resolve(process.env.NEXT_DIST_DIR ?? '.next');
  const manifest = JSON.parse(readFileSync(path.join(dist, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportName);
  if (!entry) throw new Error(`No server action ${exportName} in ${dist}`);
  return entry[0];
}

test('cross-site requests are refused: server actions and session writes to /api/v1 with a foreign Origin', async ({ playwright, baseURL }) => {
  const db = e2eDb();
  const a = await seedOrganization(db, 'csrf');
  const owner = await signedInContext(playwright, baseURL!, a.owner.email);
  const origin = new URL(baseURL!).origin;

  // /api/v1 with the session cookie: a foreign Origin, or a body a cross-site form can send, is 403.
  const account = { name: 'Forged', startDate: '2025-01-01', mrr: '1' };
  const forged = await owner.post(`/api/v1/orgs/${a.org.slug}/accounts`, { data: account, headers: { origin: 'https://evil.example' } });
  expect(forged.status()).toBe(403);
  const asForm = await owner.post(`/api/v1/orgs/${a.org.slug}/accounts`, { form: account, headers: { origin } });
  expect(asForm.status()).toBe(403);
  const asText = await owner.post(`/api/v1/orgs/${a.org.slug}/accounts`, { data: JSON.stringify(account), headers: { 'content-type': 'text/plain', origin } });
  expect(asText.status()).toBe(403);
  expect(await db.account.count({ where: { organizationId: a.org.id, name: 'Forged' } })).toBe(0);
  const sameSite = await owner.post(`/api/v1/orgs/${a.org.slug}/accounts`, { data: { ...account, name: 'Legit' }, headers: { origin } });
  expect(sameSite.status()).toBe(201);

  // A server action (the language switch: it writes the user's preference) from another origin.
  const actionId = serverActionId('setLocaleAction');
  const send = (from: string, locale: string) =>
    owner.post(`/invite/${a.invitationToken}`, { data: JSON.stringify([locale]), headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', origin: from, accept: 'text/x-component' }, maxRedirects: 0 });
  const crossSite = await send('https://evil.example', 'fr');
  // proxy.ts answers before Next's own check (which answered 500): a clean 403 with a short body.
  expect(crossSite.status(), 'a cross-site server action').toBe(403);
  expect(await crossSite.text()).toMatch(/^Cross-site request refused/);
  expect((await db.user.findUniqueOrThrow({ where: { id: a.owner.id }, select: { locale: true } })).locale).toBeNull();
  const legit = await send(origin, 'fr');
  expect(legit.status()).toBeLessThan(400);
  expect((await db.user.findUniqueOrThrow({ where: { id: a.owner.id }, select: { locale: true } })).locale).toBe('fr');
  console.log(`[security] cross-site: server action from a foreign origin answered ${crossSite.status()}`);
  await owner.dispose();
});
