import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationError } from '@/lib/db/migrate';

// A database of its own, so these migrations never touch the shared test database.
const name = `tenure_migrate_${process.pid}`;
let url: string;

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tenure-migrations-'));
  for (const [folder, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, folder));
    writeFileSync(path.join(dir, folder, 'migration.sql'), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the migrator', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(process.env.DATABASE_URL!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  });

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('applies pending migrations once, recording them as Prisma does', async () => {
    const dir = migrationsDir({ '001_first': 'CREATE TABLE a (id int);', '002_second': 'CREATE TABLE b (id int);' });
    expect((await migrate(url, { dir })).applied).toEqual(['001_first', '002_second']);
    expect((await migrate(url, { dir })).applied).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['001_first', '002_second']);
    // sha256 of the file, as `prisma migrate` computes it.
    expect(rows[0]!.checksum).toBe(createHash('sha256').update('CREATE TABLE a (id int);').digest('hex'));
    expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at !== null)).toBe(true);
  });

  it('stops at a failing migration, names it, and leaves the database as it was', async () => {
    const dir = migrationsDir({
      '001_first': 'CREATE TABLE a (id int);',
      '002_second': 'CREATE TABLE b (id int);',
      '003_broken': 'CREATE TABLE c (id int);\nALTER TABLE missing_table ADD COLUMN x int;',
      '004_after': 'CREATE TABLE d (id int);',
    });
    const failure = await migrate(url, { dir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migrationName).toBe('003_broken');
    expect((failure as Error).message).toMatch(/^Migration 003_broken failed and was rolled back: .*missing_table/);
    const tables = await query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    // c (created before the failing statement) was rolled back; d was never attempted.
    expect(tables.map((t) => t.table_name)).toEqual(['_prisma_migrations', 'a', 'b']);
    const recorded = await query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" ORDER BY 1');
    expect(recorded.map((r) => r.migration_name)).toEqual(['001_first', '002_second']);
  });

  it('lets only one process migrate at a time (advisory lock)', async () => {
    const dir = migrationsDir({ '001_first': 'CREATE TABLE a (id int);', '002_second': 'CREATE TABLE b (id int);', '005_slow': 'SELECT pg_sleep(0.5); CREATE TABLE e (id int);' });
    const [one, two] = await Promise.all([migrate(url, { dir }), migrate(url, { dir })]);
    expect([...one.applied, ...two.applied]).toEqual(['005_slow']);
  });
});
