/**
 * Board pack benchmark: median time of 5 renders (load + PDF) for the demo organisation, and the
 * process's peak memory. Uses its own embedded PostgreSQL (TENURE_BENCH_PG_PORT, default 54393).
 *   npx tsx bench/board-pack.ts [--runs 5] [--locale fr|en] [--leaderboard] [--out /tmp/pack.pdf]
 */
import { register } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrate } from '@/lib/db/migrate';
import { createDb } from '@/lib/db/client';
import { createDemoOrganization, DEMO_SLUG } from '@/lib/seed/demo';
import { isLocale } from '@/lib/i18n/locales';

// lib/ modules are marked server-only (they throw outside React Server Components); a script is
// server-side by nature, so resolve that marker to an empty module.
register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
      return next(specifier, context);
    }`),
);

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const runs = Number(option('runs') ?? 5);
  const localeOption = option('locale') ?? 'fr';
  const locale = isLocale(localeOption) ? localeOption : 'fr';
  const port = Number(process.env.TENURE_BENCH_PG_PORT ?? 54393);
  const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(`.data/bench-${port}`), port, database: 'tenure' });
  try {
    await migrate(embedded.url);
    process.env.DATABASE_URL = embedded.url;
    const prisma = createDb(embedded.url, 2);
    if (!(await prisma.organization.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true } }))) {
      await createDemoOrganization(prisma, { password: 'bench password, not a secret' });
    }
    await prisma.$disconnect();

    const { db } = await import('@/lib/db');
    const { latestLoggedMonth } = await import('@/lib/data/metrics');
    const { loadBoardPack } = await import('@/lib/pdf/load-board-pack');
    const { renderBoardPack } = await import('@/lib/pdf/render-board-pack');
    const { addMonths } = await import('@/lib/months');
    const organization = await db().organization.findUniqueOrThrow({
      where: { slug: DEMO_SLUG },
      select: { id: true, name: true, slug: true, currency: true, defaultLocale: true, fiscalYearStartMonth: true, isDemo: true },
    });
    const to = (await latestLoggedMonth(organization.id))!;
    const from = addMonths(to, -11);

    const times: number[] = [];
    let pdf: Buffer | undefined;
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const { model } = await loadBoardPack(organization, { from, to, locale, includeLeaderboard: process.argv.includes('--leaderboard'), preparedBy: 'Benchmark' });
      pdf = await renderBoardPack(model);
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const out = option('out');
    if (out && pdf) writeFileSync(out, pdf);
    console.log(`board pack (demo organisation, ${from} – ${to}, ${locale}): median ${median.toFixed(0)} ms over ${runs} renders (first ${times[0]!.toFixed(0)} ms), ${pdf ? Math.round(pdf.length / 1024) : 0} KB`);
    console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    await db().$disconnect();
  } finally {
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
