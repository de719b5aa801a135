import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { e2eDb, MONTH, seedOrganization, sha256, type OrgFixture } from './security/fixtures';
import { discoverRoutes } from './security/routes';
import { signedInContext } from './security/session';
import { FACTORY_PASSWORD } from './security/fixtures';
import { signIn } from './support';

/**
 * Who gets what, for every page and route handler found on disk. Each row is declared once; a
 * route found under app/ without a row fails the test with its name.
 *
 * Outcomes: 200 | 2xx (200/201/204) | 401 | 403 | 404 | `in` (redirect to sign-in) | `go` (a
 * redirect elsewhere: the signed-in home, or next-auth's CSRF page).
 *
 * Callers: anon (signed out) · view/edit/own (viewer, editor, owner of organisation A) · out (owner
 * of organisation B) · tR/tW/tX (A's read, write and revoked API tokens) · tB (B's write token) ·
 * lL/lE/lX (holder of A's live, expired and revoked dashboard share link, signed out) · lS (holder
 * of a live link to one of A's board-pack snapshots, signed out). Share links only open
 * /board/{token} (and a snapshot link its PDF, /board/{token}/pdf); a link holder is otherwise a
 * signed-out visitor.
 */
const CALLERS = ['anon', 'view', 'edit', 'own', 'out', 'tR', 'tW', 'tX', 'tB', 'lL', 'lE', 'lX', 'lS'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = '200' | '2xx' | '401' | '403' | '404' | 'in' | 'go';

//                                                        anon  view  edit  own   out   tR    tW    tX    tB    lL    lE    lX    lS
const MATRIX: Record<string, string> = {
  'GET /':                                               'in    go    go    go    go    in    in    in    in    in    in    in    in',
  'GET /sign-in':                                        '200   go    go    go    go    200   200   200   200   200   200   200   200',
  'GET /sign-up':                                        '200   go    go    go    go    200   200   200   200   200   200   200   200',
  'GET /invite/[token]':                                 '200   200   200   200   200   200   200   200   200   200   200   200   200',
  'GET /board/[token]':                                  '200   200   200   200   200   200   200   200   200   200   404   404   200',
  // The PDF of a snapshot link: only the snapshot link's holder gets it (the others hold a dashboard link).
  'GET /board/[token]/pdf':                              '404   404   404   404   404   404   404   404   404   404   404   404   200',
  'GET /orgs':                                           'in    go    go    go    go    in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]':                                    'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/accounts':                           'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/audit':                              'in    404   404   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/board-packs':                        'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/board-packs/[id]':                   'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/deals':                              'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/import':                             'in    404   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/months':                             'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/months/[month]':                     'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/settings':                           'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/settings/api-docs':                  'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/settings/api-tokens':                'in    404   404   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/sharing':                            'in    404   404   200   404   in    in    in    in    in    in    in    in',
  'GET /orgs/[slug]/team':                               'in    200   200   200   404   in    in    in    in    in    in    in    in',
  'GET /api/auth/[...nextauth]':                         '200   200   200   200   200   200   200   200   200   200   200   200   200',
  'POST /api/auth/[...nextauth]':                        'go    go    go    go    go    go    go    go    go    go    go    go    go',
  'GET /api/health':                                     '200   200   200   200   200   200   200   200   200   200   200   200   200',
  'GET /api/orgs/[slug]/board-pack.pdf':                 '404   200   200   200   404   404   404   404   404   404   404   404   404',
  'GET /api/orgs/[slug]/board-packs/[id]/pdf':           '404   200   200   200   404   404   404   404   404   404   404   404   404',
  'GET /api/orgs/[slug]/export.zip':                     '401   403   403   200   404   401   401   401   401   401   401   401   401',
  'GET /api/orgs/[slug]/export/[kind]':                  '401   200   200   200   404   401   401   401   401   401   401   401   401',
  'GET /api/orgs/[slug]/metrics':                        '401   200   200   200   404   401   401   401   401   401   401   401   401',
  'GET /api/orgs/[slug]/templates/[kind]':               '401   200   200   200   404   401   401   401   401   401   401   401   401',
  'GET /api/v1/openapi.json':                            '200   200   200   200   200   200   200   200   200   200   200   200   200',
  'GET /api/v1/orgs/[slug]/[collection]':                '401   200   200   200   404   200   200   401   404   401   401   401   401',
  'POST /api/v1/orgs/[slug]/[collection]':               '401   403   2xx   2xx   404   403   2xx   401   404   401   401   401   401',
  'PUT /api/v1/orgs/[slug]/[collection]/[id]':           '401   403   2xx   2xx   404   403   2xx   401   404   401   401   401   401',
  'PATCH /api/v1/orgs/[slug]/[collection]/[id]':         '401   403   2xx   2xx   404   403   2xx   401   404   401   401   401   401',
  'DELETE /api/v1/orgs/[slug]/[collection]/[id]':        '401   403   2xx   2xx   404   403   2xx   401   404   401   401   401   401',
  'POST /api/v1/orgs/[slug]/imports/[kind]':             '401   403   200   200   404   403   200   401   404   401   401   401   401',
  'GET /api/v1/orgs/[slug]/metrics':                     '401   200   200   200   404   200   200   401   404   401   401   401   401',
  'GET /api/v1/orgs/[slug]/months':                      '401   200   200   200   404   200   200   401   404   401   401   401   401',
  'GET /api/v1/orgs/[slug]/months/[month]':              '401   200   200   200   404   200   200   401   404   401   401   401   401',
  'PUT /api/v1/orgs/[slug]/months/[month]':              '401   403   200   200   404   403   200   401   404   401   401   401   401',
};

function expectedRow(key: string): Record<Caller, Outcome> {
  const cells = MATRIX[key]!.trim().split(/\s+/);
  expect(cells, `row ${key}`).toHaveLength(CALLERS.length);
  return Object.fromEntries(CALLERS.map((c, i) => [c, cells[i] as Outcome])) as Record<Caller, Outcome>;
}

function outcomeOf(response: APIResponse): string {
  const status = response.status();
  if (status >= 300 && status < 400) return /\/sign-in(\?|$)/.test(response.headers()['location'] ?? '') ? 'in' : 'go';
  return String(status);
}

const matches = (expected: Outcome, actual: string) => expected === actual || (expected === '2xx' && /^2\d\d$/.test(actual));

type Request = { path: string; body?: unknown };

/** The token of a live link to A's snapshot, made once the snapshot exists (in the test). */
let snapshotLinkToken = '';

/** The concrete request a caller sends for a route: A's fixtures in every parameter. */
async function requestFor(method: string, pattern: string, caller: Caller, a: OrgFixture): Promise<Request> {
  const link = caller === 'lS' ? { token: snapshotLinkToken } : caller === 'lE' ? a.links.expired : caller === 'lX' ? a.links.revoked : a.links.live;
  let collection = 'accounts';
  let id = pattern.includes('board-packs') ? a.ids.snapshot : a.ids.account;
  if (pattern === '/api/v1/orgs/[slug]/[collection]/[id]' && method === 'DELETE') {
    // Each DELETE removes a row of its own, so the other checks keep their fixtures.
    collection = 'csms';
    id = (await e2eDb().csm.create({ data: { organizationId: a.org.id, name: 'Disposable', startDate: new Date('2025-01-01') }, select: { id: true } })).id;
  }
  const path = pattern
    .replace('[slug]', a.org.slug)
    .replace('[month]', MONTH)
    .replace('[...nextauth]', method === 'GET' ? 'session' : 'signout')
    .replace('[collection]', collection)
    .replace('[kind]', 'accounts')
    .replace('[id]', id)
    .replace('[token]', pattern.startsWith('/invite') ? a.invitationToken : link.token);
  const account = { externalId: `acc-matrix-${caller}`, name: `Matrix ${caller}`, startDate: '2025-02-01', mrr: '100' };
  const bodies: Record<string, unknown> = {
    'POST /api/v1/orgs/[slug]/[collection]': account,
    'PUT /api/v1/orgs/[slug]/[collection]/[id]': { externalId: 'acc-A', name: 'A Account', startDate: '2025-01-15', mrr: '2500' },
    'PATCH /api/v1/orgs/[slug]/[collection]/[id]': { name: 'A Account' },
    'POST /api/v1/orgs/[slug]/imports/[kind]': { rows: [{ line: 1, values: { name: 'Imported', startDate: '2025-01-01', mrr: '10' } }] },
    'PUT /api/v1/orgs/[slug]/months/[month]': { csmFte: 2, loadedSalaries: 20000, toolsCost: 0, trainingCost: 0, otherDirectCost: 0, indirectManagementCost: 0, indirectInfrastructureCost: 0, indirectRecruitingCost: 0, startArr: 1000000, newBusinessArr: 0, startCustomers: 50, managedClients: 50 },
  };
  const suffix = pattern.endsWith('/imports/[kind]') ? '?dryRun=true' : '';
  return { path: path + suffix, body: bodies[`${method} ${pattern}`] };
}

test('every route × caller gets exactly the declared outcome', async ({ page, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const routes = discoverRoutes();
  const undeclared = routes.filter((r) => !(r.key in MATRIX)).map((r) => `${r.key} (${r.file})`);
  expect(undeclared, 'routes on disk without a row in MATRIX').toEqual([]);
  const stale = Object.keys(MATRIX).filter((k) => !routes.some((r) => r.key === k));
  expect(stale, 'rows in MATRIX for routes that no longer exist').toEqual([]);

  const db = e2eDb();
  const a = await seedOrganization(db, 'A');
  const b = await seedOrganization(db, 'B');
  // A real board pack (figures, inputs and PDF as the app stores them), taken through the UI.
  await signIn(page, a.owner.email, FACTORY_PASSWORD);
  await expect(page).toHaveURL(new RegExp(`/orgs/${a.org.slug}`));
  await page.goto(`/orgs/${a.org.slug}/board-packs`);
  await page.getByTestId('create-board-pack').click();
  await expect.poll(() => db.boardSnapshot.count({ where: { organizationId: a.org.id, createdById: a.owner.id } }), { timeout: 30_000 }).toBe(1);
  a.ids.snapshot = (await db.boardSnapshot.findFirstOrThrow({ where: { organizationId: a.org.id, createdById: a.owner.id }, select: { id: true } })).id;
  snapshotLinkToken = randomBytes(32).toString('base64url');
  await db.shareLink.create({ data: { organizationId: a.org.id, target: 'SNAPSHOT', snapshotId: a.ids.snapshot, label: 'Snapshot link', tokenHash: sha256(snapshotLinkToken), includeLeaderboard: false, includeDrafts: true } });
  const ip = () => `10.20.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const anonymous = () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ip() } });
  const bearer = (token: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip() } });
  const contexts: Record<Caller, APIRequestContext> = {
    anon: await anonymous(),
    view: await signedInContext(playwright, baseURL!, a.viewer.user.email),
    edit: await signedInContext(playwright, baseURL!, a.editor.user.email),
    own: await signedInContext(playwright, baseURL!, a.owner.email),
    out: await signedInContext(playwright, baseURL!, b.owner.email),
    tR: await bearer(a.tokens.read.token),
    tW: await bearer(a.tokens.write.token),
    tX: await bearer(a.tokens.revoked.token),
    tB: await bearer(b.tokens.write.token),
    lL: await anonymous(),
    lE: await anonymous(),
    lX: await anonymous(),
    lS: await anonymous(),
  };

  const failures: string[] = [];
  let checks = 0;
  for (const route of routes) {
    const expected = expectedRow(route.key);
    for (const caller of CALLERS) {
      const { path, body } = await requestFor(route.method, route.pattern, caller, a);
      const send = () => contexts[caller].fetch(path, { method: route.method, maxRedirects: 0, ...(body === undefined ? {} : { data: body }) });
      // A keep-alive socket the server closed while idle (slow PDF renders in between) resets: a GET
      // is safe to send again.
      const response = await send().catch((error: unknown) => {
        if (route.method === 'GET' && /ECONNRESET|socket hang up/.test(String(error))) return send();
        throw error;
      });
      const actual = outcomeOf(response);
      checks += 1;
      if (!matches(expected[caller], actual)) failures.push(`${route.key} as ${caller}: expected ${expected[caller]}, got ${actual} (${route.method} ${path})`);
      if (response.status() >= 500) failures.push(`${route.key} as ${caller}: server error ${response.status()}`);
      // Whatever the status, B's data never shows up in answers to A's routes.
      if (caller !== 'out' && caller !== 'tB') {
        const text = await response.text().catch(() => '');
        if (text.includes(b.org.name) || text.includes('B Account')) failures.push(`${route.key} as ${caller}: organisation B's data in the answer`);
      }
    }
  }
  console.log(`[security] access matrix: ${routes.length} routes × ${CALLERS.length} callers = ${checks} checks, ${failures.length} failures`);
  expect(failures).toEqual([]);
  for (const context of Object.values(contexts)) await context.dispose();
});

