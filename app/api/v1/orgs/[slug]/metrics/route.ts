import { parseOrThrow } from '@/lib/api/errors';
import { withApi } from '@/lib/api/with-api';
import { computeOrgMetrics, latestLoggedMonth } from '@/lib/data/metrics';
import { orgMetricsJson } from '@/lib/metrics-json';
import { addMonths, monthKey } from '@/lib/months';
import { periodQuerySchema } from '@/lib/validation/period';

/**
 * GET /api/v1/orgs/{slug}/metrics?from=YYYY-MM&to=YYYY-MM — the engine's figures with their
 * explanations. Defaults to the 12 months ending with the latest logged month.
 */
export const GET = withApi<{ slug: string }>(async ({ access, url }) => {
  const period = parseOrThrow(periodQuerySchema, { from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined });
  const latest = (await latestLoggedMonth(access.organization.id)) ?? monthKey(new Date());
  const to = period.to ?? (period.from ? addMonths(period.from, 11) : latest);
  const from = period.from ?? addMonths(to, -11);
  return Response.json(orgMetricsJson(await computeOrgMetrics(access.organization, { from, to })));
}, { scope: 'READ' });
