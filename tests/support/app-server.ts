import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './faults/dedicated-postgres';

/**
 * The production build (`npm run build`, in .next) served by `next start` on the integration test
 * database, for tests that must go through HTTP as a browser does (server actions, the proxy). The
 * port is picked by the kernel unless TENURE_TEST_APP_PORT names one. Fails with a clear message
 * when there is no build: `npm test` builds before the integration suite.
 */
export type AppServer = { url: string; stop: () => Promise<void> };

export const BUILD_DIR = path.resolve('.next');
export const hasBuild = () => existsSync(path.join(BUILD_DIR, 'BUILD_ID'));

export async function startAppServer(): Promise<AppServer> {
  if (!hasBuild()) throw new Error(`No production build in ${BUILD_DIR}: run \`npm run build\` first (npm test does).`);
  const port = Number(process.env.TENURE_TEST_APP_PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  // The server's own log (fuzzed requests make it long) goes to a file, named when a test fails.
  mkdirSync(path.resolve('test-results'), { recursive: true });
  const log = openSync(path.resolve(`test-results/app-server-${port}.log`), 'w');
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '',
      DATABASE_URL: process.env.DATABASE_URL!,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    closeSync(log);
  };
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).status < 500) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error('next start did not answer within 60 s');
}

/** next-auth's credentials flow over HTTP, as the sign-in form does; returns the Cookie header to send. */
export async function signInCookie(server: AppServer, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      jar.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  // Its own address per sign-in, so the per-address sign-in limit never couples tests.
  const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { 'x-forwarded-for': ip } });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(), 'x-forwarded-for': ip, origin: server.url },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.endsWith('next-auth.session-token'))) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return header();
}
