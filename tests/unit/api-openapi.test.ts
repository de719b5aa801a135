import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiDocument } from '@/lib/api/openapi';
import { API_COLLECTIONS } from '@/lib/api/collections';
import { dealInputSchema, monthInputSchema } from '@/lib/validation/entries';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, unknown>; operationId?: string }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};
const doc = openApiDocument() as unknown as Doc;

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with every collection listed, created, updated and deleted', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const collection of API_COLLECTIONS) {
      expect(Object.keys(doc.paths[`/orgs/{slug}/${collection}`] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
      expect(Object.keys(doc.paths[`/orgs/{slug}/${collection}/{id}`] ?? {})).toEqual(expect.arrayContaining(['patch', 'delete']));
    }
    expect(doc.paths['/orgs/{slug}/months/{month}']?.put).toBeTruthy();
    expect(doc.paths['/orgs/{slug}/metrics']?.get).toBeTruthy();
  });

  it('gives every operation a unique id and its error responses', () => {
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item).filter((o) => typeof o === 'object' && o !== null && 'responses' in o));
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations) expect(Object.keys(operation.responses ?? {})).toContain('401');
  });

  it('describes request bodies with the very schemas forms and import use', () => {
    const deal = doc.components.schemas.DealInput!;
    const generated = z.toJSONSchema(dealInputSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, object>; required: string[] };
    expect(deal.required).toEqual(generated.required);
    for (const [name, property] of Object.entries(generated.properties)) expect(deal.properties?.[name]).toMatchObject(property);
    expect(deal.properties?.date).toMatchObject({ format: 'date' });
    expect(deal.required).toEqual(expect.arrayContaining(['date', 'type', 'arrAdded', 'attribution']));
    // The month comes from the path, so the body schema does not require it.
    const month = doc.components.schemas.MonthInput!;
    expect(month.required).not.toContain('month');
    expect(Object.keys(month.properties ?? {}).sort()).toEqual(Object.keys(monthInputSchema.shape).filter((k) => k !== 'month').sort());
  });
});
