import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { migrate } from '@/lib/db/migrate';
import { assertLocalDatabase } from './local-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let embedded: EmbeddedDatabase | undefined;

/**
 * Integration tests run against a real PostgreSQL: TEST_DATABASE_URL when given (it must be local),
 * otherwise an embedded server in .data/test. The test database is recreated and migrated each run.
 */
export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(`.data/test-${process.env.TENURE_TEST_PG_PORT ?? 54330}`),
      port: Number(process.env.TENURE_TEST_PG_PORT ?? 54330),
      database: 'postgres',
    });
    adminUrl = embedded.url;
  }
  assertLocalDatabase(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS tenure_test WITH (FORCE)');
  await admin.query('CREATE DATABASE tenure_test');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/tenure_test';
  await migrate(url.toString());
  project.provide('databaseUrl', url.toString());
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
