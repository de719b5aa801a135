import { z } from 'zod';

/**
 * A decimal number typed by a person in French or English: "1 234,56", "1,234.56", "1234.56",
 * "12,5" (French decimal comma). Returns a canonical string ("1234.56") for exact storage, or null.
 */
export function parseLocalisedDecimal(input: string): string | null {
  let text = input.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return null;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma !== -1 && lastDot !== -1) {
    // Both present: the last one is the decimal separator, the other groups thousands.
    const decimalSeparator = lastComma > lastDot ? ',' : '.';
    const groupSeparator = decimalSeparator === ',' ? '.' : ',';
    text = text.split(groupSeparator).join('').replace(decimalSeparator, '.');
  } else if (lastComma !== -1) {
    // Only commas: "1,234,567" groups thousands; "12,5" is a French decimal.
    text = /^-?\d{1,3}(,\d{3}){2,}$/.test(text) ? text.split(',').join('') : text.replace(',', '.');
  }
  return /^-?\d+(\.\d+)?$/.test(text) ? text.replace(/^(-?)0+(?=\d)/, '$1') : null;
}

/** A decimal field for forms, CSV and API: accepts numbers and localised strings, yields a string. */
export function decimalField(options: { min?: number; max?: number; maxDecimals?: number } = {}) {
  return z
    .union([z.number(), z.string()], { error: 'number' })
    .transform((value, ctx) => {
      const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : null) : parseLocalisedDecimal(value);
      if (text === null) {
        ctx.addIssue({ code: 'custom', message: 'number' });
        return z.NEVER;
      }
      const [, decimals = ''] = text.split('.');
      if (options.maxDecimals !== undefined && decimals.length > options.maxDecimals) {
        ctx.addIssue({ code: 'custom', message: 'tooManyDecimals' });
        return z.NEVER;
      }
      const numeric = Number(text);
      if (options.min !== undefined && numeric < options.min) {
        ctx.addIssue({ code: 'custom', message: options.min === 0 ? 'negative' : 'tooSmall' });
        return z.NEVER;
      }
      if (options.max !== undefined && numeric > options.max) {
        ctx.addIssue({ code: 'custom', message: options.max === 100 ? 'percentRange' : 'tooLarge' });
        return z.NEVER;
      }
      return text;
    });
}

export const moneyField = () => decimalField({ min: 0, max: 999_999_999_999_999, maxDecimals: 4 });
export const percentField = () => decimalField({ min: 0, max: 100, maxDecimals: 4 });
