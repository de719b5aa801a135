import { z } from 'zod';
import { accountInputSchema, churnEventInputSchema, csmInputSchema, dealInputSchema, monthInputSchema, saveInputSchema } from '@/lib/validation/entries';
import { API_COLLECTIONS, COLLECTION_INFO } from '@/lib/api/collections';
import { API_RATE_LIMIT } from '@/lib/api/limits';
import { IMPORT_KINDS } from '@/lib/import/kinds';

type Json = Record<string, unknown>;

// What zod's refinements check but JSON Schema cannot say by itself.
const DATE = { format: 'date', description: 'YYYY-MM-DD' };
const HINTS: Record<string, Json> = {
  date: DATE, startDate: DATE, endDate: DATE, churnDate: DATE,
  accountId: { format: 'uuid', description: 'Our id of the account (or send accountExternalId).' },
  csmId: { format: 'uuid', description: 'Our id of the CSM (or send csmExternalId).' },
  externalId: { description: 'Your system’s id: sending it again updates the same row.' },
  attributionPct: { description: 'Percentage 0–100, for CS_INFLUENCED only; blank ⇒ the organisation’s default.' },
  version: { description: 'The version you read (0 for a new month): a month changed since is refused with 409.' },
};
const DECIMAL_HINT = 'Decimal ≥ 0, as a number or a string ("1234.56" or "1 234,56").';

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) of what a client sends, from the shared zod schema. */
function inputSchema(schema: z.ZodType): Json {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const properties = (json.properties ?? {}) as Record<string, Json>;
  for (const [name, property] of Object.entries(properties)) {
    const decimal = Array.isArray(property.type) && property.type.includes('number');
    properties[name] = { ...property, ...(decimal ? { description: DECIMAL_HINT } : {}), ...(HINTS[name] ?? {}) };
  }
  return json;
}

const INPUT_SCHEMAS = {
  csms: 'CsmInput', accounts: 'AccountInput', 'churn-events': 'ChurnEventInput', saves: 'SaveInput', deals: 'DealInput',
} as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

const ERRORS = {
  400: errorResponse('Invalid request: `fields` names each invalid field. Nothing was written.'),
  401: errorResponse('Missing, unknown or revoked token.'),
  403: errorResponse('The token’s scope (READ) does not allow writing.'),
  404: errorResponse('No such organisation for this token, or no such row.'),
  409: errorResponse('Conflict: the month is closed, or was changed since the version you sent.'),
  422: errorResponse('Well-formed but refers to something unknown (an account or CSM).'),
  429: { ...errorResponse(`Rate limit (${API_RATE_LIMIT.limit} requests a minute per token).`), headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } } },
};
const pick = (...codes: (keyof typeof ERRORS)[]) => Object.fromEntries(codes.map((c) => [String(c), ERRORS[c]]));

