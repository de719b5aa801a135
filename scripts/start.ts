/**
 * `npm start`: the whole of Tenure in one command. Starts an embedded PostgreSQL in .data/ unless
 * DATABASE_URL is set, applies migrations, creates the demo organisation on an empty database,
 * builds the app when its sources changed, and serves it. Ctrl-C stops everything cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { migrate, MigrationError } from '@/lib/db/migrate';
import { createDb } from '@/lib/db/client';
import { createDemoOrganization, DEMO_EMAIL } from '@/lib/seed/demo';
import { bundledWorkerFile } from '@/lib/pdf/worker-bundle';

try {
  process.loadEnvFile('.env');
} catch {
  // No .env file: the environment and the embedded defaults are enough.
}

const dev = process.argv.includes('--dev');
const root = process.cwd();
const dataDir = path.resolve(process.env.TENURE_DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 3000);
const pgPort = Number(process.env.TENURE_PG_PORT ?? 54320);
mkdirSync(dataDir, { recursive: true });

/** A secret generated once and kept in .data/, never a constant in the code. */
function persistentSecret(file: string, bytes: number): string {
  const full = path.join(dataDir, file);
  if (existsSync(full)) return readFileSync(full, 'utf8').trim();
  const value = randomBytes(bytes).toString('base64url');
  writeFileSync(full, value + '\n', { mode: 0o600 });
  return value;
}

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'generated' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfStale(): void {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');
  // The bundled PDF worker is part of the build (npm run build writes it after next build).
  const worker = bundledWorkerFile(root);
  const sources = ['app', 'components', 'lib', 'messages', 'prisma', 'public']
    .map((d) => path.join(root, d))
    .filter(existsSync)
    .map(newestSourceTime);
  const configs = ['next.config.js', 'package-lock.json', 'tailwind.config.ts', 'proxy.ts'].map((f) => path.join(root, f)).filter(existsSync).map((f) => statSync(f).mtimeMs);
  const newest = Math.max(...sources, ...configs);
  const fresh = (file: string) => existsSync(file) && statSync(file).mtimeMs > newest;
  if (fresh(buildId) && fresh(worker) && process.env.TENURE_FORCE_BUILD !== '1') return;
  console.log('Building Tenure (first start or sources changed)…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('The build failed; see the output above.');
}

async function main(): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  const wantDemo = !databaseUrl || process.env.TENURE_DEMO === '1';
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, port: pgPort, database: 'tenure' });
    databaseUrl = embedded.url;
    console.log(`Embedded PostgreSQL on 127.0.0.1:${pgPort}, data in ${path.join(dataDir, 'pg')}`);
  }

  // The Next server, once started; signal handlers are registered before it exists.
  const server: { child?: ChildProcess } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = server.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    if (embedded) await embedded.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const { applied } = await migrate(databaseUrl, { log: (line) => console.log(line) });
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  } catch (error) {
    console.error(error instanceof MigrationError ? error.message : error);
    console.error('Start-up stopped: the database is as it was before this migration.');
    await stop(1);
    return;
  }

  if (wantDemo) {
    const prisma = createDb(databaseUrl, 2);
    try {
      const empty = (await prisma.organization.count()) === 0;
      const password = persistentSecret('demo-password', 12);
      if (empty) {
        console.log('Empty database: creating the demo organisation…');
        await createDemoOrganization(prisma, { password });
      }
      if (await prisma.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } })) {
        console.log(`Demo login: ${DEMO_EMAIL} / ${password}`);
      }
    } finally {
      await prisma.$disconnect();
    }
  }

  if (!dev) buildIfStale();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persistentSecret('auth-secret', 48),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    // Two glibc malloc arenas instead of up to eight per core: the server and its PDF worker thread
    // otherwise each keep freed memory in arenas of their own (~40 MB of the board pack's peak).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  };
  const nextBin = path.join(root, 'node_modules/.bin/next');
  server.child = spawn(nextBin, [dev ? 'dev' : 'start', '-p', String(port)], { stdio: 'inherit', env });
  server.child.on('exit', (code) => void stop(code ?? 0));
  console.log(`Tenure on http://localhost:${port}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
