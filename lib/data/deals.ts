import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { orgAccess } from '@/lib/data/access';

export async function listDeals(caller: Caller, slug: string, options: { take?: number } = {}) {
  const { organization } = await orgAccess(caller, slug, 'VIEWER');
  const where = { organizationId: organization.id };
  const [rows, total] = await Promise.all([
    db().expansionDeal.findMany({
      where,
      select: { id: true, date: true, type: true, arrAdded: true, attribution: true, attributionPct: true, account: { select: { name: true } }, csm: { select: { name: true } } },
      orderBy: [{ date: 'desc' }],
      take: options.take ?? 200,
    }),
    db().expansionDeal.count({ where }),
  ]);
  return { rows, total };
}
