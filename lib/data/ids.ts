import { AppError } from '@/lib/errors';

// The data layer never trusts its callers for the shape of what names a row: ids, slugs and link
// tokens arrive from URLs, forms, server-action arguments and JSON, typed as strings but checked
// by nobody. Something that cannot name a row is NOT_FOUND, exactly like a row of another
// organisation, instead of reaching Prisma (which throws on a malformed UUID, a 500).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The id itself, or NOT_FOUND when it is not a UUID. */
export function requireUuid(id: unknown): string {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  return id;
}

// Slugs are lowercase ASCII letters, digits and hyphens (lib/data/slug.ts, slugSchema).
const SLUG = /^[a-z0-9-]{1,100}$/;

/** An organisation slug, or NOT_FOUND when the text cannot be one (wrong type, NUL, too long…). */
export function requireSlug(slug: unknown): string {
  if (typeof slug !== 'string' || !SLUG.test(slug)) throw new AppError('NOT_FOUND');
  return slug;
}

/** A random link token (share link, invitation): text of a sane length, or null. */
export function tokenText(token: unknown): string | null {
  return typeof token === 'string' && token.length >= 20 && token.length <= 100 ? token : null;
}
