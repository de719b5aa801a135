import 'server-only';
import { db, type Tx } from '@/lib/db';
import type { PrincipalAccess } from '@/lib/data/access';
import { isUuid } from '@/lib/data/entries/shared';
import { AppError } from '@/lib/errors';
import { loadExisting } from '@/lib/import/existing';
import type { ApiCollection } from '@/lib/api/collections';

// Fields that replace a stored one under another name: sending either side drops the stored value.
const REPLACES: Record<string, string[]> = {
  accountExternalId: ['accountId'], accountId: ['accountId'],
  csmExternalId: ['csmId'], csmId: ['csmId'],
  attribution: ['attributionPct'],
};

/**
 * A PATCH body laid over the stored row, so a client may send only what changes. The result is
 * validated by the same schema as a POST. Unknown id (or another organisation's) ⇒ NOT_FOUND.
 */
export async function mergePatch(access: PrincipalAccess, collection: ApiCollection, id: string, body: unknown): Promise<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const found = await loadExisting(db() as unknown as Tx, access.organization.id, collection, [`id:${id}`]);
  const stored = found.get(`id:${id}`);
  if (!stored) throw new AppError('NOT_FOUND');
  const current: Record<string, unknown> = Object.fromEntries(Object.entries(stored.values).filter(([, v]) => v !== null));
  // Own keys only: a body key such as "constructor" must not reach Object.prototype.
  for (const key of Object.keys(body)) for (const dropped of Object.hasOwn(REPLACES, key) ? REPLACES[key]! : []) delete current[dropped];
  return { ...current, ...(body as Record<string, unknown>) };
}
