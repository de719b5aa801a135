import type Decimal from 'decimal.js';
import type { Locale } from '@/lib/i18n/locales';

/** BCP 47 tags per interface language: English in European conventions, French as in France. */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

type Numeric = Decimal | string | number;

// Building an Intl formatter costs ~100× formatting with one; a dashboard formats ~1 500 values.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    dateFormats.set(key, format);
  }
  return format;
}

// Intl formats decimal strings exactly (no float rounding on the way), so pass strings through.
function asIntlInput(value: Numeric): string | number {
  return typeof value === 'number' ? value : value.toString();
}

export function formatMoney(value: Numeric, currency: string, locale: Locale, options: { decimals?: number } = {}): string {
  const decimals = options.decimals ?? 2;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(asIntlInput(value) as number);
}

/** 270 k€ / €270K: for cards and charts, where the exact figure is one click away. */
export function formatMoneyCompact(value: Numeric, currency: string, locale: Locale): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(asIntlInput(value) as number);
}

/** A percentage given in percent units (28 means 28 %). */
export function formatPercent(value: Numeric, locale: Locale, decimals = 1): string {
  const fraction = typeof value === 'number' ? value / 100 : Number(value.toString()) / 100;
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  }).format(fraction);
}

export function formatNumber(value: Numeric, locale: Locale, decimals = 2): string {
  return numberFormat(locale, { maximumFractionDigits: decimals }).format(asIntlInput(value) as number);
}

/** 'YYYY-MM' → "March 2026" / "mars 2026"; short: "Mar 2026" / "mars 2026". */
export function formatMonth(month: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 1));
  return dateFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatDate(date: Date, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(date: Date, locale: Locale): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
}
