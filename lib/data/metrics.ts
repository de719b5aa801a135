import 'server-only';
import Decimal from 'decimal.js';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { orgAccess, type OrgRef } from '@/lib/data/access';
import { engineSettings, readMethodSettings, type StoredMethodSettings } from '@/lib/data/method-settings';
import { computeMonth, computeRange, rolling12, addMonths, type MethodSettings, type MonthAggregates, type MonthMetrics, type RangeMetrics, type RollingPoint } from '@/lib/metrics';
import { monthAggregates } from '@/lib/queries/month-aggregates';
import { monthKey } from '@/lib/months';
import { cachedForOrganization } from '@/lib/cache/versioned-cache';

export type Baseline = { pct: Decimal; mode: 'MANUAL' | 'REFERENCE_PERIOD'; referenceMonths: number };

export type OrgMetrics = {
  organization: OrgRef;
  stored: StoredMethodSettings;
  settings: MethodSettings;
  baseline: Baseline;
  from: string;
  to: string;
  /** Months with figures in [from, to]. */
  months: MonthAggregates[];
  perMonth: { month: string; status: 'DRAFT' | 'CLOSED'; metrics: MonthMetrics; rolling: RollingPoint }[];
  range: RangeMetrics;
};

/** The latest month with figures, or null when nothing is logged. */
export async function latestLoggedMonth(organizationId: string): Promise<string | null> {
  const row = await db().monthlyReport.findFirst({ where: { organizationId }, orderBy: { month: 'desc' }, select: { month: true } });
  return row ? monthKey(row.month) : null;
}

/** The baseline in force: entered directly, or the actual churn of the reference period. */
export async function resolveBaseline(organizationId: string, stored: StoredMethodSettings): Promise<Baseline> {
  if (stored.baselineMode === 'REFERENCE_PERIOD' && stored.baselineReferenceFrom && stored.baselineReferenceTo) {
    const reference = await monthAggregates(organizationId, stored.baselineReferenceFrom, stored.baselineReferenceTo);
    const provisional = engineSettings(stored, new Decimal(0));
    const actual = computeRange(reference, provisional).actualAnnualChurnPct.value;
    return { pct: actual ?? new Decimal(0), mode: 'REFERENCE_PERIOD', referenceMonths: reference.length };
  }
  return { pct: new Decimal(stored.baselineAnnualChurnPct), mode: 'MANUAL', referenceMonths: 0 };
}

/**
 * Every metric of an organisation for [from, to]: per month, over the range and rolling 12 months.
 * Sums come from SQL (lib/queries); everything else from the pure engine (lib/metrics).
 * The 11 months before `from` are read too, so the first rolling window is not cut short.
 */
export async function computeOrgMetrics(organization: OrgRef, period: { from: string; to: string }, options: { closedOnly?: boolean } = {}): Promise<OrgMetrics> {
  // Cached per organisation, data version and period (lib/cache); the organisation itself is not
  // part of the cached value, so a renamed organisation shows its new name at once.
  const figures = await cachedForOrganization(organization.id, ['metrics', period.from, period.to, options.closedOnly === true], () => computeFigures(organization.id, period, options));
  return { organization, ...figures };
}

/** The computation behind the cache (exported so the benchmark can time it cold). */
export async function computeFigures(organizationId: string, period: { from: string; to: string }, options: { closedOnly?: boolean }): Promise<Omit<OrgMetrics, 'organization'>> {
  const organization = { id: organizationId };
  const stored = await readMethodSettings(organization.id);
  const [baseline, loaded] = await Promise.all([
    resolveBaseline(organization.id, stored),
    monthAggregates(organization.id, addMonths(period.from, -11), period.to),
  ]);
  const all = options.closedOnly ? loaded.filter((m) => m.status === 'CLOSED') : loaded;
  const settings = engineSettings(stored, baseline.pct);
  const rolling = new Map(rolling12(all, settings).map((point) => [point.month, point]));
  const months = all.filter((m) => m.month >= period.from && m.month <= period.to);
  return {
    stored,
    settings,
    baseline,
    from: period.from,
    to: period.to,
    months,
    perMonth: months.map((m) => ({ month: m.month, status: m.status, metrics: computeMonth(m, settings), rolling: rolling.get(m.month)! })),
    range: computeRange(months, settings),
  };
}

/** For a signed-in member: the period defaults to the 12 months ending with the latest logged month. */
export async function getMetrics(caller: Caller, slug: string, period: { from?: string; to?: string }): Promise<OrgMetrics> {
  const { organization } = await orgAccess(caller, slug, 'VIEWER');
  const latest = (await latestLoggedMonth(organization.id)) ?? monthKey(new Date());
  const to = period.to ?? (period.from ? addMonths(period.from, 11) : latest);
  const from = period.from ?? addMonths(to, -11);
  return computeOrgMetrics(organization, { from, to });
}
