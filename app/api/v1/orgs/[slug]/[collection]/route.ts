import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/api/errors';
import { resourceOf } from '@/lib/api/resources';
import { withApi } from '@/lib/api/with-api';
import { pageRequestSchema } from '@/lib/validation/entries';

type Params = { slug: string; collection: string };

function resource(collection: string) {
  const found = resourceOf(collection);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/** GET /api/v1/orgs/{slug}/{collection}?cursor=&limit=&month= — one page, newest first. */
export const GET = withApi<Params>(async ({ params, principal, url }) => {
  const { list } = resource(params.collection);
  const query = parseOrThrow(pageRequestSchema, Object.fromEntries(url.searchParams));
  const page = await list(principal, params.slug, query);
  return Response.json({ data: page.rows, nextCursor: page.nextCursor });
}, { scope: 'READ' });

/** POST — create, or update the row with the same externalId (a re-delivered webhook: 200, same id). */
export const POST = withApi<Params>(async ({ params, principal, body }) => {
  const { schema, upsert } = resource(params.collection);
  const input = parseOrThrow(schema, body);
  const result = await upsert(principal, params.slug, input as never);
  return Response.json(result, { status: result.created ? 201 : 200, headers: { Location: `/api/v1/orgs/${params.slug}/${params.collection}/${result.id}` } });
}, { scope: 'WRITE' });
