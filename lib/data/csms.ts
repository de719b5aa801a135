import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { orgAccess } from '@/lib/data/access';

export async function listCsms(caller: Caller, slug: string) {
  const { organization } = await orgAccess(caller, slug, 'VIEWER');
  return db().csm.findMany({
    where: { organizationId: organization.id },
    select: { id: true, name: true, email: true, startDate: true, endDate: true, _count: { select: { accounts: true } } },
    orderBy: { name: 'asc' },
  });
}
