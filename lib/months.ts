import { addMonths } from '@/lib/metrics/month-key';

export { addMonths };

/** Month helpers between 'YYYY-MM' strings (the engine's months) and UTC first-of-month dates. */
export function monthKey(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function monthStart(key: string): Date {
  const [y, m] = key.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
}

/** The `count` months that end with the month before `today`. */
export function lastMonths(today: Date, count: number): string[] {
  const last = addMonths(monthKey(today), -1);
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

export function dayInMonth(key: string, day: number): Date {
  const d = monthStart(key);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), Math.min(Math.max(day, 1), 28)));
}
