/**
 * `npm run bench`: prints Tenure's speed and memory figures. Uses BENCH_DATABASE_URL when set (a local
 * database), otherwise an embedded PostgreSQL in .data/bench whose generated data is reused.
 * Run with the react-server condition so server-only modules load outside Next.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { runBundled } from './bundle';
import { withBenchDatabase } from './server';

/** Fresh statistics and visibility maps, as autovacuum keeps them on a running server. */
async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  await client.end();
}

/**
 * This process runs with the react-server condition (so server-only modules load); the board-pack
 * and import benchmarks render React normally and mark server-only themselves, so they must not
 * inherit it (the dashboard and load benchmarks do need it). Like the server, they run with
 * MALLOC_ARENA_MAX=2.
 */
function childEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: (process.env.NODE_OPTIONS ?? '').replace(/--conditions=react-server/g, '').trim(),
    // As `npm start` and the Docker image run the server (fewer glibc malloc arenas per thread).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  };
}

async function main(): Promise<void> {
  await withBenchDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    await vacuumAnalyze(url);
    console.log(`Tenure benchmarks — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
    console.log('\nMetrics engine (12-month dashboard view):');
    const { benchMetrics } = await import('./metrics');
    await benchMetrics(url);
    const { db } = await import('@/lib/db');
    await db().$disconnect();
    // BENCH_ONLY=metrics stops here (the other benchmarks build and load a production server).
    if (process.env.BENCH_ONLY === 'metrics') return;

    // The board pack in its own process, so its peak memory is its own; bundled and run by plain
    // node as the app runs (bench/bundle.ts), so tsx's own memory is not counted.
    console.log('\nBoard pack (median of 5 renders, figures + PDF):');
    for (const args of [['--big'], []]) {
      const result = await runBundled('bench/board-pack.ts', ['--runs', '5', ...args], childEnv());
      if (result.status !== 0) throw new Error('The board-pack benchmark failed');
    }

    // The CSV import in its own process too (and its own embedded PostgreSQL, a fresh organisation).
    console.log('\nCSV import (100 000 deals: parse, validate, commit, re-import):');
    const imported = await runBundled('bench/import.ts', ['--rows', '100000'], childEnv());
    if (imported.status !== 0) throw new Error('The import benchmark failed');

    // The dashboard render and the load test against a production build (`next start`), each in its
    // own process; the load generator (autocannon) runs in that process, the app in another.
    for (const script of ['bench/dashboard.ts', 'bench/load.ts']) {
      const result = spawnSync('npx', ['tsx', script], { stdio: 'inherit', env: { ...process.env, BENCH_DATABASE_URL: url } });
      if (result.status !== 0) throw new Error(`${script} failed`);
    }
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
