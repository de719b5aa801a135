import 'server-only';
import { db } from '@/lib/db';
import type { TokenPrincipal } from '@/lib/data/access';
import { hashToken } from '@/lib/data/invitations';
import { API_TOKEN_PREFIX } from '@/lib/api/token-schema';

const LAST_USED_PRECISION_MS = 60_000;

/** The bearer token of a request, if it looks like one of ours. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  const token = match?.[1];
  return token && token.startsWith(API_TOKEN_PREFIX) && token.length <= 100 ? token : null;
}

/**
 * The API token a request carries, or null (missing, unknown or revoked). Last use is recorded at
 * most once a minute, so a busy integration does not write on every request.
 */
export async function authenticateBearer(request: Request): Promise<TokenPrincipal | null> {
  const token = bearerToken(request);
  if (!token) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, organizationId: true, scope: true, name: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // Conditional update: of several concurrent requests, one writes.
    await db().apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { kind: 'token', tokenId: row.id, organizationId: row.organizationId, scope: row.scope, name: row.name };
}
