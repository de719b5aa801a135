import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/api/errors';
import { resourceOf } from '@/lib/api/resources';
import { withApi } from '@/lib/api/with-api';
import { mergePatch } from '@/lib/api/merge-patch';
import type { ApiCollection } from '@/lib/api/collections';

type Params = { slug: string; collection: string; id: string };

function resource(collection: string) {
  const found = resourceOf(collection);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/** PUT /api/v1/orgs/{slug}/{collection}/{id} — replaces the row with the body (the full object). */
export const PUT = withApi<Params>(async ({ params, principal, body }) => {
  const { schema, upsert } = resource(params.collection);
  const input = parseOrThrow(schema, body);
  return Response.json(await upsert(principal, params.slug, input as never, params.id));
}, { scope: 'WRITE' });

/** PATCH — changes only the fields sent; the result is checked like a new row. */
export const PATCH = withApi<Params>(async ({ params, principal, access, body }) => {
  const { schema, upsert } = resource(params.collection);
  const merged = await mergePatch(access, params.collection as ApiCollection, params.id, body);
  const input = parseOrThrow(schema, merged);
  return Response.json(await upsert(principal, params.slug, input as never, params.id));
}, { scope: 'WRITE' });

/** DELETE — 204; refused (409) when the row belongs to a closed month. */
export const DELETE = withApi<Params>(async ({ params, principal }) => {
  await resource(params.collection).remove(principal, params.slug, params.id);
  return new Response(null, { status: 204 });
}, { scope: 'WRITE' });
