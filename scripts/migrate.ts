/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import path from 'node:path';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrate, MigrationError } from '@/lib/db/migrate';

try {
  process.loadEnvFile('.env');
} catch {
  // optional
}

async function main(): Promise<number> {
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.resolve(process.env.TENURE_DATA_DIR ?? '.data'), port: Number(process.env.TENURE_PG_PORT ?? 54320), database: 'tenure' });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  try {
    const { applied, alreadyApplied } = await migrate(url, { log: console.log });
    console.log(`${applied.length} migration(s) applied, ${alreadyApplied} already applied.`);
    return 0;
  } catch (error) {
    console.error(error instanceof MigrationError ? error.message : error);
    return 1;
  } finally {
    await embedded?.stop();
  }
}

main().then((code) => process.exit(code));
