import 'server-only';
import { Lru } from '@/lib/cache/lru';

/** A rendered board page as it was sent (Next compresses it per response, as it does any page). */
export type CachedPage = { body: Uint8Array<ArrayBuffer>; headers: [string, string][]; renderedAt: number };

/** Pages per process. A page of the big benchmark organisation is ~0.45 MB: 40 stay under ~20 MB. */
const MAX_PAGES = 40;
/**
 * A page's key holds its data version, so figures are never stale; what the key cannot hold (the
 * current month of an empty organisation, the count of live share links in the checklist) may be
 * this old at most.
 */
export const FRESH_MS = 60_000;

const pages = new Lru<CachedPage>(MAX_PAGES);
const rendering = new Map<string, Promise<CachedPage | null>>();

function startRender(key: string, render: () => Promise<CachedPage | null>): Promise<CachedPage | null> {
  const pending = render()
    .then((page) => {
      if (page) pages.set(key, page);
      return page;
    })
    .catch((error: unknown) => {
      console.error('Could not render the board page for the cache', error);
      return null;
    })
    .finally(() => rendering.delete(key));
  rendering.set(key, pending);
  return pending;
}

/**
 * The page under `key`: from the cache when fresh; when older than FRESH_MS, the old page is served
 * while one render refreshes it; on a miss, concurrent requests share one render (a board meeting
 * opening the link at once renders it once). Null when the render failed or was not cacheable.
 */
export function cachedBoardPage(key: string, render: () => Promise<CachedPage | null>): Promise<CachedPage | null> {
  const hit = pages.get(key);
  if (hit && Date.now() - hit.renderedAt < FRESH_MS) return Promise.resolve(hit);
  const refresh = rendering.get(key) ?? startRender(key, render);
  return hit ? Promise.resolve(hit) : refresh;
}
