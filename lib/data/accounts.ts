import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { orgAccess } from '@/lib/data/access';

export async function listAccounts(caller: Caller, slug: string, options: { take?: number } = {}) {
  const { organization } = await orgAccess(caller, slug, 'VIEWER');
  const where = { organizationId: organization.id };
  const [rows, total] = await Promise.all([
    db().account.findMany({
      where,
      select: { id: true, name: true, externalId: true, segment: true, startDate: true, mrr: true, churnDate: true, csm: { select: { name: true } } },
      orderBy: [{ name: 'asc' }],
      take: options.take ?? 200,
    }),
    db().account.count({ where }),
  ]);
  return { rows, total };
}
