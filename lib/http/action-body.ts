/**
 * A first look at a server action's body, in proxy.ts, before Next decodes it. Next answers a body
 * its decoder cannot read with a 500 before any Tenure code runs; this turns the plainly malformed
 * ones into a 400. Only what a browser can never send is refused:
 *
 * - a `text/plain` body (React's encoding when every argument fits in one JSON document) must be a
 *   JSON array, and may only use the `$` markers that stand for a value by themselves (an escaped
 *   `$`, undefined, NaN, ±Infinity, -0, a date, a bigint): the markers that point at other parts
 *   of a multipart body (`$1`, `$Q1`, `$K1`, `$@1`, …) cannot be honoured in a body with one part;
 * - a `multipart/form-data` body must parse, and its root part (`0`), when present, must be JSON.
 */

const SELF_CONTAINED = /^\$(\$|I|N|u|-0$|-Infinity$|D)/;

function onlySelfContainedMarkers(value: unknown): boolean {
  if (typeof value === 'string') {
    if (!value.startsWith('$')) return true;
    if (value.startsWith('$n')) return /^\$n-?\d+$/.test(value);
    return SELF_CONTAINED.test(value);
  }
  if (Array.isArray(value)) return value.every(onlySelfContainedMarkers);
  if (value !== null && typeof value === 'object') return Object.values(value).every(onlySelfContainedMarkers);
  return true;
}

function parsesAsJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** True when a single-part (text/plain) action body cannot be a browser's argument list. */
export function malformedTextActionBody(body: string): boolean {
  const parsed = parsesAsJson(body);
  return !parsed.ok || !Array.isArray(parsed.value) || !onlySelfContainedMarkers(parsed.value);
}

/** The 400 to answer for a server action request whose body is plainly malformed, or null. */
export async function malformedActionRefusal(request: Request): Promise<Response | null> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  let malformed = false;
  if (type.startsWith('multipart/form-data')) {
    try {
      const root = (await request.clone().formData()).get('0');
      malformed = typeof root === 'string' && !parsesAsJson(root).ok;
    } catch {
      malformed = true;
    }
  } else if (type === '' || type.startsWith('text/plain')) {
    malformed = malformedTextActionBody(await request.clone().text());
  }
  if (!malformed) return null;
  return new Response('Malformed server action request.', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
