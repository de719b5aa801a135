/**
 * CSV import benchmark: a deals file (100 000 rows by default) through the import screen's path —
 * parse → map → validate (preview) → commit — in a fresh organisation with 2 000 accounts and 20
 * CSMs, then the same file again (nothing to write). Prints each step's time and the peak memory.
 * Uses its own embedded PostgreSQL (TENURE_BENCH_IMPORT_PG_PORT, default 54397).
 *   npx tsx bench/import.ts [--rows 100000] [--per-row 1000]
 * --per-row N also times N rows through the per-row upsert (the path used before the bulk writes).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrate } from '@/lib/db/migrate';
import { seededRandom } from '@/lib/seed/random';
import type { PrincipalAccess } from '@/lib/data/access';
import type { RawRow } from '@/lib/import/rows';
import type { DealInput } from '@/lib/validation/entries';
import { allowServerOnlyImports } from './server-only-hook';

allowServerOnlyImports();

const ACCOUNTS = 2_000;
/** Rows per preview request, as components/integrations/import-wizard.tsx sends them. */
const PREVIEW_CHUNK = 2_000;
const CSMS = 20;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** A deals export as a CRM would write it: external ids, a CSM by name on some rows, mixed attributions. */
function dealsCsv(rows: number): string {
  const random = seededRandom(42);
  const lines = ['External ID,Account external ID,CSM,Date,Type,ARR added,Attribution,Attribution %'];
  const types = ['Upsell', 'Cross sell', 'Usage growth'];
  const attributions = ['CS sourced', 'CS influenced', 'Not CS'];
  for (let i = 1; i <= rows; i += 1) {
    const account = 1 + Math.floor(random() * ACCOUNTS);
    const csm = random() < 0.5 ? `CSM ${1 + Math.floor(random() * CSMS)}` : '';
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1000) * 86_400_000).toISOString().slice(0, 10);
    const attribution = attributions[i % 3]!;
    const pct = attribution === 'CS influenced' && i % 2 === 0 ? '40' : '';
    lines.push(`deal-${i},acc-${account},${csm},${day},${types[i % 3]},${(500 + random() * 20_000).toFixed(2)},${attribution},${pct}`);
  }
  return `${lines.join('\n')}\n`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * CPU time (ms) used so far by this process and by the embedded PostgreSQL (the postmaster and its
 * backends, read from /proc): on a busy machine the wall time says little, the CPU time still does.
 */
