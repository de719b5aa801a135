/**
 * Board pack benchmark: median time of 5 renders (figures + PDF) for the demo organisation (or the
 * big benchmark organisation with --big), and the process's peak memory. Uses its own embedded
 * PostgreSQL (TENURE_BENCH_PG_PORT, default 54393). The worker is the bundle `npm run build` makes
 * (built afresh here, from the sources, into .data/), as `next start` runs it; --tsx renders with the
 * development fallback instead. `npm run bench` sets MALLOC_ARENA_MAX=2 as `npm start` and the
 * Docker image do; set it yourself when running this file directly.
 *   npx tsx bench/board-pack.ts [--big] [--runs 5] [--locale fr|en] [--from YYYY-MM --to YYYY-MM] [--leaderboard] [--tsx] [--out /tmp/pack.pdf]
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrate } from '@/lib/db/migrate';
import { createDemoOrganization, DEMO_SLUG } from '@/lib/seed/demo';
import { isLocale } from '@/lib/i18n/locales';
import { allowServerOnlyImports } from './server-only-hook';
import { BIG, ensureBenchOrganization } from './generate';

allowServerOnlyImports();

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const runs = Number(option('runs') ?? 5);
  const localeOption = option('locale') ?? 'fr';
  const locale = isLocale(localeOption) ? localeOption : 'fr';
  const port = Number(process.env.TENURE_BENCH_PG_PORT ?? 54393);
  if (!process.env.TENURE_PDF_WORKER_FILE && !process.argv.includes('--tsx')) {
    const { buildPdfWorker } = await import('../scripts/build-pdf-worker');
    process.env.TENURE_PDF_WORKER_FILE = await buildPdfWorker(path.resolve('.data/bench-pdf-worker/render-worker.mjs'));
  }
  const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(`.data/bench-${port}`), port, database: 'tenure' });
  try {
    await migrate(embedded.url);
    process.env.DATABASE_URL = embedded.url;
    // One Prisma client for the whole run, as in the app (each client holds its own query compiler).
    const { db } = await import('@/lib/db');
    const prisma = db();
    if (!(await prisma.organization.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } }))) {
      await createDemoOrganization(prisma, { password: 'bench password, not a secret' });
    }
    const big = process.argv.includes('--big');
    if (big) await ensureBenchOrganization(embedded.url, BIG);
    const slug = big ? BIG.slug : DEMO_SLUG;

    const { latestLoggedMonth } = await import('@/lib/data/metrics');
    const { loadBoardPack } = await import('@/lib/pdf/load-board-pack');
    const { renderBoardPack } = await import('@/lib/pdf/render-board-pack');
    const { addMonths } = await import('@/lib/months');
    const organization = await db().organization.findUniqueOrThrow({
      where: { slug },
      select: { id: true, name: true, slug: true, currency: true, defaultLocale: true, fiscalYearStartMonth: true, isDemo: true },
    });
    const to = option('to') ?? (await latestLoggedMonth(organization.id))!;
    const from = option('from') ?? addMonths(to, -11);

    const rssBefore = process.memoryUsage().rss;
    // The render runs in a worker thread: the main thread's event loop should stay responsive.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const times: number[] = [];
    // CPU time (all threads) per run: steadier than wall time on a shared, busy machine.
    const cpu: number[] = [];
    const loads: number[] = [];
    let pdf: Buffer | undefined;
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      const { model } = await loadBoardPack(organization, { from, to, locale, includeLeaderboard: process.argv.includes('--leaderboard'), preparedBy: 'Benchmark' });
      loads.push(performance.now() - started);
      loopDelay.enable();
      pdf = await renderBoardPack(model);
      loopDelay.disable();
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
    const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const median = medianOf(times);
    const out = option('out');
    if (out && pdf) writeFileSync(out, pdf);
    console.log(`board pack (${slug}, ${from} – ${to}, ${locale}): median ${median.toFixed(0)} ms over ${runs} renders (first ${times[0]!.toFixed(0)} ms; figures ${medianOf(loads).toFixed(0)} ms, PDF ${(median - medianOf(loads)).toFixed(0)} ms), ${pdf ? Math.round(pdf.length / 1024) : 0} KB`);
    console.log(`CPU per run (figures + PDF, all threads): ${cpu.map((c) => c.toFixed(0)).join(', ')} ms; median ${medianOf(cpu).toFixed(0)} ms`);
    const workerKind = process.env.TENURE_PDF_WORKER_FILE ? 'bundled worker' : 'worker through tsx';
    console.log(`main thread's event loop during the renders: longest stall ${(loopDelay.max / 1e6).toFixed(0)} ms (${process.env.TENURE_PDF_WORKER === 'off' ? 'in-process render' : `render in a worker thread: ${workerKind}`})`);
    // The script itself (tsx, Prisma, embedded PostgreSQL's client) holds part of the peak.
    console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (${Math.round(rssBefore / 1024 / 1024)} MB before the first render; MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? 'unset'}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    await db().$disconnect();
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
