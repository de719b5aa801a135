/** Only same-site paths: a crafted link must not bounce a fresh sign-in to another site. */
export function safeCallbackUrl(value: string | undefined | null, fallback = '/orgs'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
