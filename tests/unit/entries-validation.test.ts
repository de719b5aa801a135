import { describe, expect, it } from 'vitest';
import {
  accountInputSchema, churnEventInputSchema, csmInputSchema, dealAttributionPct, dealInputSchema, isCalendarDate, monthInputSchema, saveInputSchema,
} from '@/lib/validation/entries';

const month = {
  month: '2026-03', csmFte: '4', loadedSalaries: '1 234,56', toolsCost: '1,500.25', trainingCost: '0', otherDirectCost: '',
  indirectManagementCost: '0', indirectInfrastructureCost: '0', indirectRecruitingCost: '0',
  startArr: '2 000 000', newBusinessArr: '0', startCustomers: '120', managedClients: '118',
};
const withOtherDirect = { ...month, otherDirectCost: '0' };

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('monthly figures', () => {
  it('parses French and English formatted numbers into exact canonical strings', () => {
    const parsed = monthInputSchema.parse(withOtherDirect);
    expect(parsed.loadedSalaries).toBe('1234.56');
    expect(parsed.toolsCost).toBe('1500.25');
    expect(parsed.startArr).toBe('2000000');
    expect(parsed.startCustomers).toBe(120);
    expect(parsed.avgHealthScore).toBeUndefined();
    expect(parsed.version).toBeUndefined();
  });

  it('accepts JSON numbers from the API', () => {
    const parsed = monthInputSchema.parse({ ...withOtherDirect, loadedSalaries: 50000.5, startCustomers: 12, version: 3 });
    expect(parsed.loadedSalaries).toBe('50000.5');
    expect(parsed.version).toBe(3);
  });

  it('names the field of each bad value', () => {
    const result = monthInputSchema.safeParse({
      ...withOtherDirect, month: '2026-13', toolsCost: '-10', avgHealthScore: '101', featureAdoptionPct: '120,5', managedClients: '3,5', timeToValueDays: 'abc', csmFte: '',
    });
    expect(result.success).toBe(false);
    expect(issues(result)).toEqual({
      month: 'month', toolsCost: 'negative', avgHealthScore: 'percentRange', featureAdoptionPct: 'percentRange', managedClients: 'integer', timeToValueDays: 'number', csmFte: 'number',
    });
  });

  it('refuses notes over 5000 characters and too many decimals', () => {
    expect(issues(monthInputSchema.safeParse({ ...withOtherDirect, notes: 'x'.repeat(5001), startArr: '1.23456' }))).toEqual({ notes: 'tooLong', startArr: 'tooManyDecimals' });
    expect(monthInputSchema.safeParse({ ...withOtherDirect, notes: 'x'.repeat(5000) }).success).toBe(true);
  });

  it('requires every money field (blank is not zero)', () => {
    expect(issues(monthInputSchema.safeParse(month))).toEqual({ otherDirectCost: 'number' });
  });
});

describe('dates', () => {
  it('are real calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-4-1')).toBe(false);
    expect(issues(csmInputSchema.safeParse({ name: 'Ana', startDate: '2025-02-30' }))).toEqual({ startDate: 'date' });
  });

  it('refuse an end before the start', () => {
    expect(issues(csmInputSchema.safeParse({ name: 'Ana', startDate: '2025-02-10', endDate: '2025-01-31' }))).toEqual({ endDate: 'dateOrder' });
    expect(issues(accountInputSchema.safeParse({ name: 'Acme', startDate: '2025-02-10', mrr: '100', churnDate: '2025-02-09' }))).toEqual({ churnDate: 'dateOrder' });
  });
});

describe('events', () => {
  const account = { accountExternalId: 'crm-1' };

  it('need an account and a positive amount', () => {
    expect(issues(churnEventInputSchema.safeParse({ date: '2025-03-03', kind: 'FULL', arrLost: '0' }))).toEqual({ accountId: 'accountRequired', arrLost: 'positive' });
    expect(issues(saveInputSchema.safeParse({ ...account, date: '2025-03-03', arrSaved: '-5' }))).toEqual({ arrSaved: 'negative' });
    expect(issues(dealInputSchema.safeParse({ ...account, date: '2025-03-03', type: 'RENEWAL', arrAdded: '10', attribution: 'CS_SOURCED', attributionPct: '101' }))).toEqual({ type: 'choice', attributionPct: 'percentRange' });
    expect(issues(churnEventInputSchema.safeParse({ accountId: 'not-a-uuid', date: '2025-03-03', kind: 'FULL', arrLost: '5' }))).toEqual({ accountId: 'reference' });
  });

  it('parse a French-formatted deal', () => {
    const deal = dealInputSchema.parse({ ...account, csmExternalId: 'csm-9', date: '2025-03-31', type: 'UPSELL', arrAdded: '12 500,50', attribution: 'CS_INFLUENCED', attributionPct: '' });
    expect(deal).toMatchObject({ arrAdded: '12500.50', attributionPct: undefined, accountExternalId: 'crm-1', csmExternalId: 'csm-9' });
  });

  it('force the attribution share for sourced and not-CS deals, default it for influenced ones', () => {
    expect(dealAttributionPct({ attribution: 'CS_SOURCED', attributionPct: '30' }, '50')).toBe('100');
    expect(dealAttributionPct({ attribution: 'NOT_CS', attributionPct: '30' }, '50')).toBe('0');
    expect(dealAttributionPct({ attribution: 'CS_INFLUENCED', attributionPct: undefined }, '45')).toBe('45');
    expect(dealAttributionPct({ attribution: 'CS_INFLUENCED', attributionPct: '30' }, '45')).toBe('30');
  });
});
