/**
 * `npm run db:backup [file]` writes a backup of the database (DATABASE_URL, or the embedded one);
 * `npm run db:restore <file>` loads one back, replacing the current content, all or nothing.
 */
import path from 'node:path';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { backupDatabase, restoreDatabase } from '@/lib/db/backup';

try {
  process.loadEnvFile('.env');
} catch {
  // optional
}

async function main(): Promise<number> {
  const [command, fileArgument] = process.argv.slice(2);
  if (command !== 'backup' && command !== 'restore') throw new Error('usage: backup.ts backup|restore [file]');
  if (command === 'restore' && !fileArgument) throw new Error('Give the backup file to restore: npm run db:restore -- <file>');
  const file = path.resolve(fileArgument ?? `tenure-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson`);
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.resolve(process.env.TENURE_DATA_DIR ?? '.data'), port: Number(process.env.TENURE_PG_PORT ?? 54320), database: 'tenure' });
  const url = process.env.DATABASE_URL ?? embedded!.url;
  try {
    const result = command === 'backup' ? await backupDatabase(url, file) : await restoreDatabase(url, file);
    console.log(`${command === 'backup' ? 'Backed up' : 'Restored'} ${result.rows} rows of ${result.tables} tables ${command === 'backup' ? 'to' : 'from'} ${file}`);
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
