import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyCompact, formatMonth, formatPercent } from '@/lib/format';

// Intl uses narrow/no-break spaces in French; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatting for the interface language', () => {
  it('formats money as French and English readers expect', () => {
    expect(plain(formatMoney('1234567.89', 'EUR', 'fr'))).toBe('1 234 567,89 €');
    expect(formatMoney('1234567.89', 'EUR', 'en')).toBe('€1,234,567.89');
    expect(formatMoney(new Decimal('-42.5'), 'USD', 'en')).toBe('-US$42.50');
  });

  it('keeps decimal strings exact, beyond float precision', () => {
    expect(formatMoney('12345678901234.5678', 'EUR', 'en', { decimals: 4 })).toBe('€12,345,678,901,234.5678');
  });

  it('writes compact amounts for cards', () => {
    expect(plain(formatMoneyCompact('270000', 'EUR', 'fr'))).toBe('270 k €');
    expect(formatMoneyCompact('270000', 'EUR', 'en')).toBe('€270k');
  });

  it('formats percentages given in percent units', () => {
    expect(plain(formatPercent('80', 'fr'))).toBe('80 %');
    expect(formatPercent('80', 'en')).toBe('80%');
    expect(plain(formatPercent('12.34', 'fr'))).toBe('12,3 %');
  });

  it('names months in each language', () => {
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatMonth('2026-03', 'fr')).toBe('mars 2026');
  });
});
