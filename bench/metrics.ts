import { addMonths, cohortClv } from '@/lib/metrics';
import type { OrgRef } from '@/lib/data/access';
import { BIG, SMALL, ensureBenchOrganization } from './generate';
import { ms, time } from './stats';

/**
 * The engine's benchmark: SQL aggregates alone vs every dashboard metric for a 12-month view, on
 * the big organisation (10 years, 20 000 accounts, 100 000 deals, 50 CSMs) and one 10× smaller.
 */
export async function benchMetrics(databaseUrl: string): Promise<Record<string, number>> {
  const { computeFigures, latestLoggedMonth } = await import('@/lib/data/metrics');
  const { monthAggregates } = await import('@/lib/queries/month-aggregates');
  const { cohortAggregates } = await import('@/lib/queries/cohort-aggregates');
  const { db } = await import('@/lib/db');
  const results: Record<string, number> = {};
  for (const size of [BIG, SMALL]) {
    const started = performance.now();
    const { organizationId, created } = await ensureBenchOrganization(databaseUrl, size);
    if (created) console.log(`  generated ${size.slug} in ${ms(performance.now() - started)}`);
    const organization = (await db().organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { id: true, name: true, slug: true, currency: true, defaultLocale: true, fiscalYearStartMonth: true, isDemo: true },
    })) as OrgRef;
    const to = (await latestLoggedMonth(organizationId))!;
    const from = addMonths(to, -11);
    const sqlOnly = await time(() => Promise.all([monthAggregates(organizationId, addMonths(from, -11), to), cohortAggregates(organizationId, to, 'quarter')]));
    const everything = await time(async () => {
      // Cold: the computation behind the metrics cache, as on the first view after any edit.
      const [view, cohorts] = await Promise.all([computeFigures(organization.id, { from, to }, {}), cohortAggregates(organizationId, to, 'quarter')]);
      cohorts.map((cohort) => cohortClv(cohort, view.settings));
    });
    console.log(`  ${size.slug.padEnd(12)} SQL aggregates ${ms(sqlOnly.median)} (p95 ${ms(sqlOnly.p95)}) · all metrics ${ms(everything.median)} (p95 ${ms(everything.p95)}) · ratio ${(everything.median / sqlOnly.median).toFixed(2)}×`);
    results[`${size.slug}.sql`] = sqlOnly.median;
    results[`${size.slug}.all`] = everything.median;
  }
  const scaling = results['bench-big.all']! / results['bench-small.all']!;
  console.log(`  10× the data costs ${scaling.toFixed(2)}× the time (target ≤ 1.5×); big: ${ms(results['bench-big.all']!)} (target ≤ 150 ms, ≤ 3× SQL: ${(results['bench-big.all']! / results['bench-big.sql']!).toFixed(2)}×)`);
  return results;
}
