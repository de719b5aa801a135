import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/api/errors';
import { withApi } from '@/lib/api/with-api';
import { getMonth, upsertMonth } from '@/lib/data/entries/months';
import { monthInputSchema } from '@/lib/validation/entries';

type Params = { slug: string; month: string };

/** GET /api/v1/orgs/{slug}/months/{YYYY-MM} — one month's figures, status and version. */
export const GET = withApi<Params>(async ({ params, principal }) => {
  const { month } = parseOrThrow(monthInputSchema.pick({ month: true }), { month: params.month });
  const row = await getMonth(principal, params.slug, month);
  if (!row) throw new AppError('NOT_FOUND');
  const { updatedBy: _u, ...data } = row;
  return Response.json(data);
}, { scope: 'READ' });

/**
 * PUT /api/v1/orgs/{slug}/months/{YYYY-MM} — creates or replaces the month's figures. The month
 * comes from the path; send `version` to refuse (409) a month changed since you read it.
 */
export const PUT = withApi<Params>(async ({ params, principal, body }) => {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const input = parseOrThrow(monthInputSchema, { ...fields, month: params.month });
  const result = await upsertMonth(principal, params.slug, input);
  return Response.json(result);
}, { scope: 'WRITE' });
