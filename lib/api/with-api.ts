import 'server-only';
import { authenticateBearer, bearerToken } from '@/lib/auth/api-token';
import { isTokenPrincipal, principalAccess, type Principal, type PrincipalAccess } from '@/lib/data/access';
import { AppError } from '@/lib/errors';
import { apiError } from '@/lib/http/api-error';
import { clientIp } from '@/lib/http/client-ip';
import { hitRateLimit } from '@/lib/rate-limit';
import { apiErrorResponse } from '@/lib/api/errors';

import { API_RATE_LIMIT, BAD_TOKEN_LIMIT, DEFAULT_MAX_BODY_BYTES } from '@/lib/api/limits';

export type ApiScope = 'READ' | 'WRITE';

export type ApiContext<P> = {
  request: Request;
  url: URL;
  params: P;
  principal: Principal;
  /** The organisation of the route's {slug}, checked for the scope. */
  access: PrincipalAccess;
  /** The parsed JSON body (undefined for GET and DELETE). */
  body: unknown;
};

type Options = { scope: ApiScope; maxBodyBytes?: number };

const NO_STORE = { 'Cache-Control': 'private, no-store' };

async function who(request: Request): Promise<Principal | null> {
  if (request.headers.get('authorization')) {
    // A bearer token never falls back to the session: a bad token is a 401, not a cookie's access.
    return bearerToken(request) ? authenticateBearer(request) : null;
  }
  // Signed-in users of the app (the import screen) use their session. Loaded lazily: it needs a
  // Next request context, which token-only callers (and tests) do not have.
  const { getCaller } = await import('@/lib/auth/caller');
  return getCaller();
}

// Session requests that write must be JSON from our own origin: a cross-site form cannot forge them.
function sameOriginJson(request: Request): boolean {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) return false;
  const origin = request.headers.get('origin');
  return !origin || origin === new URL(request.url).origin || origin === `${request.headers.get('x-forwarded-proto') ?? 'http'}://${request.headers.get('host')}`;
}

async function readJson(request: Request, maxBytes: number): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { ok: false, response: apiError(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`) };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: apiError(413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`) };
  if (text.trim() === '') return { ok: true, body: {} };
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, response: apiError(400, 'INVALID_JSON', 'The body is not valid JSON.') };
  }
  // PostgreSQL cannot store NUL in text, nor an unpaired surrogate in the audit log's JSON: refuse
  // them here rather than fail in the database (a 500). Both can only arrive as \\u escapes.
  if (ESCAPED_UNSTORABLE.test(text) && hasUnstorableText(body)) {
    return { ok: false, response: apiError(400, 'INVALID', 'Text must not contain NUL (\\u0000) characters or unpaired UTF-16 surrogates.') };
  }
  return { ok: true, body };
}

const ESCAPED_UNSTORABLE = /\\u(0000|d[89a-f])/i;
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hasUnstorableText(value: unknown): boolean {
  try {
    return containsUnstorable(value);
  } catch {
    return true; // nested too deep to walk: refuse it as well
  }
}

function containsUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(containsUnstorable);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => UNSTORABLE.test(k) || containsUnstorable(v));
  return false;
}

/**
 * The one wrapper of every /api/v1 route under /orgs/{slug}: authenticates (bearer token, or the
 * session as a fallback), rate-limits per token, checks the organisation and scope (READ ⇒ viewer,
 * WRITE ⇒ editor), reads a size-limited JSON body and turns every thrown error into
 * { error: { code, message, fields } } with its status code.
 */
export function withApi<P extends { slug: string }>(handler: (context: ApiContext<P>) => Promise<Response>, options: Options) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const principal = await who(request);
      if (!principal) {
        // Guessing tokens is hopeless (256 bits), but each guess costs a lookup: slow the guesser down.
        if (request.headers.get('authorization')) {
          const guard = await hitRateLimit(`api:bad-token:${clientIp(request.headers)}`, BAD_TOKEN_LIMIT, 60);
          if (!guard.allowed) return apiError(429, 'RATE_LIMITED', 'Too many requests with an invalid token.', undefined, { 'Retry-After': String(guard.retryAfterSeconds) });
        }
        return apiError(401, 'UNAUTHENTICATED', 'Send a valid API token: Authorization: Bearer tnr_…', undefined, { 'WWW-Authenticate': 'Bearer' });
      }
      const key = isTokenPrincipal(principal) ? `api:token:${principal.tokenId}` : `api:user:${principal.userId}`;
      const rate = await hitRateLimit(key, API_RATE_LIMIT.limit, API_RATE_LIMIT.windowSeconds);
      const rateHeaders = { 'X-RateLimit-Limit': String(API_RATE_LIMIT.limit), 'X-RateLimit-Remaining': String(rate.remaining) };
      if (!rate.allowed) {
        return apiError(429, 'RATE_LIMITED', `Too many requests: at most ${API_RATE_LIMIT.limit} a minute per token.`, undefined, { ...rateHeaders, 'Retry-After': String(rate.retryAfterSeconds) });
      }
      const hasBody = !['GET', 'HEAD', 'DELETE'].includes(request.method);
      if (hasBody && !isTokenPrincipal(principal) && !sameOriginJson(request)) throw new AppError('FORBIDDEN');
      const params = await route.params;
      const access = await principalAccess(principal, params.slug, options.scope === 'WRITE' ? 'EDITOR' : 'VIEWER');
      let body: unknown;
      if (hasBody) {
        const read = await readJson(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        if (!read.ok) return read.response;
        body = read.body;
      }
      const response = await handler({ request, url: new URL(request.url), params, principal, access, body });
      for (const [name, value] of Object.entries({ ...NO_STORE, ...rateHeaders })) if (!response.headers.has(name)) response.headers.set(name, value);
      return response;
    } catch (error) {
      return apiErrorResponse(error);
    }
  };
}
