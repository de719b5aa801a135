import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { roleAtLeast, type Role } from '@/lib/data/roles';

export type OrgRef = { id: string; name: string; slug: string; currency: string; defaultLocale: string; fiscalYearStartMonth: number; isDemo: boolean };
export type OrgAccess = { organization: OrgRef; role: Role; caller: Caller };

const orgSelect = { id: true, name: true, slug: true, currency: true, defaultLocale: true, fiscalYearStartMonth: true, isDemo: true } as const;

/**
 * The caller's access to an organisation, by slug. Not a member ⇒ NOT_FOUND (we never confirm that
 * another organisation exists); a member below `needed` ⇒ FORBIDDEN.
 */
export async function orgAccess(caller: Caller, slug: string, needed: Role = 'VIEWER'): Promise<OrgAccess> {
  const membership = await db().membership.findFirst({
    where: { userId: caller.userId, organization: { slug } },
    select: { role: true, organization: { select: orgSelect } },
  });
  if (!membership) throw new AppError('NOT_FOUND');
  if (!roleAtLeast(membership.role, needed)) throw new AppError('FORBIDDEN');
  return { organization: membership.organization, role: membership.role, caller };
}

/** Same as orgAccess, by organisation id (for API routes and ids carried in payloads). */
export async function orgAccessById(caller: Caller, organizationId: string, needed: Role = 'VIEWER'): Promise<OrgAccess> {
  const membership = await db().membership.findFirst({
    where: { userId: caller.userId, organizationId },
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
