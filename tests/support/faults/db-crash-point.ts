import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * How the work dies at the chosen row: 'throw' fails the statement (the code's error path), while
 * 'terminate' has the server kill the connection under the open transaction, as when the app's
 * process dies or the network drops.
 */
export type CrashKind = 'throw' | 'terminate';

/** Tables an organisation's writes touch; the crash point counts rows written to any of them. */
export const WRITTEN_TABLES = ['MonthlyReport', 'Account', 'Csm', 'ChurnEvent', 'Save', 'ExpansionDeal', 'BoardSnapshot', 'AuditEntry'] as const;

const FUNCTION = `
CREATE OR REPLACE FUNCTION faults_crash_point() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE passes int;
BEGIN
  IF NEW."organizationId"::text <> TG_ARGV[0] THEN RETURN NEW; END IF;
  -- Counted per transaction (set_config local): the N-th row this transaction writes.
  passes := coalesce(nullif(current_setting('faults.passes', true), ''), '0')::int + 1;
  PERFORM set_config('faults.passes', passes::text, true);
  IF passes = TG_ARGV[1]::int THEN
    IF TG_ARGV[2] = 'terminate' THEN
      PERFORM pg_terminate_backend(pg_backend_pid());
      PERFORM pg_sleep(5);
    END IF;
    RAISE EXCEPTION 'injected crash at row % of %', passes, TG_TABLE_NAME;
  END IF;
  RETURN NEW;
END
$fn$`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Installs, in the database, a crash at the N-th row the organisation's next transaction writes —
 * wherever the code writes it from (per-row upserts, bulk SQL, triggers' own statements excluded).
 * Returns the function that removes it.
 */
export async function installCrashPoint(prisma: PrismaClient, organizationId: string, afterRows: number, kind: CrashKind): Promise<() => Promise<void>> {
  if (!UUID.test(organizationId) || !Number.isInteger(afterRows) || afterRows < 1) throw new Error('bad crash point');
  await prisma.$executeRawUnsafe(FUNCTION);
  const name = (table: string) => `faults_crash_${table.toLowerCase()}`;
  for (const table of WRITTEN_TABLES) {
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name(table)} ON "${table}"`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER ${name(table)} AFTER INSERT OR UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION faults_crash_point('${organizationId}', '${afterRows}', '${kind}')`,
    );
  }
  return async () => {
    for (const table of WRITTEN_TABLES) await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name(table)} ON "${table}"`);
  };
}
