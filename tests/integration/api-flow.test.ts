import { describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/data/api-tokens';
import { callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { GET as listCollection, POST as postCollection } from '@/app/api/v1/orgs/[slug]/[collection]/route';
import { DELETE as deleteItem, PATCH as patchItem } from '@/app/api/v1/orgs/[slug]/[collection]/[id]/route';
import { GET as listMonths } from '@/app/api/v1/orgs/[slug]/months/route';
import { GET as getMonth, PUT as putMonth } from '@/app/api/v1/orgs/[slug]/months/[month]/route';
import { GET as getMetrics } from '@/app/api/v1/orgs/[slug]/metrics/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { testDb } from '../support/db';

async function orgWithToken(scope: 'READ' | 'WRITE' = 'WRITE') {
  const owner = await makeUser(testDb());
  const org = await makeOrganization(testDb(), owner);
  const { token } = await createApiToken(callerOf(owner), org.slug, { name: 'automation', scope });
  return { org, token };
}

function send(token: string, method: string, path: string, body?: unknown) {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

const MONTH = {
  csmFte: 4, loadedSalaries: '30000', toolsCost: 2000, trainingCost: 500, otherDirectCost: 0,
  indirectManagementCost: 3000, indirectInfrastructureCost: 1000, indirectRecruitingCost: 0,
  startArr: '1200000', newBusinessArr: 40000, startCustomers: 120, managedClients: 120,
};

describe('REST API, driven with a token', () => {
  it('creates a month, adds an account and deals, then reads metrics', async () => {
    const { org, token } = await orgWithToken();
    const slug = org.slug;

    const month = await putMonth(send(token, 'PUT', `/api/v1/orgs/${slug}/months/2026-03`, MONTH), params({ slug, month: '2026-03' }));
    expect(month.status).toBe(200);
    expect(await month.json()).toMatchObject({ month: '2026-03', version: 1 });

    const account = await postCollection(
      send(token, 'POST', `/api/v1/orgs/${slug}/accounts`, { externalId: 'crm-1', name: 'Acme', startDate: '2025-01-15', mrr: '2500' }),
      params({ slug, collection: 'accounts' }),
    );
    expect(account.status).toBe(201);

    const deal = { externalId: 'deal-1', accountExternalId: 'crm-1', date: '2026-03-10', type: 'UPSELL', arrAdded: '12000.50', attribution: 'CS_SOURCED' };
    const first = await postCollection(send(token, 'POST', `/api/v1/orgs/${slug}/deals`, deal), params({ slug, collection: 'deals' }));
    expect(first.status).toBe(201);
    const { id } = await first.json();
    // A re-delivered webhook: same id, 200, no duplicate.
    const again = await postCollection(send(token, 'POST', `/api/v1/orgs/${slug}/deals`, deal), params({ slug, collection: 'deals' }));
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(id);
    await postCollection(send(token, 'POST', `/api/v1/orgs/${slug}/deals`, { ...deal, externalId: 'deal-2', arrAdded: 6000, attribution: 'CS_INFLUENCED', attributionPct: 50 }), params({ slug, collection: 'deals' }));
    expect(await testDb().expansionDeal.count({ where: { organizationId: org.id } })).toBe(2);

    const page = await listCollection(send(token, 'GET', `/api/v1/orgs/${slug}/deals?limit=1&month=2026-03`), params({ slug, collection: 'deals' }));
    const body = await page.json();
    expect(body.data).toHaveLength(1);
    expect(typeof body.data[0].arrAdded).toBe('string');
    expect(body.nextCursor).not.toBeNull();
    const next = await listCollection(send(token, 'GET', `/api/v1/orgs/${slug}/deals?limit=1&cursor=${body.nextCursor}`), params({ slug, collection: 'deals' }));
    const nextBody = await next.json();
    expect(nextBody.data).toHaveLength(1);
    expect(nextBody.nextCursor).toBeNull();

    const patched = await patchItem(send(token, 'PATCH', `/api/v1/orgs/${slug}/deals/${id}`, { arrAdded: '13000' }), params({ slug, collection: 'deals', id }));
    expect(patched.status).toBe(200);
    const stored = await testDb().expansionDeal.findUniqueOrThrow({ where: { id } });
    expect([stored.arrAdded.toString(), stored.type, stored.externalId]).toEqual(['13000', 'UPSELL', 'deal-1']);
    const badPatch = await patchItem(send(token, 'PATCH', `/api/v1/orgs/${slug}/deals/${id}`, { attribution: 'CS_INFLUENCED', attributionPct: 150 }), params({ slug, collection: 'deals', id }));
    expect(badPatch.status).toBe(400);
    expect((await badPatch.json()).error.fields).toHaveProperty('attributionPct');
    const missing = await patchItem(send(token, 'PATCH', `/api/v1/orgs/${slug}/deals/00000000-0000-4000-8000-000000000000`, { arrAdded: 1 }), params({ slug, collection: 'deals', id: '00000000-0000-4000-8000-000000000000' }));
    expect(missing.status).toBe(404);

    const metrics = await getMetrics(send(token, 'GET', `/api/v1/orgs/${slug}/metrics?from=2026-03&to=2026-03`), params({ slug }));
    expect(metrics.status).toBe(200);
    const json = await metrics.json();
    expect(json.period).toMatchObject({ from: '2026-03', to: '2026-03', monthsWithFigures: 1 });
    expect(json.months[0].month).toBe('2026-03');
    const someMetric = Object.values(json.range)[0] as { value: unknown; explanation: { formula: string } };
    expect(someMetric.explanation.formula).toBeTruthy();

    const months = await listMonths(send(token, 'GET', `/api/v1/orgs/${slug}/months`), params({ slug }));
    expect((await months.json()).data[0]).toMatchObject({ month: '2026-03', loadedSalaries: '30000', status: 'DRAFT' });

    const removed = await deleteItem(send(token, 'DELETE', `/api/v1/orgs/${slug}/deals/${id}`), params({ slug, collection: 'deals', id }));
    expect(removed.status).toBe(204);
    expect(await testDb().expansionDeal.count({ where: { organizationId: org.id } })).toBe(1);
    const audit = await testDb().auditEntry.findFirst({ where: { organizationId: org.id, action: 'deal.delete' } });
    expect(audit?.actorTokenId).not.toBeNull();
  });

  it('names the field and writes nothing for negative money, a percentage over 100 or a bad month', async () => {
    const { org, token } = await orgWithToken();
    const slug = org.slug;
    const negative = await putMonth(send(token, 'PUT', `/api/v1/orgs/${slug}/months/2026-03`, { ...MONTH, loadedSalaries: -5 }), params({ slug, month: '2026-03' }));
    expect(negative.status).toBe(400);
    expect(Object.keys((await negative.json()).error.fields)).toEqual(['loadedSalaries']);

    const percent = await putMonth(send(token, 'PUT', `/api/v1/orgs/${slug}/months/2026-03`, { ...MONTH, featureAdoptionPct: '120' }), params({ slug, month: '2026-03' }));
    expect(percent.status).toBe(400);
    expect((await percent.json()).error.fields).toHaveProperty('featureAdoptionPct');

    const badMonth = await putMonth(send(token, 'PUT', `/api/v1/orgs/${slug}/months/2026-13`, MONTH), params({ slug, month: '2026-13' }));
    expect(badMonth.status).toBe(400);
    expect((await badMonth.json()).error.fields).toHaveProperty('month');

    const french = await putMonth(send(token, 'PUT', `/api/v1/orgs/${slug}/months/2026-04`, { ...MONTH, loadedSalaries: '1 234,56' }), params({ slug, month: '2026-04' }));
    expect(french.status).toBe(200);
    expect(await testDb().monthlyReport.count({ where: { organizationId: org.id } })).toBe(1);

    const unknown = await postCollection(send(token, 'POST', `/api/v1/orgs/${slug}/deals`, { accountExternalId: 'nope', date: '2026-03-01', type: 'UPSELL', arrAdded: 1, attribution: 'NOT_CS' }), params({ slug, collection: 'deals' }));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields).toHaveProperty('accountExternalId');

    const notJson = await postCollection(send(token, 'POST', `/api/v1/orgs/${slug}/deals`, '{oops'), params({ slug, collection: 'deals' }));
    expect(notJson.status).toBe(400);
    const tooLarge = await postCollection(send(token, 'POST', `/api/v1/orgs/${slug}/deals`, JSON.stringify({ name: 'x'.repeat(1_100_000) })), params({ slug, collection: 'deals' }));
    expect(tooLarge.status).toBe(413);
    const noSuchCollection = await listCollection(send(token, 'GET', `/api/v1/orgs/${slug}/widgets`), params({ slug, collection: 'widgets' }));
    expect(noSuchCollection.status).toBe(404);
    expect(await testDb().expansionDeal.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it('refuses a changed month when the client sends a stale version (409) and a closed month', async () => {
    const { org, token } = await orgWithToken();
    const slug = org.slug;
    await putMonth(send(token, 'PUT', `/api/v1/orgs/${slug}/months/2026-05`, MONTH), params({ slug, month: '2026-05' }));
    await putMonth(send(token, 'PUT', `/api/v1/orgs/${slug}/months/2026-05`, { ...MONTH, toolsCost: 1 }), params({ slug, month: '2026-05' }));
    const stale = await putMonth(send(token, 'PUT', `/api/v1/orgs/${slug}/months/2026-05`, { ...MONTH, toolsCost: 2, version: 1 }), params({ slug, month: '2026-05' }));
    expect(stale.status).toBe(409);
    const read = await getMonth(send(token, 'GET', `/api/v1/orgs/${slug}/months/2026-05`), params({ slug, month: '2026-05' }));
    expect(await read.json()).toMatchObject({ toolsCost: '1', version: 2 });
  });

  it('rate-limits per token with Retry-After', async () => {
    const { org, token } = await orgWithToken('READ');
    const tokenRow = await testDb().apiToken.findFirstOrThrow({ where: { organizationId: org.id } });
    await testDb().rateLimitBucket.create({ data: { key: `api:token:${tokenRow.id}`, count: 600, windowStart: new Date(), expiresAt: new Date(Date.now() + 30_000) } });
    const response = await listCollection(send(token, 'GET', `/api/v1/orgs/${org.slug}/saves`), params({ slug: org.slug, collection: 'saves' }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('publishes an OpenAPI 3.1 document built from the shared schemas', async () => {
    const response = await getOpenApi();
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/orgs/{slug}/months/{month}'].put).toBeTruthy();
    expect(doc.paths['/orgs/{slug}/deals'].post.requestBody).toBeTruthy();
    expect(doc.components.schemas.DealInput.properties.arrAdded).toBeTruthy();
    expect(doc.components.securitySchemes.bearer.scheme).toBe('bearer');
  });
});
