import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import pg from 'pg';

/**
 * A logical backup that needs no pg_dump (the embedded server ships none, and a system pg_dump may
 * be older than the server): one NDJSON file, a header line, then for each table its rows as JSON.
 * Restore loads them back in one transaction with triggers and foreign-key checks deferred
 * (session_replication_role = replica), so the result is the database as it was, totals included.
 */
const BATCH = 1000;
const FORMAT = 'tenure-backup/1';

type Header = { format: string; createdAt: string; migrations: string[]; tables: string[] };

async function publicTables(client: pg.Client): Promise<string[]> {
  const rows = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  return rows.rows.map((r) => r.table_name);
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

export async function backupDatabase(connectionString: string, file: string): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  let rows = 0;
  try {
    // One snapshot for every table: the backup is consistent even while the app writes.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await publicTables(client);
    const migrations = (await client.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1')).rows.map((r) => r.migration_name);
    const header: Header = { format: FORMAT, createdAt: new Date().toISOString(), migrations, tables };
    await write(JSON.stringify(header));
    for (const table of tables) {
      await client.query(`DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quote(table)} t`);
      for (;;) {
        const batch = await client.query<{ row: string }>(`FETCH ${BATCH} FROM backup_cursor`);
        for (const { row } of batch.rows) await write(`{"t":${JSON.stringify(table)},"r":${row}}`);
        rows += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await client.query('CLOSE backup_cursor');
    }
    await client.query('COMMIT');
    return { tables: tables.length, rows };
  } finally {
    out.end();
    await once(out, 'finish');
    await client.end();
  }
}

/** Replaces every table's content with the backup's, all or nothing. The schema must be migrated to the same migrations. */
export async function restoreDatabase(connectionString: string, file: string): Promise<{ tables: number; rows: number }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  let header: Header | undefined;
  let rows = 0;
  const pending = new Map<string, unknown[]>();
  const flush = async (table: string) => {
    const batch = pending.get(table);
    if (!batch?.length) return;
    await client.query(`INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [JSON.stringify(batch)]);
    rows += batch.length;
    pending.set(table, []);
  };
  try {
    await client.query('BEGIN');
    // Opened only now: readline emits lines as soon as it exists, and lines emitted before the
    // loop starts listening would be lost.
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== FORMAT) throw new Error(`Not a Tenure backup (format ${header.format})`);
        const migrations = (await client.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1')).rows.map((r) => r.migration_name);
        if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
          throw new Error('The backup was taken at another schema version: run `npm run db:migrate` to the same migrations first.');
        }
        await client.query('SET LOCAL session_replication_role = replica');
        await client.query(`TRUNCATE ${header.tables.map(quote).join(', ')}`);
        continue;
      }
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      if (!header.tables.includes(t)) throw new Error(`Unknown table in backup: ${t}`);
      const batch = pending.get(t) ?? [];
      batch.push(r);
      pending.set(t, batch);
      if (batch.length >= BATCH) await flush(t);
    }
    if (!header) throw new Error('Empty backup file');
    for (const table of pending.keys()) await flush(table);
    await client.query('COMMIT');
    return { tables: header.tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
