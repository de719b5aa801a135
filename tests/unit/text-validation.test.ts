import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { apiTokenInputSchema } from '@/lib/api/token-schema';
import { newOrganizationSchema, signUpSchema } from '@/lib/validation/auth';
import { accountInputSchema, churnEventInputSchema, csmInputSchema, dealInputSchema, monthInputSchema, reopenInputSchema, saveInputSchema } from '@/lib/validation/entries';
import { dashboardShareLinkSchema } from '@/lib/validation/share-links';
import { hasControlCharacters, multiLineText, singleLineText } from '@/lib/validation/text';

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i));
const messagesOf = (result: z.ZodSafeParseResult<unknown>, field: string) => (result.success ? [] : result.error.issues.filter((i) => i.path.join('.') === field).map((i) => i.message));

describe('text people type refuses control characters', () => {
  it('single-line: every C0 character and DEL, wherever it sits', () => {
    for (const control of [...C0, '\u007f']) {
      for (const text of [`a${control}b`, `${control}abc`, `abc${control}`]) {
        expect(singleLineText(100).safeParse(text).error?.issues[0]?.message, JSON.stringify(text)).toBe('controlCharacters');
      }
    }
  });

  it('multi-line: tab, line feed and carriage return are fine; NUL and the other C0 characters are not', () => {
    expect(multiLineText(100).parse('line 1\r\nline 2\n\tindented')).toBe('line 1\r\nline 2\n\tindented');
    for (const control of [...C0.filter((c) => !'\t\n\r'.includes(c)), '\u007f']) {
      expect(multiLineText(100).safeParse(`a${control}b`).error?.issues[0]?.message, JSON.stringify(control)).toBe('controlCharacters');
    }
  });

  it('unpaired surrogates are refused, well-formed emoji and accents kept', () => {
    expect(hasControlCharacters('x\ud800')).toBe(true);
    expect(hasControlCharacters('\udfffx')).toBe(true);
    expect(singleLineText(100).parse('Zoë 😀 — « ok »')).toBe('Zoë 😀 — « ok »');
  });

  it('the other rules stay: trimmed, required, at most max', () => {
    expect(singleLineText(5).parse('  abc  ')).toBe('abc');
    expect(singleLineText(5).safeParse('   ').error?.issues[0]?.message).toBe('required');
    expect(singleLineText(5).safeParse('abcdef').error?.issues[0]?.message).toBe('tooLong');
    expect(singleLineText(5).safeParse(42).error?.issues[0]?.message).toBe('required');
    expect(singleLineText(5, 0).parse('')).toBe('');
  });
});

describe('every form, import and API schema with free text uses it', () => {
  const nul = 'Acme\u0000';
  const esc = 'Acme\u001b[31m';
  const cases: Array<[string, z.ZodType, Record<string, unknown>, string]> = [
    ['CSM name', csmInputSchema, { name: nul, startDate: '2025-01-01' }, 'name'],
    ['CSM external id', csmInputSchema, { name: 'A', externalId: esc, startDate: '2025-01-01' }, 'externalId'],
    ['account name', accountInputSchema, { name: esc, startDate: '2025-01-01', mrr: '1' }, 'name'],
    ['account segment', accountInputSchema, { name: 'A', segment: nul, startDate: '2025-01-01', mrr: '1' }, 'segment'],
    ['churn reason', churnEventInputSchema, { accountExternalId: 'a', date: '2026-01-02', kind: 'FULL', arrLost: '1', reason: 'price\nhike' }, 'reason'],
    ['save playbook', saveInputSchema, { accountExternalId: 'a', date: '2026-01-02', arrSaved: '1', playbook: nul }, 'playbook'],
    ['deal account reference', dealInputSchema, { accountExternalId: nul, date: '2026-01-02', type: 'UPSELL', arrAdded: '1', attribution: 'CS_SOURCED' }, 'accountExternalId'],
    ['month notes', monthInputSchema, { month: '2026-01', notes: 'ok\u0000' }, 'notes'],
    ['reopening reason', reopenInputSchema, { month: '2026-01', reason: 'typo\u0007' }, 'reason'],
    ['your name at sign-up', signUpSchema, { name: nul, email: 'a@b.co', password: 'long enough password', organizationName: 'Acme' }, 'name'],
    ['organisation name at sign-up', signUpSchema, { name: 'A', email: 'a@b.co', password: 'long enough password', organizationName: esc }, 'organizationName'],
    ['new organisation name', newOrganizationSchema, { name: nul }, 'name'],
    ['API token name', apiTokenInputSchema, { name: nul, scope: 'READ' }, 'name'],
    ['board link label', dashboardShareLinkSchema, { label: esc }, 'label'],
  ];
  it.each(cases)('%s', (_label, schema, input, field) => {
    expect(messagesOf(schema.safeParse(input), field)).toContain('controlCharacters');
  });

  it('multi-line fields keep their line breaks', () => {
    expect(reopenInputSchema.parse({ month: '2026-01', reason: 'Typo in March.\nFixed salaries.' }).reason).toBe('Typo in March.\nFixed salaries.');
    expect(messagesOf(monthInputSchema.safeParse({ month: '2026-01', notes: 'a\r\nb\tc' }), 'notes')).toEqual([]);
  });
});
