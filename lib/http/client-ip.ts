type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** The caller's address as the reverse proxy reports it (first X-Forwarded-For hop), for rate limits. */
export function clientIp(headers: HeaderBag): string {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = read('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || read('x-real-ip') || 'unknown';
}