test("ids of another organisation in A's routes and payloads are always 404, never B's data", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const db = e2eDb();
  const a = await seedOrganization(db, 'A');
  const b = await seedOrganization(db, 'B');
  // A month only B has: A's routes must not find it.
  await db.monthlyReport.create({ data: { organizationId: b.org.id, month: new Date('2025-11-01'), startArr: 777_777 } });
  const owner = await signedInContext(playwright, baseURL!, a.owner.email);
  const token = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${a.tokens.write.token}` } });
  const slug = a.org.slug;
  const collections: Array<[string, string]> = [['accounts', b.ids.account], ['deals', b.ids.deal], ['churn-events', b.ids.churnEvent], ['saves', b.ids.save], ['csms', b.ids.csm]];
  const probes: Array<{ method: string; path: string; data?: unknown; expect?: number[]; sameAsUnknown?: boolean }> = [];
  for (const [collection, id] of collections) {
    probes.push({ method: 'GET', path: `/api/v1/orgs/${slug}/${collection}?cursor=${id}` , expect: [200, 400] });
    probes.push({ method: 'PATCH', path: `/api/v1/orgs/${slug}/${collection}/${id}`, data: { name: 'Hijack' } });
    probes.push({ method: 'DELETE', path: `/api/v1/orgs/${slug}/${collection}/${id}` });
  }
  // PUT with complete, valid bodies, so a 404 cannot be a validation answer in disguise.
  const event = { accountId: a.ids.account, date: `${MONTH}-12` };
  const fullBodies: Record<string, unknown> = {
    accounts: { name: 'Hijack', startDate: '2025-01-01', mrr: '1' },
    csms: { name: 'Hijack', startDate: '2025-01-01' },
    deals: { ...event, type: 'UPSELL', arrAdded: '10', attribution: 'CS_SOURCED' },
    saves: { ...event, arrSaved: '10' },
    'churn-events': { ...event, kind: 'FULL', arrLost: '10' },
  };
  for (const [collection, id] of collections) probes.push({ method: 'PUT', path: `/api/v1/orgs/${slug}/${collection}/${id}`, data: fullBodies[collection] });
  probes.push({ method: 'GET', path: `/api/v1/orgs/${slug}/months/2025-11` });
  // B's rows named in A's payloads: refused exactly as an id that exists nowhere (422, "does not
  // exist in your organisation"), so the answer cannot tell B's rows from random ids.
  const deal = { date: `${MONTH}-12`, type: 'UPSELL', arrAdded: '10', attribution: 'CS_SOURCED' };
  probes.push({ method: 'POST', path: `/api/v1/orgs/${slug}/deals`, data: { ...deal, accountId: b.ids.account }, expect: [422], sameAsUnknown: true });
  probes.push({ method: 'POST', path: `/api/v1/orgs/${slug}/deals`, data: { ...deal, accountExternalId: 'acc-B' }, expect: [422], sameAsUnknown: true });
  probes.push({ method: 'POST', path: `/api/v1/orgs/${slug}/deals`, data: { ...deal, accountId: a.ids.account, csmId: b.ids.csm }, expect: [422], sameAsUnknown: true });
  probes.push({ method: 'POST', path: `/api/v1/orgs/${slug}/saves`, data: { date: `${MONTH}-12`, arrSaved: '10', accountId: b.ids.account }, expect: [422], sameAsUnknown: true });
  probes.push({ method: 'POST', path: `/api/v1/orgs/${slug}/churn-events`, data: { date: `${MONTH}-12`, kind: 'FULL', arrLost: '10', accountId: b.ids.account }, expect: [422], sameAsUnknown: true });
  probes.push({ method: 'POST', path: `/api/v1/orgs/${slug}/accounts`, data: { name: 'X', startDate: '2025-01-01', mrr: '1', csmId: b.ids.csm }, expect: [422], sameAsUnknown: true });
  // B's snapshot under A's pages and routes; B's slug with A's token.
  probes.push({ method: 'GET', path: `/orgs/${slug}/board-packs/${b.ids.snapshot}` });
  probes.push({ method: 'GET', path: `/api/orgs/${slug}/board-packs/${b.ids.snapshot}/pdf` });
  probes.push({ method: 'GET', path: `/api/v1/orgs/${b.org.slug}/accounts` });
  probes.push({ method: 'PUT', path: `/api/v1/orgs/${b.org.slug}/months/${MONTH}`, data: { startArr: 1 } });

  const before = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Account" WHERE name = 'Hijack'`;
  const failures: string[] = [];
  let checks = 0;
  for (const probe of probes) {
    for (const [who, context] of [['owner', owner], ['token', token]] as const) {
      if (probe.path.startsWith('/orgs/') || probe.path.startsWith('/api/orgs/')) if (who === 'token') continue;
      const response = await context.fetch(probe.path, { method: probe.method, maxRedirects: 0, ...(probe.data === undefined ? {} : { data: probe.data }) });
      const text = await response.text();
      checks += 1;
      const allowed = probe.expect ?? [404];
      if (!allowed.includes(response.status())) failures.push(`${probe.method} ${probe.path} as ${who}: ${response.status()} ${text.slice(0, 200)}`);
      if (text.includes(b.org.name) || text.includes('B Account') || text.includes('777777')) failures.push(`${probe.method} ${probe.path} as ${who}: B's data in the answer`);
      if (probe.sameAsUnknown) {
        const unknown = JSON.parse(JSON.stringify(probe.data).replaceAll(b.ids.account, '00000000-0000-4000-8000-000000000001').replaceAll(b.ids.csm, '00000000-0000-4000-8000-000000000002').replaceAll('acc-B', 'acc-nowhere')) as unknown;
        const control = await context.fetch(probe.path, { method: probe.method, data: unknown });
        checks += 1;
        if (control.status() !== response.status() || (await control.text()) !== text) failures.push(`${probe.method} ${probe.path} as ${who}: B's id answered differently from an unknown id`);
      }
    }
  }
  const after = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Account" WHERE name = 'Hijack'`;
  expect(after[0]!.n).toBe(before[0]!.n);
  // B's rows are untouched: still there, still B's.
  expect(await db.account.count({ where: { id: b.ids.account, organizationId: b.org.id, name: 'B Account' } })).toBe(1);
  expect(await db.csm.count({ where: { id: b.ids.csm, organizationId: b.org.id } })).toBe(1);
  expect(await db.expansionDeal.count({ where: { accountId: b.ids.account, organizationId: a.org.id } })).toBe(0);
  console.log(`[security] foreign ids: ${checks} requests with organisation B's ids in A's routes and payloads, ${failures.length} leaks or wrong answers`);
  expect(failures).toEqual([]);
});
