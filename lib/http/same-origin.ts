/**
 * Cross-site request refusal, run by proxy.ts before anything else. A browser sends `Origin` with
 * every POST; a write that carries the user's cookies must come from a page of this site:
 *
 * - a server action (any non-GET request with a `Next-Action` header), wherever it is posted;
 * - a non-GET route handler under /api that is not a bearer-token call (those carry no cookie
 *   authority: the token is the credential, so they may come from anywhere).
 *
 * Next refuses a cross-site action by itself, but answers 500; this answers 403 first.
 *
 * "This site" is the host the browser addressed: `X-Forwarded-Host` when a reverse proxy sets it,
 * else `Host` (deploy/nginx.conf passes the original Host through). When the proxy says which
 * scheme the browser used (`X-Forwarded-Proto`), the Origin's scheme must match it too.
 * A request without Origin (curl, old clients) is judged by `Sec-Fetch-Site` when present, else let
 * through: without a browser there is no ambient cookie to abuse, and SameSite=Lax cookies are
 * not sent on cross-site POSTs anyway. `Origin: null` (sandboxed frames, privacy redirects) is refused.
 */

export type RequestLike = { method: string; headers: Headers; pathname: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const first = (value: string | null) => value?.split(',')[0]?.trim().toLowerCase() || null;

/** Which requests the check applies to (the proxy's matcher must route at least these here). */
export function needsSameOrigin(request: RequestLike): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (request.headers.has('next-action')) return true;
  const api = request.pathname === '/api' || request.pathname.startsWith('/api/');
  return api && !/^bearer\s/i.test(request.headers.get('authorization') ?? '');
}

/** True when the request plainly comes from this site (or from no browser at all). */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin === null) {
    const site = headers.get('sec-fetch-site');
    return site === null || site === 'same-origin' || site === 'none';
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes the opaque "null" origin
  }
  const host = first(headers.get('x-forwarded-host')) ?? first(headers.get('host'));
  if (!host || parsed.host.toLowerCase() !== host) return false;
  const proto = first(headers.get('x-forwarded-proto'));
  return proto === null || parsed.protocol === `${proto}:`;
}

/** The 403 to answer, or null to let the request through. */
export function crossSiteRefusal(request: RequestLike): Response | null {
  if (!needsSameOrigin(request) || isSameOrigin(request.headers)) return null;
  const message = 'Cross-site request refused: this request must come from a page of this site.';
  if (request.pathname.startsWith('/api/') && !request.headers.has('next-action')) {
    return Response.json({ error: { code: 'CROSS_SITE', message } }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  }
  return new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
