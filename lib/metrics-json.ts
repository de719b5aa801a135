import type Decimal from 'decimal.js';
import type { Metric, MonthMetrics, RollingPoint } from '@/lib/metrics';
import type { OrgMetrics } from '@/lib/data/metrics';

/** Decimals as plain strings (no exponent), rounded to 4 places: what the database stores. */
export function decimalString(value: Decimal | number | null): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return String(value);
  return value.toDecimalPlaces(4).toFixed();
}

export function metricJson(metric: Metric) {
  return {
    key: metric.key,
    label: metric.label,
    value: decimalString(metric.value),
    kind: metric.kind,
    explanation: {
      formula: metric.explanation.formula,
      inputs: metric.explanation.inputs.map((input) => ({ ...input, value: decimalString(input.value) })),
      ...(metric.explanation.note ? { note: metric.explanation.note } : {}),
    },
  };
}

function metricsJson(metrics: MonthMetrics) {
  return Object.fromEntries(Object.entries(metrics).filter(([, v]) => typeof v === 'object' && v !== null && 'explanation' in v).map(([k, v]) => [k, metricJson(v as Metric)]));
}

function rollingJson(point: RollingPoint) {
  return {
    monthsInWindow: point.monthsInWindow,
    complete: point.complete,
    gains: metricJson(point.gains),
    csCost: metricJson(point.csCost),
    roiPct: metricJson(point.roiPct),
    grrPct: metricJson(point.grrPct),
    nrrPct: metricJson(point.nrrPct),
    ...(point.note ? { note: point.note } : {}),
  };
}

/** The metrics route's body: per month, over the range, rolling 12 months, every figure explained. */
export function orgMetricsJson(view: OrgMetrics) {
  return {
    organization: { slug: view.organization.slug, name: view.organization.name, currency: view.organization.currency },
    period: { from: view.from, to: view.to, monthsWithFigures: view.months.length, monthsMissing: view.range.monthsMissing, draftMonths: view.range.draftMonths },
    settings: {
      baselineAnnualChurnPct: decimalString(view.baseline.pct),
      baselineMode: view.baseline.mode,
      indirectCostMode: view.stored.indirectCostMode,
      indirectCostCoefficient: view.stored.indirectCostCoefficient,
      grossMarginPct: view.stored.grossMarginPct,
      averageCac: view.stored.averageCac,
      gainsCounted: { churnAvoided: view.stored.countChurnAvoided, expansion: view.stored.countExpansion, cacSaved: view.stored.countCacSaved },
      sameMonthChurnRule: view.stored.sameMonthChurnRule,
    },
    range: metricsJson(view.range),
    months: view.perMonth.map((m) => ({ month: m.month, status: m.status, metrics: metricsJson(m.metrics), rolling12: rollingJson(m.rolling) })),
  };
}
