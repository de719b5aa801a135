import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { requireUuid } from '@/lib/data/ids';
import { orgAccess } from '@/lib/data/access';
import { actorOf, recordAudit } from '@/lib/data/audit';
import { hashToken } from '@/lib/data/invitations';
import { API_TOKEN_PREFIX, type ApiTokenInput } from '@/lib/api/token-schema';

export type ApiTokenSummary = {
  id: string;
  name: string;
  scope: 'READ' | 'WRITE';
  tokenPrefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const summarySelect = { id: true, name: true, scope: true, tokenPrefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** A new secret: tnr_ + 32 random bytes in base64url. Only its sha256 is stored. */
export function generateApiToken(): { token: string; tokenHash: string; tokenPrefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashToken(token), tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

/** Owners only. Returns the token once: it cannot be read back afterwards. */
export async function createApiToken(caller: Caller, slug: string, input: ApiTokenInput): Promise<{ token: string; summary: ApiTokenSummary }> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  const { token, tokenHash, tokenPrefix } = generateApiToken();
  return db().$transaction(async (tx) => {
    const summary = await tx.apiToken.create({
      data: { organizationId: organization.id, name: input.name, scope: input.scope, tokenHash, tokenPrefix, createdById: caller.userId },
      select: summarySelect,
    });
    await recordAudit(tx, {
      organizationId: organization.id,
      actor: actorOf(caller),
      action: 'apiToken.create',
      entityType: 'ApiToken',
      entityId: summary.id,
      after: { name: summary.name, scope: summary.scope, tokenPrefix },
    });
    return { token, summary };
  });
}

/** Owners only: every token of the organisation, newest first, revoked ones included. */
export async function listApiTokens(caller: Caller, slug: string): Promise<ApiTokenSummary[]> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  return db().apiToken.findMany({ where: { organizationId: organization.id }, select: summarySelect, orderBy: { createdAt: 'desc' } });
}

/** Owners only. A revoked token stops working on its next request. */
export async function revokeApiToken(caller: Caller, slug: string, tokenId: string): Promise<void> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  await db().$transaction(async (tx) => {
    const before = await tx.apiToken.findFirst({ where: { id: requireUuid(tokenId), organizationId: organization.id }, select: summarySelect });
    if (!before) throw new AppError('NOT_FOUND');
    if (before.revokedAt) return;
    const after = await tx.apiToken.update({ where: { id: before.id }, data: { revokedAt: new Date() }, select: summarySelect });
    await recordAudit(tx, {
      organizationId: organization.id,
      actor: actorOf(caller),
      action: 'apiToken.revoke',
      entityType: 'ApiToken',
      entityId: before.id,
      before: { name: before.name, scope: before.scope, revokedAt: null },
      after: { name: after.name, scope: after.scope, revokedAt: after.revokedAt },
    });
  });
}
