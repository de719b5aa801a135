import 'server-only';
import { notFound } from 'next/navigation';
import { requireCaller } from '@/lib/auth/caller';
import { orgAccess, type OrgAccess } from '@/lib/data/access';
import { isAppError } from '@/lib/errors';
import type { Role } from '@/lib/data/roles';

/**
 * For pages under /orgs/[slug]: signed out ⇒ sign-in; not a member (or not enough role) ⇒ 404, so a
 * page never confirms that another organisation exists.
 */
export async function pageAccess(slug: string, needed: Role = 'VIEWER', path = `/orgs/${slug}`): Promise<OrgAccess> {
  const caller = await requireCaller(path);
  try {
    return await orgAccess(caller, slug, needed);
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND') || isAppError(error, 'FORBIDDEN')) notFound();
    throw error;
  }
}
