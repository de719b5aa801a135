import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createApiToken } from '@/lib/data/api-tokens';
import { callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { GET as listCollection, POST as postCollection } from '@/app/api/v1/orgs/[slug]/[collection]/route';
import { GET as getMonth, PUT as putMonth } from '@/app/api/v1/orgs/[slug]/months/[month]/route';

/** An organisation with its owner and a WRITE token, as an integration (webhook sender) would have. */
export async function orgWithToken(prisma: PrismaClient) {
  const owner = await makeUser(prisma);
  const org = await makeOrganization(prisma, owner);
  const { token } = await createApiToken(callerOf(owner), org.slug, { name: 'faults', scope: 'WRITE' });
  return { owner, org, token };
}

function request(token: string, method: string, path: string, body?: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const params = <P>(value: P) => ({ params: Promise.resolve(value) });

/** The route handlers, called in-process exactly as Next calls them. */
export const api = {
  putMonth: (token: string, slug: string, month: string, body: unknown) =>
    putMonth(request(token, 'PUT', `/api/v1/orgs/${slug}/months/${month}`, body), params({ slug, month })),
  getMonth: (token: string, slug: string, month: string) =>
    getMonth(request(token, 'GET', `/api/v1/orgs/${slug}/months/${month}`), params({ slug, month })),
  list: (token: string, slug: string, collection: string) =>
    listCollection(request(token, 'GET', `/api/v1/orgs/${slug}/${collection}?limit=20`), params({ slug, collection })),
  post: (token: string, slug: string, collection: string, body: unknown) =>
    postCollection(request(token, 'POST', `/api/v1/orgs/${slug}/${collection}`, body), params({ slug, collection })),
};

export const MONTH_FIGURES = {
  csmFte: 4, loadedSalaries: '30000', toolsCost: 2000, trainingCost: 500, otherDirectCost: 0,
  indirectManagementCost: 3000, indirectInfrastructureCost: 1000, indirectRecruitingCost: 0,
  startArr: '1200000', newBusinessArr: 40000, startCustomers: 120, managedClients: 120,
};
