import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '@/lib/db/backup';
import { createDemoOrganization } from '@/lib/seed/demo';
import { testDb } from '../support/db';

/** Every row of every table, in a stable order, as text: what "nothing changed" means. */
async function everyRow(): Promise<Record<string, string[]>> {
  const tables = await testDb().$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const result: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const rows = await testDb().$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    result[table_name] = rows.map((r) => r.row).sort();
  }
  return result;
}

describe('backup and restore', () => {
  it('round-trip an organisation: every row of every table comes back identical', async () => {
    if (!(await testDb().organization.findUnique({ where: { slug: 'demo' } }))) {
      await createDemoOrganization(testDb(), { password: 'demo password for tests', today: new Date(Date.UTC(2026, 11, 3)) });
    }
    const before = await everyRow();
    expect(before.ExpansionDeal!.length).toBeGreaterThan(10);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tenure-backup-')), 'backup.ndjson');
    const url = process.env.DATABASE_URL!;
    const written = await backupDatabase(url, file);
    expect(written.rows).toBeGreaterThan(100);

    // Damage the data, then restore.
    await testDb().expansionDeal.deleteMany({});
    await testDb().monthlyReport.updateMany({ data: { notes: 'changed after the backup' } });
    await restoreDatabase(url, file);
    expect(await everyRow()).toEqual(before);
  }, 120_000);

  it('refuse a file that is not a Tenure backup, changing nothing', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tenure-backup-')), 'bad.ndjson');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, '{"format":"something-else"}\n');
    const count = await testDb().organization.count();
    await expect(restoreDatabase(process.env.DATABASE_URL!, file)).rejects.toThrow(/Not a Tenure backup/);
    expect(await testDb().organization.count()).toBe(count);
  });
});
