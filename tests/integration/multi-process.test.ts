import { existsSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTORY_PASSWORD, makeOrganization, makeUser } from '@/lib/seed/factories';
import { appDir, cookieHeader, distDir, signInOverHttp, startServer, type Jar, type RunningServer } from '@/bench/server';
import { hashPassword } from '@/lib/auth/password';
import { hashShareToken } from '@/lib/data/share-links';
import { API_RATE_LIMIT } from '@/lib/api/limits';
import { builtActions, callAction } from '../support/server-actions';
import { testDb } from '../support/db';

/**
 * Two production servers (`next start`, one build) on one PostgreSQL with one NEXTAUTH_SECRET,
 * as behind a load balancer: nothing another process needs may live in process memory. Needs a
 * production build in NEXT_DIST_DIR (default .next: `npm test` builds before the integration suite)
 * of the app in BENCH_APP_DIR (default: this checkout); without one the suite fails and says so.
 */
process.env.NEXT_DIST_DIR ??= '.next';
const built = existsSync(path.join(appDir(), distDir(), 'BUILD_ID'));
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const basePort = Number(process.env.TENURE_MULTI_PROCESS_PORT ?? 3336);

const signIn = (server: RunningServer, jar: Jar, email: string, password: string, ip: string) => signInOverHttp(server.url, jar, email, password, ip);

