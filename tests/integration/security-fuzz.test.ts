import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/data/api-tokens';
import { callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { POST as postCollection } from '@/app/api/v1/orgs/[slug]/[collection]/route';
import { DELETE as deleteItem, PATCH as patchItem, PUT as putItem } from '@/app/api/v1/orgs/[slug]/[collection]/[id]/route';
import { PUT as putMonth } from '@/app/api/v1/orgs/[slug]/months/[month]/route';
import { POST as postImport } from '@/app/api/v1/orgs/[slug]/imports/[kind]/route';
import { API_COLLECTIONS } from '@/lib/api/collections';
import { IMPORT_KINDS } from '@/lib/import/kinds';
import { testDb } from '../support/db';
import { idArb, monthArb, nastyString, nastyValue } from '../support/fuzz-values';

/**
 * Bad input, generated: every /api/v1 write endpoint and the import receive thousands of payloads
 * (wrong types, huge and negative numbers, NaN/Infinity strings, unicode and control characters,
 * SQL and HTML fragments, invalid months and dates, broken JSON, 10 MB bodies). Each answer must be
 * a success or a 4xx with a message; never a 5xx; and when refused, the organisation's rows hash
 * exactly as before.
 */
const TABLES = ['Organization', 'Membership', 'Invitation', 'MethodSettings', 'Csm', 'MonthlyReport', 'Account', 'ChurnEvent', 'Save', 'ExpansionDeal', 'ShareLink', 'ApiToken', 'BoardSnapshot', 'AuditEntry', 'MonthEventTotals', 'AccountCohortTotals'];

async function checksum(organizationId: string): Promise<string> {
  const parts = TABLES.map((table) => {
    const column = table === 'Organization' ? 'id' : 'organizationId';
    // lastUsedAt of the token moves on every authenticated request by design.
    const row = table === 'ApiToken' ? `(t.id, t.name, t."tokenHash", t.scope, t."revokedAt")::text` : 't::text';
    return `SELECT '${table}' AS name, md5(coalesce(string_agg(${row}, ',' ORDER BY ${row}), '')) AS sum FROM "${table}" t WHERE "${column}" = $1::uuid`;
  });
  const rows = await testDb().$queryRawUnsafe<{ name: string; sum: string }[]>(parts.join(' UNION ALL '), organizationId);
  return rows.map((r) => `${r.name}:${r.sum}`).join(';');
}

// ---- generated values: tests/support/fuzz-values.ts ---------------------------------------------
const FIELDS: Record<string, string[]> = {
  csms: ['externalId', 'name', 'email', 'startDate', 'endDate'],
  accounts: ['externalId', 'name', 'segment', 'csmId', 'csmExternalId', 'startDate', 'mrr', 'churnDate'],
  'churn-events': ['externalId', 'accountId', 'accountExternalId', 'csmId', 'date', 'kind', 'arrLost', 'reason'],
  saves: ['externalId', 'accountId', 'accountExternalId', 'date', 'arrSaved', 'playbook'],
  deals: ['externalId', 'accountId', 'accountExternalId', 'date', 'type', 'arrAdded', 'attribution', 'attributionPct'],
  months: ['csmFte', 'loadedSalaries', 'toolsCost', 'startArr', 'newBusinessArr', 'startCustomers', 'managedClients', 'avgHealthScore', 'featureAdoptionPct', 'notes', 'version'],
};
const VALID: Record<string, Record<string, unknown>> = {
  csms: { name: 'Fuzz CSM', startDate: '2025-01-01' },
  accounts: { name: 'Fuzz account', startDate: '2025-01-01', mrr: '100' },
  'churn-events': { accountExternalId: 'fuzz-acc', date: '2026-03-05', kind: 'FULL', arrLost: '10' },
  saves: { accountExternalId: 'fuzz-acc', date: '2026-03-05', arrSaved: '10' },
  deals: { accountExternalId: 'fuzz-acc', date: '2026-03-05', type: 'UPSELL', arrAdded: '10', attribution: 'CS_SOURCED' },
  months: { csmFte: 1, loadedSalaries: 1, toolsCost: 0, trainingCost: 0, otherDirectCost: 0, indirectManagementCost: 0, indirectInfrastructureCost: 0, indirectRecruitingCost: 0, startArr: 1, newBusinessArr: 0, startCustomers: 1, managedClients: 1 },
};

/** A payload for a kind: anything at all, a record of nasty fields, or a valid one with one field spoiled. */
function payload(kind: string): fc.Arbitrary<unknown> {
  const fields = FIELDS[kind]!;
  return fc.oneof(
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...fields), nastyValue, { maxKeys: fields.length }) },
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...fields), nastyValue).map(([field, value]) => ({ ...VALID[kind], [field]: value })) },
  );
}