const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, description: 'The organisation, as in /orgs/{slug} in the app.' };
const pageParams = [
  { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page.' },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
];
const monthParam = { name: 'month', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, description: 'Only this month (YYYY-MM).' };

function collectionPaths(): Json {
  const paths: Json = {};
  for (const collection of API_COLLECTIONS) {
    const info = COLLECTION_INFO[collection];
    const input = INPUT_SCHEMAS[collection];
    paths[`/orgs/{slug}/${collection}`] = {
      parameters: [slug],
      get: {
        tags: [collection], summary: `List ${info.title}`, operationId: `list-${collection}`,
        parameters: info.monthFilter ? [...pageParams, monthParam] : pageParams,
        responses: { 200: { description: 'One page, newest first.', content: json(ref('Page')) }, ...pick(400, 401, 404, 429) },
      },
      post: {
        tags: [collection], summary: `Create or update ${info.singular} (idempotent on externalId)`, operationId: `upsert-${collection}`,
        description: 'Send an `externalId` (your system’s id): sending the same one again updates that row (200, same id) instead of creating a duplicate (201).',
        requestBody: { required: true, content: json(ref(input)) },
        responses: { 201: { description: 'Created.', content: json(ref('UpsertResult')) }, 200: { description: 'Updated (same externalId).', content: json(ref('UpsertResult')) }, ...pick(400, 401, 403, 404, 409, 422, 429) },
      },
    };
    paths[`/orgs/{slug}/${collection}/{id}`] = {
      parameters: [slug, { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      patch: {
        tags: [collection], summary: `Change some fields of ${info.singular}`, operationId: `patch-${collection}`,
        description: 'Send only the fields that change; the result is checked like a new row.',
        requestBody: { required: true, content: json({ type: 'object', description: `Any fields of ${input}.` }) },
        responses: { 200: { description: 'Updated.', content: json(ref('UpsertResult')) }, ...pick(400, 401, 403, 404, 409, 422, 429) },
      },
      put: {
        tags: [collection], summary: `Replace ${info.singular} (the full object)`, operationId: `replace-${collection}`,
        requestBody: { required: true, content: json(ref(input)) },
        responses: { 200: { description: 'Updated.', content: json(ref('UpsertResult')) }, ...pick(400, 401, 403, 404, 409, 422, 429) },
      },
      delete: {
        tags: [collection], summary: `Delete ${info.singular}`, operationId: `delete-${collection}`,
        responses: { 204: { description: 'Deleted.' }, ...pick(401, 403, 404, 409, 429) },
      },
    };
  }
  return paths;
}

/** The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas as forms and import. */
export function openApiDocument(): Json {
  const monthPath = { name: 'month', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, example: '2026-03' };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tenure API',
      version: '1.0.0',
      description: 'Push monthly figures, accounts, churn events, saves and expansion deals from automation, and read the ROI metrics. Authenticate with an API token created by an owner in Settings → API tokens. Money is sent and returned as decimal strings (numbers are accepted on input).',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    paths: {
      '/orgs/{slug}/months': {
        parameters: [slug],
        get: { tags: ['months'], summary: 'List months with figures', operationId: 'list-months', parameters: pageParams, responses: { 200: { description: 'One page, newest first.', content: json(ref('Page')) }, ...pick(400, 401, 404, 429) } },
      },
      '/orgs/{slug}/months/{month}': {
        parameters: [slug, monthPath],
        get: { tags: ['months'], summary: 'Read a month', operationId: 'get-month', responses: { 200: { description: 'The month’s figures, status and version.' }, ...pick(400, 401, 404, 429) } },
        put: {
          tags: ['months'], summary: 'Create or replace a month’s figures', operationId: 'put-month',
          description: 'The month comes from the path. Send `version` (the one you read; 0 for a new month) to be refused with 409 if someone changed it meanwhile. A closed month is refused with 409.',
          requestBody: { required: true, content: json(ref('MonthInput')) },
          responses: { 200: { description: 'Saved.', content: json({ type: 'object', properties: { month: { type: 'string' }, version: { type: 'integer' } } }) }, ...pick(400, 401, 403, 404, 409, 429) },
        },
      },
      ...collectionPaths(),
      '/orgs/{slug}/imports/{kind}': {
        parameters: [slug, { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: [...IMPORT_KINDS] } }, { name: 'dryRun', in: 'query', schema: { type: 'boolean' }, description: 'true: check every row and write nothing.' }],
        post: {
          tags: ['imports'], summary: 'Bulk import (all rows or none)', operationId: 'import',
          description: 'Rows of field → text, as the CSV import sends them (field names as in the input schemas; `account` and `csm` may name an account or CSM). A row updating a stored one keeps the stored value of an optional field it leaves out; an empty string clears it. With dryRun=true every row is reported (create, update, unchanged, or its errors). Otherwise all rows are written in one transaction, or none: 422 lists the invalid rows. Re-sending the same rows changes nothing. Body up to 64 MB.',
          requestBody: { required: true, content: json({ type: 'object', required: ['rows'], properties: { rows: { type: 'array', items: { type: 'object', required: ['line', 'values'], properties: { line: { type: 'integer', minimum: 1 }, values: { type: 'object', additionalProperties: { type: 'string' } } } } } } }) },
          responses: { 200: { description: 'Counts (and, for a dry run, every row).' }, 422: { description: 'Some rows are invalid; nothing was written.' }, ...pick(400, 401, 403, 404, 409, 429) },
        },
      },
      '/orgs/{slug}/metrics': {
        parameters: [slug],
        get: {
          tags: ['metrics'], summary: 'Read the metrics, each with its explanation', operationId: 'get-metrics',
          parameters: [{ name: 'from', in: 'query', schema: { type: 'string' }, example: '2026-01' }, { name: 'to', in: 'query', schema: { type: 'string' }, example: '2026-12' }],
          responses: { 200: { description: 'Per month, over the range and rolling 12 months; every figure with formula and inputs.' }, ...pick(400, 401, 404, 429) },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer tnr_…' } },
      schemas: {
        MonthInput: inputSchema(monthInputSchema.omit({ month: true })),
        CsmInput: inputSchema(csmInputSchema),
        AccountInput: inputSchema(accountInputSchema),
        ChurnEventInput: inputSchema(churnEventInputSchema),
        SaveInput: inputSchema(saveInputSchema),
        DealInput: inputSchema(dealInputSchema),
        UpsertResult: { type: 'object', required: ['id', 'created'], properties: { id: { type: 'string', format: 'uuid' }, created: { type: 'boolean' } } },
        Page: { type: 'object', required: ['data', 'nextCursor'], properties: { data: { type: 'array', items: { type: 'object' } }, nextCursor: { type: ['string', 'null'] } } },
        Error: {
          type: 'object', required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } } } },
        },
      },
    },
  };
}
