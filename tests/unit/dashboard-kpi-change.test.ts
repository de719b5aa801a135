import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { kpiChange } from '@/components/dashboard/kpi-change';
import { formatValue } from '@/components/dashboard/format-value';

const d = (value: number) => new Decimal(value);

describe('KPI change against the comparison period', () => {
  it('is relative for amounts and coloured by whether it is good news', () => {
    expect(kpiChange(d(270_000), d(200_000), { kind: 'money', higherIsBetter: true, locale: 'en' })).toEqual({ text: '+35%', deltaType: 'increase', good: true });
    expect(kpiChange(d(275_000), d(250_000), { kind: 'money', higherIsBetter: false, locale: 'en' })).toEqual({ text: '+10%', deltaType: 'increase', good: false });
    expect(kpiChange(d(225_000), d(250_000), { kind: 'money', higherIsBetter: false, locale: 'fr' })).toMatchObject({ text: '-10\u00a0%', good: true });
  });

  it('is in points for percentages', () => {
    expect(kpiChange(d(80), d(60), { kind: 'percent', higherIsBetter: true, locale: 'en' })).toEqual({ text: '+20 pts', deltaType: 'increase', good: true });
  });

  it('never shows NaN or a meaningless ratio', () => {
    expect(kpiChange(d(10), null, { kind: 'money', higherIsBetter: true, locale: 'en' })).toEqual({ text: null, deltaType: 'unchanged', good: null });
    expect(kpiChange(d(10), d(0), { kind: 'money', higherIsBetter: true, locale: 'en' }).text).toBeNull();
    expect(kpiChange(d(270_000), d(90), { kind: 'money', higherIsBetter: true, locale: 'en' }).text).toBe('>\u00a0+999%');
    expect(kpiChange(d(5), d(5), { kind: 'money', higherIsBetter: true, locale: 'en' })).toEqual({ text: '0%', deltaType: 'unchanged', good: null });
  });

  it('formats undefined figures as a dash', () => {
    const ctx = { locale: 'en' as const, currency: 'EUR' };
    expect(formatValue(null, 'money', ctx)).toBe('—');
    expect(formatValue(Number.NaN, 'percent', ctx)).toBe('—');
    expect(formatValue(d(270_000), 'money', ctx, 'compact')).toBe('€270k');
  });
});
