import { describe, expect, it } from 'vitest';
import { parseLocalisedDecimal, moneyField, percentField } from '@/lib/validation/decimal';
import { methodSettingsSchema } from '@/lib/validation/method-settings';
import { periodQuerySchema } from '@/lib/validation/period';

describe('numbers typed in French or English', () => {
  it('are read exactly', () => {
    expect(parseLocalisedDecimal('1 234,56')).toBe('1234.56');
    expect(parseLocalisedDecimal('1\u202f234\u202f567,89')).toBe('1234567.89');
    expect(parseLocalisedDecimal('1,234.56')).toBe('1234.56');
    expect(parseLocalisedDecimal('1.234,56')).toBe('1234.56');
    expect(parseLocalisedDecimal('12,5')).toBe('12.5');
    expect(parseLocalisedDecimal('1,234,567')).toBe('1234567');
    expect(parseLocalisedDecimal('0042')).toBe('42');
    expect(parseLocalisedDecimal('-3.5')).toBe('-3.5');
  });

  it('reject what is not a number', () => {
    for (const bad of ['', 'abc', '1,2,3', '12..5', 'NaN', 'Infinity', '1e5', '--1']) expect(parseLocalisedDecimal(bad), bad).toBeNull();
  });

  it('refuse negative money and percentages outside 0–100, naming the rule', () => {
    expect(moneyField().safeParse('-1').error?.issues[0]?.message).toBe('negative');
    expect(moneyField().safeParse('12.34567').error?.issues[0]?.message).toBe('tooManyDecimals');
    expect(percentField().safeParse('100,5').error?.issues[0]?.message).toBe('percentRange');
    expect(moneyField().safeParse(Number.NaN).error?.issues[0]?.message).toBe('number');
    expect(moneyField().parse('250 000,00')).toBe('250000.00');
  });
});

describe('method settings', () => {
  const valid = {
    baselineMode: 'MANUAL', baselineAnnualChurnPct: '28', indirectCostMode: 'COEFFICIENT', indirectCostCoefficient: '1,3',
    grossMarginPct: '80', averageCac: '3 000', influencedAttributionPct: '50', countChurnAvoided: 'on', sameMonthChurnRule: 'EXCLUDE',
  };

  it('accept the article’s defaults typed the French way', () => {
    const parsed = methodSettingsSchema.parse(valid);
    expect(parsed.indirectCostCoefficient).toBe('1.3');
    expect(parsed.averageCac).toBe('3000');
    expect(parsed.countChurnAvoided).toBe(true);
    expect(parsed.countExpansion).toBe(false);
  });

  it('need a reference period in order when the baseline is computed', () => {
    const result = methodSettingsSchema.safeParse({ ...valid, baselineMode: 'REFERENCE_PERIOD', baselineReferenceFrom: '2025-06', baselineReferenceTo: '2025-01' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['baselineReferenceTo', 'monthOrder']]);
    const missing = methodSettingsSchema.safeParse({ ...valid, baselineMode: 'REFERENCE_PERIOD' });
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['baselineReferenceFrom', 'baselineReferenceTo']);
  });

  it('refuse a coefficient below 1 and a baseline above 100 %', () => {
    const result = methodSettingsSchema.safeParse({ ...valid, indirectCostCoefficient: '0.5', baselineAnnualChurnPct: '128' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['baselineAnnualChurnPct', 'indirectCostCoefficient']);
  });
});

describe('metrics period parameters', () => {
  const message = (query: Record<string, string>) => periodQuerySchema.safeParse(query).error?.issues[0]?.message;

  it('name the parameter that is wrong', () => {
    expect(message({ from: '2024-13' })).toMatch(/^from must be a month/);
    expect(message({ to: '24-01' })).toMatch(/^to must be a month/);
    expect(message({ from: '2025-06', to: '2025-01' })).toBe('from must not be after to');
    expect(message({ from: '2000-01', to: '2010-12' })).toMatch(/spans 132 months; at most 120/);
  });

  it('refuse a malformed month beside a valid one instead of throwing (found by the action fuzz)', () => {
    expect(message({ from: '2026-03', to: '2026-03-01' })).toMatch(/^to must be a month/);
    expect(message({ from: 'x'.repeat(40), to: '2026-03' })).toMatch(/^from must be a month/);
  });

  it('accept a valid range of up to 120 months', () => {
    expect(periodQuerySchema.safeParse({ from: '2001-01', to: '2010-12' }).success).toBe(true);
    expect(periodQuerySchema.safeParse({}).success).toBe(true);
  });
});
