import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';

/**
 * The organisation's data version (migration 20261203040000): triggers bump it in the same
 * transaction as any write to its figures, events, accounts, CSMs or method settings. One primary-key
 * read; memoised per request when called during a render, so every section shares it.
 */
export const readDataVersion = cache(async (organizationId: string): Promise<string> => {
  const rows = await db().$queryRaw<{ v: string }[]>`SELECT "dataVersion"::text AS v FROM "Organization" WHERE "id" = ${organizationId}::uuid`;
  // An unknown organisation has no figures to cache; a key that never repeats keeps it out.
  return rows[0]?.v ?? `missing-${Date.now()}-${Math.random()}`;
});