function cpuNow(postmasterPid: number | undefined): { node: number; pg: number } {
  const usage = process.cpuUsage();
  let ticks = 0;
  if (postmasterPid !== undefined && existsSync('/proc')) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
        // After the command: state, ppid, …, utime (12th), stime (13th), in clock ticks (100 a second).
        if (Number(entry) === postmasterPid || Number(fields[1]) === postmasterPid) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process ended while we read it.
      }
    }
  }
  return { node: (usage.user + usage.system) / 1000, pg: ticks * 10 };
}
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main(): Promise<void> {
  const count = Number(option('rows') ?? 100_000);
  const port = Number(process.env.TENURE_BENCH_IMPORT_PG_PORT ?? 54397);
  const dataDir = path.resolve(`.data/bench-import-${port}`);
  // A fresh database every run: 100 000 rows per run otherwise pile up and slow the next ones.
  rmSync(dataDir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres({ dataDir, port, database: 'tenure' });
  try {
    await migrate(embedded.url);
    process.env.DATABASE_URL = embedded.url;
    const { makeOrganization, makeUser, callerOf } = await import('@/lib/seed/factories');
    // One Prisma client for the whole run, as in the app (each client holds its own query compiler).
    const { db } = await import('@/lib/db');
    const prisma = db();
    const owner = await makeUser(prisma);
    const org = await makeOrganization(prisma, owner);
    // Set-up in SQL: Prisma's createMany of 2 000 rows alone raised the peak by ~100 MB that the import never uses.
    await prisma.$executeRaw`INSERT INTO "Csm" ("organizationId", "externalId", "name", "startDate", "updatedAt") SELECT ${org.id}::uuid, 'csm-' || i, 'CSM ' || i, '2020-01-01', now() FROM generate_series(1, ${CSMS}) i`;
    await prisma.$executeRaw`INSERT INTO "Account" ("organizationId", "externalId", "name", "startDate", "mrr", "updatedAt") SELECT ${org.id}::uuid, 'acc-' || i, 'Account ' || i, '2022-01-01', 1000, now() FROM generate_series(1, ${ACCOUNTS}) i`;

    const { principalAccess } = await import('@/lib/data/access');
    const { parseCsvRows } = await import('@/lib/import/csv');
    const { commitImport, previewImport } = await import('@/lib/import/commit');
    const access = await principalAccess(callerOf(owner), org.slug, 'EDITOR');
    // Only its size outlives the parse: the server never holds the file's text (the screen sends rows).
    let csv: string | undefined = dealsCsv(count);
    const csvKb = Math.round(csv.length / 1024);
    const { rss: rssBefore, heapUsed: heapBefore } = process.memoryUsage();

    const postmasterPid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const steps: string[] = [];
    const step = async <T>(name: string, work: () => Promise<T> | T): Promise<{ value: T; ms: number }> => {
      const cpu = cpuNow(postmasterPid);
      const started = performance.now();
      const value = await work();
      const ms = performance.now() - started;
      const after = cpuNow(postmasterPid);
      steps.push(`${name} ${seconds(ms)} (CPU: Node ${seconds(after.node - cpu.node)}, PostgreSQL ${seconds(after.pg - cpu.pg)}; peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; now ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapTotal)}, ext ${mb(process.memoryUsage().external)})`);
      return { value, ms };
    };

    const parse = await step('parse + map', () => parseCsvRows(csv!, 'deals').rows);
    csv = undefined;
    const rows = parse.value;
    // As the import screen checks a file: 2 000 rows per request; only the verdict is kept here.
    const validate = await step('validate', async () => {
      for (let start = 0; start < rows.length; start += PREVIEW_CHUNK) {
        const invalid = (await previewImport(access, 'deals', rows.slice(start, start + PREVIEW_CHUNK))).rows.find((r) => r.errors.length > 0);
        if (invalid) return invalid;
      }
      return undefined;
    });
    if (validate.value) throw new Error(`Invalid row: ${JSON.stringify(validate.value)}`);
    const commit = await step('commit', () => commitImport(access, 'deals', rows));
    const again = await step('re-import', () => commitImport(access, 'deals', rows));
    if (again.value.create + again.value.update > 0) throw new Error(`The re-import wrote rows: ${JSON.stringify(again.value)}`);

    const stored = await db().expansionDeal.count({ where: { organizationId: org.id } });
    const audits = await db().auditEntry.count({ where: { organizationId: org.id, action: 'deal.import' } });
    console.log(`import of ${count.toLocaleString('en')} deals (${csvKb} KB CSV): ${seconds(parse.ms + validate.ms + commit.ms)} (parse + map ${seconds(parse.ms)}, validate ${seconds(validate.ms)}, commit ${seconds(commit.ms)})`);
    console.log(`  ${commit.value.create} created, ${stored} stored, ${audits} audit entries (one per month); re-import of the same file ${seconds(again.ms)} (${again.value.unchanged} unchanged, nothing written)`);
    for (const line of steps) console.log(`  ${line}`);
    // The script itself (tsx, Prisma, embedded PostgreSQL's client) holds part of the peak.
    console.log(`  peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (${mb(rssBefore)} before parsing, heap ${mb(heapBefore)}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);

    const perRow = Number(option('per-row') ?? 0);
    if (perRow > 0) await comparePerRow(access, rows.slice(0, perRow).map((r) => ({ ...r, values: { ...r.values, externalId: `per-row-${r.values.externalId}` } })));
    // Each run starts from a fresh organisation; removing it keeps the benchmark database small.
    await db().organization.delete({ where: { id: org.id } });
    await db().user.delete({ where: { id: owner.id } });
    await db().$disconnect();
  } finally {
    await embedded.stop();
  }
}

/** The rows through the per-row upsert, in one transaction, as the import wrote them before. */
async function comparePerRow(access: PrincipalAccess, rows: RawRow[]): Promise<void> {
  const { db } = await import('@/lib/db');
  const { planImport } = await import('@/lib/import/plan');
  const { upsertDealTx } = await import('@/lib/data/entries/deals');
  const started = performance.now();
  await db().$transaction(async (tx) => {
    const plan = await planImport(tx, access, 'deals', rows);
    for (const row of plan.rows) await upsertDealTx(tx, access, row.input as DealInput, row.targetId);
  }, { timeout: 30 * 60_000 });
  const ms = performance.now() - started;
  console.log(`  per-row path (before): ${rows.length} rows in ${seconds(ms)} (${(ms / rows.length).toFixed(1)} ms a row, ~${seconds((ms / rows.length) * 100_000)} for 100 000)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