/** A raw body: JSON of a payload, or text that is not JSON at all. */
function body(kind: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: payload(kind).map((p) => JSON.stringify(p) ?? 'undefined') },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"name":', 'NaN', '[1,2', '\u0000', '{"a":1}garbage', '[' .repeat(100_000), '{"__proto__":{"admin":true}}', 'null', '"string"', '1e99999') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}

// ---- harness -------------------------------------------------------------------------------------
let org: { id: string; slug: string };
let token: string;
const stats = { inputs: 0, successes: 0, rejections: 0, serverErrors: 0, byStatus: new Map<number, number>() };
const failures: string[] = [];

function request(method: string, path: string, text?: string) {
  return new Request(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(text === undefined ? {} : { body: text }) });
}
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

/** Sends one input and checks the answer and the database; returns nothing, records failures. */
async function attempt(label: string, send: () => Promise<Response>): Promise<void> {
  // One token sends thousands of requests: keep its rate limit out of the way.
  if (stats.inputs % 400 === 0) await testDb().$executeRawUnsafe(`DELETE FROM "RateLimitBucket" WHERE key LIKE 'api:%'`);
  const before = await checksum(org.id);
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    stats.serverErrors += 1;
    failures.push(`${label}: threw ${String(error).slice(0, 200)}`);
    return;
  }
  stats.inputs += 1;
  if (stats.inputs % 500 === 0) console.log(`[security] fuzz: ${stats.inputs} inputs so far, ${failures.length} failures`);
  stats.byStatus.set(response.status, (stats.byStatus.get(response.status) ?? 0) + 1);
  const text = await response.text();
  if (response.status >= 500) {
    stats.serverErrors += 1;
    failures.push(`${label}: ${response.status} ${text.slice(0, 300)}`);
    return;
  }
  if (response.status >= 400) {
    stats.rejections += 1;
    let message: unknown;
    try {
      message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    } catch {
      message = undefined;
    }
    if (typeof message !== 'string' || message.length === 0) failures.push(`${label}: ${response.status} without a message: ${text.slice(0, 200)}`);
    if ((await checksum(org.id)) !== before) failures.push(`${label}: refused with ${response.status}, yet the organisation's rows changed`);
  } else {
    stats.successes += 1;
  }
}

function record(label: string, detail: unknown): string {
  const shown = typeof detail === 'string' ? detail : JSON.stringify(detail);
  return `${label} ${String(shown).slice(0, 160)}`;
}

beforeAll(async () => {
  const owner = await makeUser(testDb());
  const made = await makeOrganization(testDb(), owner);
  org = { id: made.id, slug: made.slug };
  token = (await createApiToken(callerOf(owner), org.slug, { name: 'fuzz', scope: 'WRITE' })).token;
  // Rows for ids and references: an account (fuzz-acc), a CSM, an event of each kind, a draft month.
  const account = await postCollection(request('POST', `/api/v1/orgs/${org.slug}/accounts`, JSON.stringify({ ...VALID.accounts, externalId: 'fuzz-acc' })), params({ slug: org.slug, collection: 'accounts' }));
  expect(account.status).toBe(201);
  for (const kind of ['csms', 'churn-events', 'saves', 'deals']) {
    const made = await postCollection(request('POST', `/api/v1/orgs/${org.slug}/${kind}`, JSON.stringify({ ...VALID[kind], externalId: `fuzz-${kind}` })), params({ slug: org.slug, collection: kind }));
    expect(made.status, kind).toBe(201);
  }
  expect((await putMonth(request('PUT', `/api/v1/orgs/${org.slug}/months/2026-03`, JSON.stringify(VALID.months)), params({ slug: org.slug, month: '2026-03' }))).status).toBe(200);
});

