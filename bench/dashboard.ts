/**
 * The dashboard's server render (issues 5 and 8), run by `npm run bench` in its own process:
 * median time of the full streamed response of the shared-board page of the big and small
 * organisations on a production build (every request a miss of the board page cache, so rendered;
 * then the same page served from that cache), against their SQL aggregates alone, and the page's
 * first-load JavaScript in KB gzip (the JS files its HTML references, gzipped from the build).
 * Needs the react-server condition (set by `npm run bench`) for the SQL-only timing.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { BIG, SMALL, ensureBenchOrganization, type BenchSize } from './generate';
import { appDir, createBenchShareLink, distDir, ensureBuild, startServer, withBenchDatabase } from './server';
import { ms, time } from './stats';

/** Every SQL aggregate the dashboard reads for the default 12-month view, run together as the page does. */
async function sqlAggregates(organizationId: string): Promise<() => Promise<unknown>> {
  const { latestLoggedMonth } = await import('@/lib/data/metrics');
  const { monthAggregates } = await import('@/lib/queries/month-aggregates');
  const { cohortAggregates } = await import('@/lib/queries/cohort-aggregates');
  const { csmLeaderboard, attributionGaps } = await import('@/lib/queries/csm-leaderboard');
  const { addMonths } = await import('@/lib/metrics');
  const to = (await latestLoggedMonth(organizationId))!;
  const from = addMonths(to, -11);
  return () =>
    Promise.all([
      monthAggregates(organizationId, addMonths(from, -11), to),
      monthAggregates(organizationId, addMonths(from, -23), addMonths(to, -12)),
      cohortAggregates(organizationId, to, 'quarter'),
      csmLeaderboard(organizationId, from, to),
      attributionGaps(organizationId, to),
    ]);
}

function firstLoadJsKb(html: string): { files: number; kb: number } {
  const sources = new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!));
  let bytes = 0;
  for (const src of sources) {
    const file = path.join(appDir(), distDir(), src.replace(/^\/_next\//, '').split('?')[0]!);
    if (existsSync(file)) bytes += gzipSync(readFileSync(file)).length;
  }
  return { files: sources.size, kb: bytes / 1024 };
}

export async function benchDashboard(databaseUrl: string, port: number): Promise<Record<string, number>> {
  process.env.DATABASE_URL = databaseUrl;
  const results: Record<string, number> = {};
  const orgs: { size: BenchSize; organizationId: string; token: string }[] = [];
  for (const size of [BIG, SMALL]) {
    const { organizationId } = await ensureBenchOrganization(databaseUrl, size);
    orgs.push({ size, organizationId, token: await createBenchShareLink(databaseUrl, organizationId) });
  }
  ensureBuild();
  const server = await startServer(databaseUrl, port, randomBytes(32).toString('base64url'));
  try {
    for (const { size, organizationId, token } of orgs) {
      const url = `${server.url}/board/${token}`;
      let html = '';
      let request = 0;
      const get = async (target: string) => {
        const response = await fetch(target);
        html = await response.text();
        if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
      };
      // A query the page ignores but the board page cache keys on: every request renders.
      const render = await time(() => get(`${url}?bench=${(request += 1)}`), 20, 3);
      const cached = await time(() => get(url), 20, 3);
      results[`${size.slug}.cached`] = cached.median;
      const sql = await time(await sqlAggregates(organizationId), 20, 3);
      results[`${size.slug}.render`] = render.median;
      results[`${size.slug}.sql`] = sql.median;
      const js = firstLoadJsKb(html);
      results['firstLoadJsKb'] = js.kb;
      results[`${size.slug}.htmlKb`] = Buffer.byteLength(html) / 1024;
      console.log(`  ${size.slug.padEnd(12)} board page render ${ms(render.median)} (p95 ${ms(render.p95)}) · SQL aggregates alone ${ms(sql.median)} · ratio ${(render.median / sql.median).toFixed(2)}× · HTML ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB · from the board page cache ${ms(cached.median)}`);
    }
    const big = results['bench-big.render']!;
    console.log(`  10× the data costs ${(big / results['bench-small.render']!).toFixed(2)}× the render time (target ≤ 1.5×); big: ${ms(big)} (target ≤ 150 ms, ≤ 3× SQL)`);
    console.log(`  first-load JavaScript of the dashboard: ${results['firstLoadJsKb']!.toFixed(0)} KB gzip (target ≤ 250 KB)`);
  } finally {
    await server.stop();
    const { db } = await import('@/lib/db');
    await db().$disconnect();
  }
  return results;
}

async function main(): Promise<void> {
  await withBenchDatabase(async (url) => {
    console.log(`\nDashboard server render (median of 20 sequential requests to the shared-board page, production build):`);
    await benchDashboard(url, Number(process.env.BENCH_APP_PORT ?? 3391));
  });
}

if (process.argv[1]?.endsWith('dashboard.ts')) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
