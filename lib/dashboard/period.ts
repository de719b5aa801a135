import { addMonths, monthIndex } from '@/lib/metrics/month-key';

/** What the dashboard shows, entirely from the URL so a copied link reproduces the view. */
export type PeriodKind = 'month' | 'quarter' | 'fy' | 'range';
export type Comparison = 'previous' | 'last-year';
export type CohortGrain = 'month' | 'quarter' | 'year';

export type Period = {
  kind: PeriodKind;
  /** The URL value: 'month:2026-11', 'quarter:2026-Q3', 'fy:2026', 'range:2025-12..2026-11'. */
  value: string;
  from: string;
  to: string;
  /** True when the URL did not choose (or chose something invalid). */
  isDefault: boolean;
};

export type DashboardView = {
  period: Period;
  compare: Comparison;
  comparison: { from: string; to: string };
  closedOnly: boolean;
  grain: CohortGrain;
  sort: string | null;
};

export type SearchParams = Record<string, string | string[] | undefined>;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
// A custom range longer than this is refused: nobody reads 10 years of monthly bars.
const MAX_RANGE_MONTHS = 120;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isMonth(value: string): boolean {
  const match = MONTH.exec(value);
  return match !== null && Number(match[1]) >= 1900 && Number(match[1]) <= 2999;
}

/** Months in [from, to], inclusive. */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from) + 1;
}

/**
 * The fiscal year named by the calendar year it starts in (fy:2026 with a July start runs
 * 2026-07..2027-06); with a January start it is the calendar year.
 */
export function fiscalYear(year: number, startMonth: number): { from: string; to: string } {
  const from = `${year}-${String(startMonth).padStart(2, '0')}`;
  return { from, to: addMonths(from, 11) };
}

/** The fiscal year (by its starting calendar year) that contains a month. */
export function fiscalYearOf(month: string, startMonth: number): number {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  return monthNumber >= startMonth ? year : year - 1;
}

export function defaultPeriod(latestMonth: string): Period {
  const from = addMonths(latestMonth, -11);
  return { kind: 'range', value: `range:${from}..${latestMonth}`, from, to: latestMonth, isDefault: true };
}

/** Parses ?period=…; anything invalid gives null (the caller falls back to the default). */
export function parsePeriod(raw: string | undefined, fiscalYearStartMonth: number): Omit<Period, 'isDefault'> | null {
  if (!raw) return null;
  const colon = raw.indexOf(':');
  if (colon < 0) return null;
  const kind = raw.slice(0, colon);
  const body = raw.slice(colon + 1);
  if (kind === 'month' && isMonth(body)) return { kind, value: raw, from: body, to: body };
  if (kind === 'quarter') {
    const match = QUARTER.exec(body);
    if (!match) return null;
    const from = `${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    if (!isMonth(from)) return null;
    return { kind, value: raw, from, to: addMonths(from, 2) };
  }
  if (kind === 'fy') {
    const match = YEAR.exec(body);
    if (!match || Number(body) < 1900 || Number(body) > 2998) return null;
    return { kind, value: raw, ...fiscalYear(Number(body), fiscalYearStartMonth) };
  }
  if (kind === 'range') {
    const [from = '', to = '', ...rest] = body.split('..');
    if (rest.length > 0 || !isMonth(from) || !isMonth(to) || to < from) return null;
    if (monthsBetween(from, to) > MAX_RANGE_MONTHS) return null;
    return { kind, value: raw, from, to };
  }
  return null;
}

/** The period to compare with: the one just before, of the same length, or the same one a year earlier. */
export function comparisonPeriod(period: { from: string; to: string }, compare: Comparison): { from: string; to: string } {
  if (compare === 'last-year') return { from: addMonths(period.from, -12), to: addMonths(period.to, -12) };
  const length = monthsBetween(period.from, period.to);
  return { from: addMonths(period.from, -length), to: addMonths(period.to, -length) };
}

/** Everything the dashboard reads from its URL, with a safe default for each part. */
export function parseDashboardView(params: SearchParams, options: { latestMonth: string; fiscalYearStartMonth: number }): DashboardView {
  const parsed = parsePeriod(first(params.period), options.fiscalYearStartMonth);
  const period: Period = parsed ? { ...parsed, isDefault: false } : defaultPeriod(options.latestMonth);
  const compare: Comparison = first(params.compare) === 'last-year' ? 'last-year' : 'previous';
  const grainParam = first(params.grain);
  const grain: CohortGrain = grainParam === 'month' || grainParam === 'year' ? grainParam : 'quarter';
  const sort = first(params.sort);
  return {
    period,
    compare,
    comparison: comparisonPeriod(period, compare),
    closedOnly: first(params.closed) === '1',
    grain,
    sort: sort && /^[a-zA-Z]{1,40}(:(asc|desc))?$/.test(sort) ? sort : null,
  };
}

/** The query string of a view, with overrides; defaults are left out to keep links short. */
export function viewQuery(view: DashboardView, overrides: Partial<Record<'period' | 'compare' | 'closed' | 'grain' | 'sort', string | null>> = {}): string {
  const values: Record<string, string | null> = {
    period: view.period.isDefault ? null : view.period.value,
    compare: view.compare === 'previous' ? null : view.compare,
    closed: view.closedOnly ? '1' : null,
    grain: view.grain === 'quarter' ? null : view.grain,
    sort: view.sort,
    ...overrides,
  };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Choices offered by the period picker: recent months, quarters and fiscal years up to the latest month. */
export function periodChoices(latestMonth: string, fiscalYearStartMonth: number): { months: string[]; quarters: string[]; fiscalYears: number[] } {
  const months = Array.from({ length: 24 }, (_, i) => addMonths(latestMonth, -i));
  const quarters = [...new Set(months.map((m) => `${m.slice(0, 4)}-Q${Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1}`))];
  const lastFy = fiscalYearOf(latestMonth, fiscalYearStartMonth);
  return { months, quarters, fiscalYears: [lastFy, lastFy - 1, lastFy - 2] };
}
