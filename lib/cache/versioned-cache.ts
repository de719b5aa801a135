import 'server-only';
import { readDataVersion } from '@/lib/cache/data-version';
import { Lru } from '@/lib/cache/lru';

/** Entries per process: a 12-month view of the big benchmark organisation weighs ~100 KB. */
const MAX_ENTRIES = 500;

// One store per process, kept on globalThis so every bundle of the server shares it.
const globalForCache = globalThis as unknown as { tenureVersionedCache?: Lru<Promise<unknown>> };
const store = () => (globalForCache.tenureVersionedCache ??= new Lru<Promise<unknown>>(MAX_ENTRIES));

/**
 * Computed figures of one organisation, cached in this process under the organisation's current
 * data version. Correct across processes: the version lives in PostgreSQL and is read on every
 * call, so after a write (by any process) the next call misses and recomputes. Keys start with the
 * organisation id, so one organisation's entries are never another's. Concurrent misses share one
 * computation (a board meeting opening the same link at once computes it once); a failure is not
 * kept. Values are shared between requests: callers must not mutate them.
 */
export async function cachedForOrganization<T>(organizationId: string, parts: readonly (string | number | boolean)[], compute: () => Promise<T>): Promise<T> {
  const version = await readDataVersion(organizationId);
  const key = `${organizationId}|${version}|${parts.join('|')}`;
  const hit = store().get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const pending = compute();
  store().set(key, pending);
  pending.catch(() => store().delete(key));
  return pending;
}

/** For tests: forget every entry of this process. */
export function clearVersionedCache(): void {
  store().clear();
}
