import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { roleAtLeast, type Role } from '@/lib/data/roles';
import { actorOf, type AuditActor } from '@/lib/data/audit';
import { requireSlug, requireUuid } from '@/lib/data/ids';

export type OrgRef = { id: string; name: string; slug: string; currency: string; defaultLocale: string; fiscalYearStartMonth: number; isDemo: boolean };
export type OrgAccess = { organization: OrgRef; role: Role; caller: Caller };

const orgSelect = { id: true, name: true, slug: true, currency: true, defaultLocale: true, fiscalYearStartMonth: true, isDemo: true } as const;

/**
 * The caller's access to an organisation, by slug. Not a member ⇒ NOT_FOUND (we never confirm that
 * another organisation exists); a member below `needed` ⇒ FORBIDDEN.
 */
export async function orgAccess(caller: Caller, slug: string, needed: Role = 'VIEWER'): Promise<OrgAccess> {
  const membership = await db().membership.findFirst({
    where: { userId: caller.userId, organization: { slug: requireSlug(slug) } },
    select: { role: true, organization: { select: orgSelect } },
  });
  if (!membership) throw new AppError('NOT_FOUND');
  if (!roleAtLeast(membership.role, needed)) throw new AppError('FORBIDDEN');
  return { organization: membership.organization, role: membership.role, caller };
}

/** Same as orgAccess, by organisation id (for API routes and ids carried in payloads). */
export async function orgAccessById(caller: Caller, organizationId: string, needed: Role = 'VIEWER'): Promise<OrgAccess> {
  const membership = await db().membership.findFirst({
    where: { userId: caller.userId, organizationId: requireUuid(organizationId) },
    select: { role: true, organization: { select: orgSelect } },
  });
  if (!membership) throw new AppError('NOT_FOUND');
  if (!roleAtLeast(membership.role, needed)) throw new AppError('FORBIDDEN');
  return { organization: membership.organization, role: membership.role, caller };
}

/** Prisma filter: organisations the caller belongs to. */
export function memberOf(caller: Caller) {
  return { memberships: { some: { userId: caller.userId } } };
}

/** An API token acting for its organisation: READ reads like a viewer, WRITE writes like an editor. */
export type TokenPrincipal = { kind: 'token'; tokenId: string; organizationId: string; scope: 'READ' | 'WRITE'; name: string };

/** Whoever is asking: a signed-in user or an API token. */
export type Principal = Caller | TokenPrincipal;

export function isTokenPrincipal(principal: Principal): principal is TokenPrincipal {
  return 'kind' in principal && principal.kind === 'token';
}

export type PrincipalAccess = { organization: OrgRef; role: Role; actor: AuditActor; principal: Principal };

/**
 * orgAccess for users and API tokens alike. A token only ever reaches its own organisation: any
 * other slug is NOT_FOUND, exactly as for a user who is not a member.
 */
export async function principalAccess(principal: Principal, slug: string, needed: Role = 'VIEWER'): Promise<PrincipalAccess> {
  if (!isTokenPrincipal(principal)) {
    const access = await orgAccess(principal, slug, needed);
    return { organization: access.organization, role: access.role, actor: actorOf(principal), principal };
  }
  const organization = await db().organization.findFirst({ where: { id: principal.organizationId, slug: requireSlug(slug) }, select: orgSelect });
  if (!organization) throw new AppError('NOT_FOUND');
  const role: Role = principal.scope === 'WRITE' ? 'EDITOR' : 'VIEWER';
  if (!roleAtLeast(role, needed)) throw new AppError('FORBIDDEN');
  return { organization, role, actor: { tokenId: principal.tokenId, label: `API token ${principal.name}` }, principal };
}
