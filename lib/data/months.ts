import 'server-only';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { orgAccess } from '@/lib/data/access';

export async function listMonths(caller: Caller, slug: string) {
  const { organization } = await orgAccess(caller, slug, 'VIEWER');
  return db().monthlyReport.findMany({
    where: { organizationId: organization.id },
    select: {
      id: true, month: true, status: true, csmFte: true, loadedSalaries: true, toolsCost: true, trainingCost: true, otherDirectCost: true,
      startArr: true, startCustomers: true, updatedAt: true, version: true,
    },
    orderBy: { month: 'desc' },
  });
}