/** The monthly expansion attributable to CS, per month, from the REST API (computed, and cached, by the engine). */
async function metricsOf(server: RunningServer, jar: Jar, slug: string): Promise<Record<string, string | null>> {
  const response = await fetch(`${server.url}/api/v1/orgs/${slug}/metrics?from=2026-01&to=2026-03`, { headers: { cookie: cookieHeader(jar) } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { months: { month: string; metrics: Record<string, { value: string | null }> }[] };
  return Object.fromEntries(body.months.map((m) => [m.month, m.metrics.expansionAttributable?.value ?? null]));
}

describe('two app processes on one database', () => {
  const servers: RunningServer[] = [];
  let slug = '';
  let email = '';
  let victimEmail = '';

  beforeAll(async () => {
    if (!built) throw new Error(`No production build in ${path.join(appDir(), distDir())}: run \`npm run build\` first (npm test does).`);
    const prisma = testDb();
    const owner = await makeUser(prisma);
    const victim = await makeUser(prisma);
    const org = await makeOrganization(prisma, owner);
    for (const month of ['2026-01', '2026-02', '2026-03']) {
      await prisma.monthlyReport.create({ data: { organizationId: org.id, month: d(`${month}-01`), startArr: 1_000_000, startCustomers: 100, csmFte: 2, loadedSalaries: 10_000 } });
    }
    await prisma.account.create({ data: { organizationId: org.id, externalId: 'acme', name: 'Acme', startDate: d('2025-01-01'), mrr: 1000 } });
    slug = org.slug;
    email = owner.email;
    victimEmail = victim.email;
    const secret = randomBytes(32).toString('base64url');
    const started = await Promise.all([0, 1].map((i) => startServer(process.env.DATABASE_URL!, basePort + i, secret)));
    servers.push(...started);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it('signs in on one process and acts on the other', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const jar: Jar = new Map();
    expect(await signIn(a, jar, email, FACTORY_PASSWORD, '10.1.0.1')).toBe(true);
    const session = (await (await fetch(`${b.url}/api/auth/session`, { headers: { cookie: cookieHeader(jar) } })).json()) as { user?: { email?: string } };
    expect(session.user?.email).toBe(email);
    const page = await fetch(`${b.url}/orgs/${slug}`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
    expect(page.status).toBe(200);
  }, 60_000);

  it('counts a rate limit across both processes', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const ip = `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    // 10 wrong passwords per account and 15 minutes, alternating between the processes…
    for (let i = 0; i < 10; i += 1) expect(await signIn(i % 2 ? b : a, new Map(), victimEmail, 'wrong password', ip)).toBe(false);
    // … and the right one is refused by either: the count lives in PostgreSQL.
    expect(await signIn(a, new Map(), victimEmail, FACTORY_PASSWORD, ip)).toBe(false);
    expect(await signIn(b, new Map(), victimEmail, FACTORY_PASSWORD, ip)).toBe(false);
    const [bucket] = await testDb().$queryRaw<{ count: number }[]>`SELECT "count" FROM "RateLimitBucket" WHERE "key" = ${`sign-in:account:${victimEmail}`}`;
    expect(bucket?.count).toBe(12);
  }, 60_000);

  it('invalidates the cached metrics of both processes when one of them writes', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const jar: Jar = new Map();
    expect(await signIn(b, jar, email, FACTORY_PASSWORD, '10.3.0.1')).toBe(true);
    // Both processes compute and cache the figures.
    const before = [await metricsOf(a, jar, slug), await metricsOf(b, jar, slug)];
    expect(before[0]).toEqual(before[1]);
    expect(await metricsOf(a, jar, slug)).toEqual(before[0]);
    // A write through process A (the REST API with the session) …
    const created = await fetch(`${a.url}/api/v1/orgs/${slug}/deals`, {
      method: 'POST',
      headers: { cookie: cookieHeader(jar), 'content-type': 'application/json' },
      body: JSON.stringify({ accountExternalId: 'acme', date: '2026-02-10', type: 'UPSELL', arrAdded: '1234', attribution: 'CS_SOURCED' }),
    });
    expect(created.status).toBe(201);
    // … is seen by the very next read on B, and on A.
    const afterB = await metricsOf(b, jar, slug);
    const afterA = await metricsOf(a, jar, slug);
    expect(afterB).not.toEqual(before[1]);
    expect(afterA).toEqual(afterB);
    expect(afterB['2026-02']).toBe('1234');
  }, 60_000);

  it('counts sign-in attempts per address across both processes', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const ip = `10.4.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    // 50 failed sign-ins from one address (any accounts) per 15 minutes, split between the processes…
    await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(i % 2 ? b : a, new Map(), `nobody-${i}@example.test`, 'wrong password', ip)));
    // … then a real account with its right password is refused from that address, on either.
    expect(await signIn(a, new Map(), email, FACTORY_PASSWORD, ip)).toBe(false);
    expect(await signIn(b, new Map(), email, FACTORY_PASSWORD, ip)).toBe(false);
    // From another address it still works.
    expect(await signIn(b, new Map(), email, FACTORY_PASSWORD, `10.5.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`)).toBe(true);
  }, 60_000);

  it('counts wrong board-link passwords across both processes', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const token = randomBytes(32).toString('base64url');
    const org = await testDb().organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await testDb().shareLink.create({ data: { organizationId: org.id, target: 'DASHBOARD', label: 'Locked', tokenHash: hashShareToken(token), passwordHash: await hashPassword('the right one 42') } });
    const unlock = builtActions().get('unlockBoardAction')!;
    const attempt = (server: RunningServer, password: string) => {
      const form = new FormData();
      form.set('password', password);
      return callAction({ baseUrl: server.url, action: unlock, page: `/board/${token}`, args: [token, null, form] });
    };
    // 5 wrong passwords per link and 15 minutes, alternating between the processes…
    for (let i = 0; i < 5; i += 1) expect(JSON.stringify((await attempt(i % 2 ? b : a, 'wrong')).value)).toContain('Wrong password');
    // … then even the right one is refused, by either process: the count lives in PostgreSQL.
    for (const server of [a, b]) expect(JSON.stringify((await attempt(server, 'the right one 42')).value)).toContain('Too many attempts');
  }, 60_000);

  it('counts an API token’s requests across both processes, and answers 429 with Retry-After', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const org = await testDb().organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const token = `tnr_${randomBytes(32).toString('base64url')}`;
    await testDb().apiToken.create({ data: { organizationId: org.id, name: 'two processes', scope: 'READ', tokenHash: createHash('sha256').update(token).digest('hex'), tokenPrefix: token.slice(0, 10) } });
    const read = (server: RunningServer) => fetch(`${server.url}/api/v1/orgs/${slug}/csms?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    // The limit's worth of requests, half on each process, in batches…
    for (let sent = 0; sent < API_RATE_LIMIT.limit; sent += 50) {
      const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => read(i % 2 ? b : a).then((r) => r.status)));
      expect(statuses.every((status) => status === 200)).toBe(true);
    }
    // … and the next one is refused by either, saying when to retry.
    for (const server of [a, b]) {
      const refused = await read(server);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  }, 120_000);
});
