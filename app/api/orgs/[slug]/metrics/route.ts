import type { NextRequest } from 'next/server';
import { getCaller } from '@/lib/auth/caller';
import { getMetrics } from '@/lib/data/metrics';
import { apiError, apiErrorFrom, apiValidationError } from '@/lib/http/api-error';
import { orgMetricsJson } from '@/lib/metrics-json';
import { periodQuerySchema } from '@/lib/validation/period';

/** GET /api/orgs/{slug}/metrics?from=YYYY-MM&to=YYYY-MM — for signed-in members of the organisation. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const caller = await getCaller();
  if (!caller) return apiError(401, 'UNAUTHENTICATED', 'Sign in to read metrics.');
  const search = request.nextUrl.searchParams;
  const parsed = periodQuerySchema.safeParse({ from: search.get('from') ?? undefined, to: search.get('to') ?? undefined });
  if (!parsed.success) return apiValidationError(parsed.error);
  try {
    const view = await getMetrics(caller, (await params).slug, parsed.data);
    return Response.json(orgMetricsJson(view), { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
