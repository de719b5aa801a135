import { parseOrThrow } from '@/lib/api/errors';
import { withApi } from '@/lib/api/with-api';
import { listMonthsPage } from '@/lib/data/entries/months';
import { pageRequestSchema } from '@/lib/validation/entries';

/** GET /api/v1/orgs/{slug}/months?cursor=&limit= — months with figures, newest first. */
export const GET = withApi<{ slug: string }>(async ({ params, principal, url }) => {
  const query = parseOrThrow(pageRequestSchema, Object.fromEntries(url.searchParams));
  const page = await listMonthsPage(principal, params.slug, query);
  return Response.json({ data: page.rows.map(({ updatedBy: _u, ...row }) => row), nextCursor: page.nextCursor });
}, { scope: 'READ' });