afterAll(() => {
  const statuses = [...stats.byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`[security] fuzz: ${stats.inputs} inputs tried, ${stats.successes} accepted, ${stats.rejections} refused with a 4xx, ${stats.serverErrors} 5xx (${statuses})`);
});

const RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 100);

describe('fuzzing the REST API writes and the import', () => {
  for (const collection of API_COLLECTIONS) {
    it(`POST, PUT, PATCH and DELETE /api/v1/orgs/{slug}/${collection}`, async () => {
      const existing = await testDb().$queryRawUnsafe<{ id: string }[]>(
        `SELECT id::text FROM "${{ csms: 'Csm', accounts: 'Account', 'churn-events': 'ChurnEvent', saves: 'Save', deals: 'ExpansionDeal' }[collection]}" WHERE "organizationId" = $1::uuid AND "externalId" LIKE 'fuzz-%' LIMIT 1`,
        org.id,
      );
      const realId = existing[0]!.id;
      const slug = org.slug;
      await fc.assert(
        fc.asyncProperty(body(collection), async (text) => {
          await attempt(record(`POST ${collection}`, text), () => postCollection(request('POST', `/api/v1/orgs/${slug}/${collection}`, text), params({ slug, collection })));
        }),
        { numRuns: RUNS * 2 },
      );
      await fc.assert(
        fc.asyncProperty(body(collection), fc.oneof({ weight: 3, arbitrary: fc.constant(realId) }, { weight: 1, arbitrary: idArb }), fc.constantFrom('PUT', 'PATCH'), async (text, id, method) => {
          const handler = method === 'PUT' ? putItem : patchItem;
          await attempt(record(`${method} ${collection}/${id.slice(0, 40)}`, text), () => handler(request(method, `/api/v1/orgs/${slug}/${collection}/${encodeURIComponent(id)}`, text), params({ slug, collection, id })));
        }),
        { numRuns: RUNS * 2 },
      );
      await fc.assert(
        fc.asyncProperty(idArb, async (id) => {
          await attempt(`DELETE ${collection}/${id.slice(0, 40)}`, () => deleteItem(request('DELETE', `/api/v1/orgs/${slug}/${collection}/${encodeURIComponent(id)}`), params({ slug, collection, id })));
        }),
        { numRuns: Math.ceil(RUNS / 3) },
      );
      // Unknown collections and a wrong slug are 404 whatever the body.
      await attempt('POST unknown collection', () => postCollection(request('POST', `/api/v1/orgs/${slug}/users`, '{}'), params({ slug, collection: 'users' })));
      await attempt("POST to a slug with SQL in it", () => postCollection(request('POST', `/api/v1/orgs/x'--/${collection}`, '{}'), params({ slug: "x'--", collection })));
    }, 300_000);
  }

  it('PUT /api/v1/orgs/{slug}/months/{month}', async () => {
    const slug = org.slug;
    await fc.assert(
      fc.asyncProperty(body('months'), fc.oneof({ weight: 3, arbitrary: fc.constant('2026-03') }, { weight: 1, arbitrary: monthArb }), async (text, month) => {
        await attempt(record(`PUT months/${month}`, text), () => putMonth(request('PUT', `/api/v1/orgs/${slug}/months/${encodeURIComponent(month)}`, text), params({ slug, month })));
      }),
      { numRuns: RUNS * 3 },
    );
  }, 300_000);

  it('POST /api/v1/orgs/{slug}/imports/{kind}, dry run and commit', async () => {
    const slug = org.slug;
    const row = (kind: string) =>
      fc.record({ line: fc.oneof(fc.integer({ min: 1, max: 10_000 }), nastyValue), values: fc.oneof({ weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...(FIELDS[kind === 'months' ? 'months' : kind] ?? ['name']), 'name', 'month', 'account', 'csm', 'date'), nastyString) }, { weight: 1, arbitrary: nastyValue }) });
    const importBody = (kind: string) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.array(row(kind), { maxLength: 8 }).map((rows) => JSON.stringify({ rows })) },
        { weight: 1, arbitrary: body(kind) },
      );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...IMPORT_KINDS, 'unknown'), fc.boolean(), fc.constantFrom(...IMPORT_KINDS).chain((kind) => importBody(kind)), async (kind, dryRun, text) => {
        await attempt(record(`POST imports/${kind}?dryRun=${dryRun}`, text), () =>
          postImport(request('POST', `/api/v1/orgs/${slug}/imports/${kind}?dryRun=${dryRun}`, text), params({ slug, kind })),
        );
      }),
      { numRuns: RUNS * 4 },
    );
  }, 300_000);

  it('10 MB bodies are refused with 413 (or read and refused by the import) without a 5xx', async () => {
    const slug = org.slug;
    const huge = JSON.stringify({ name: 'x'.repeat(10 * 1024 * 1024), startDate: '2025-01-01', mrr: '1' });
    const hugeRows = JSON.stringify({ rows: [{ line: 1, values: { name: 'y'.repeat(10 * 1024 * 1024) } }] });
    const manyRows = JSON.stringify({ rows: Array.from({ length: 200_000 }, (_, i) => ({ line: i + 1, values: { name: `n${i}`, startDate: '2025-01-01', mrr: '1' } })) });
    for (const collection of API_COLLECTIONS) {
      await attempt(`POST ${collection} 10 MB`, () => postCollection(request('POST', `/api/v1/orgs/${slug}/${collection}`, huge), params({ slug, collection })));
    }
    await attempt('PUT month 10 MB', () => putMonth(request('PUT', `/api/v1/orgs/${slug}/months/2026-03`, huge), params({ slug, month: '2026-03' })));
    for (const dryRun of [true, false]) {
      await attempt(`import 10 MB cell dryRun=${dryRun}`, () => postImport(request('POST', `/api/v1/orgs/${slug}/imports/accounts?dryRun=${dryRun}`, hugeRows), params({ slug, kind: 'accounts' })));
      await attempt(`import 200k rows dryRun=${dryRun}`, () => postImport(request('POST', `/api/v1/orgs/${slug}/imports/accounts?dryRun=${dryRun}`, manyRows), params({ slug, kind: 'accounts' })));
    }
  }, 300_000);

  it('refuses text PostgreSQL cannot store (NUL, unpaired surrogates) with a 400, in every write', async () => {
    const slug = org.slug;
    for (const bad of ['a\u0000b', '\ud800', 'x\udfff', '\u0000']) {
      const text = JSON.stringify({ ...VALID.accounts, name: bad, notes: bad, reason: bad });
      for (const collection of API_COLLECTIONS) {
        const response = await postCollection(request('POST', `/api/v1/orgs/${slug}/${collection}`, text), params({ slug, collection }));
        expect(response.status, `${collection} ${JSON.stringify(bad)}`).toBe(400);
      }
      await attempt(`PUT month ${JSON.stringify(bad)}`, () => putMonth(request('PUT', `/api/v1/orgs/${slug}/months/2026-03`, JSON.stringify({ ...VALID.months, notes: bad })), params({ slug, month: '2026-03' })));
      await attempt(`import ${JSON.stringify(bad)}`, () => postImport(request('POST', `/api/v1/orgs/${slug}/imports/accounts?dryRun=false`, JSON.stringify({ rows: [{ line: 1, values: { name: bad, startDate: '2025-01-01', mrr: '1' } }] })), params({ slug, kind: 'accounts' })));
    }
    // Well-formed astral characters (a surrogate pair) are fine.
    const emoji = await postCollection(request('POST', `/api/v1/orgs/${slug}/csms`, JSON.stringify({ ...VALID.csms, name: 'CSM 😀' })), params({ slug, collection: 'csms' }));
    expect(emoji.status).toBe(201);
    // Year 0000 matches YYYY-MM but does not exist: a 400, not a database error.
    await attempt('PUT months/0000-01', () => putMonth(request('PUT', `/api/v1/orgs/${slug}/months/0000-01`, JSON.stringify(VALID.months)), params({ slug, month: '0000-01' })));
  }, 120_000);

  it('found no 5xx, no refused request that changed data, no error without a message', () => {
    expect(stats.inputs).toBeGreaterThan(1000);
    expect(failures.slice(0, 30)).toEqual([]);
    expect(stats.serverErrors).toBe(0);
  });
});
