import 'server-only';
import { computeOrgMetrics, type OrgMetrics } from '@/lib/data/metrics';
import type { OrgRef } from '@/lib/data/access';
import { db } from '@/lib/db';
import type { Locale } from '@/lib/i18n/locales';
import { addMonths, cohortClv, leadingIndicators, METRIC_KEYS, monthIndex, type LeadingIndicatorTrend, type MetricKey, type MonthAggregates } from '@/lib/metrics';
import { decimalString } from '@/lib/metrics-json';
import { monthStart } from '@/lib/months';
import { cohortAggregates } from '@/lib/queries/cohort-aggregates';
import { monthAggregates } from '@/lib/queries/month-aggregates';
import type { BoardPackModel, DataSources, Figure, IndicatorTrend, MonthPoint, PackMetric, PeriodValues } from './board-pack-model';
import { keyMessages, type KeyMessageFigures } from './key-messages';
import { csmLeaderboard } from './leaderboard-query';
import { packFormat } from './pdf-format';
import { packTranslator } from './translator';

export type BoardPackRequest = { from: string; to: string; includeLeaderboard: boolean; locale: Locale; preparedBy: string; now?: Date };

/** A month's aggregates as strings: what a snapshot stores, and compares with later. */
export type StoredMonthInputs = Record<string, string | number | null>;
export type BoardPackInputs = { from: string; to: string; months: StoredMonthInputs[] };

export function storedMonth(month: MonthAggregates): StoredMonthInputs {
  return Object.fromEntries(Object.entries(month).map(([key, value]) => [key, value === null || typeof value === 'string' || typeof value === 'number' ? value : value.toFixed()]));
}

/**
 * A comparison period's figures, or null when it cannot be compared fairly: no month, or fewer
 * months with figures than the period itself (a part-year would read as a fall).
 */
const periodValues = (view: OrgMetrics, monthsNeeded = 1): PeriodValues | null =>
  view.months.length === 0 || view.months.length < monthsNeeded
    ? null
    : { from: view.from, to: view.to, monthsCount: view.months.length, values: Object.fromEntries(METRIC_KEYS.map((key) => [key, decimalString(view.range[key].value)])) as Record<MetricKey, Figure> };

const trend = (value: LeadingIndicatorTrend): IndicatorTrend => ({ latest: decimalString(value.latest), previous: decimalString(value.previous), change: decimalString(value.change), direction: value.direction });

function figuresFor(values: Record<MetricKey, Figure>): KeyMessageFigures {
  const { roiPct, gains, csCost, churnAvoided, expansionAttributable, cacSaved, actualAnnualChurnPct, baselineAnnualChurnPct, nrrPct } = values;
  return { roiPct, gains, csCost, churnAvoided, expansionAttributable, cacSaved, actualAnnualChurnPct, baselineAnnualChurnPct, nrrPct };
}

async function dataSources(organizationId: string, view: OrgMetrics): Promise<DataSources> {
  const inPeriod = { organizationId, month: { gte: monthStart(view.from), lte: monthStart(view.to) } };
  const [accounts, deals, churnEvents, saves] = await Promise.all([
    db().account.count({ where: { organizationId, startDate: { lt: monthStart(addMonths(view.to, 1)) } } }),
    db().expansionDeal.count({ where: inPeriod }),
    db().churnEvent.count({ where: inPeriod }),
    db().save.count({ where: inPeriod }),
  ]);
  return { months: view.months.length, firstMonth: view.months[0]?.month ?? null, lastMonth: view.months.at(-1)?.month ?? null, accounts, deals, churnEvents, saves };
}

/**
 * Everything the board pack shows for [from, to], computed now: the period, the previous period of
 * the same length, the same period a year earlier, cohorts as of `to`, and the leaderboard if asked.
 * Also returns the inputs (monthly aggregates as strings) so a snapshot can tell later what changed.
 */
export async function loadBoardPack(organization: OrgRef, request: BoardPackRequest): Promise<{ model: BoardPackModel; inputs: BoardPackInputs }> {
  const { from, to, locale } = request;
  const length = monthIndex(to) - monthIndex(from) + 1;
  const earliest = addMonths(from, -Math.max(length, 12));
  const [view, previous, lastYear, cohorts, leaderboard, inputMonths] = await Promise.all([
    computeOrgMetrics(organization, { from, to }),
    computeOrgMetrics(organization, { from: addMonths(from, -length), to: addMonths(from, -1) }),
    computeOrgMetrics(organization, { from: addMonths(from, -12), to: addMonths(to, -12) }),
    cohortAggregates(organization.id, to, 'quarter'),
    request.includeLeaderboard ? csmLeaderboard(organization.id, from, to) : Promise.resolve(null),
    monthAggregates(organization.id, earliest, to),
  ]);
  const sources = await dataSources(organization.id, view);
  const range = Object.fromEntries(
    METRIC_KEYS.map((key) => {
      const metric = view.range[key];
      const packed: PackMetric = { key, label: metric.label, value: decimalString(metric.value), kind: metric.kind, formula: metric.explanation.formula };
      return [key, metric.explanation.note ? { ...packed, note: metric.explanation.note } : packed];
    }),
  ) as Record<MetricKey, PackMetric>;
  const aggregates = new Map(view.months.map((m) => [m.month, m]));
  const series: MonthPoint[] = view.perMonth.map(({ month, status, metrics, rolling }) => {
    const source = aggregates.get(month)!;
    return {
      month,
      status,
      roiPct: decimalString(metrics.roiPct.value),
      rollingRoiPct: decimalString(rolling.roiPct.value),
      gains: decimalString(metrics.gains.value),
      csCost: decimalString(metrics.csCost.value),
      churnAvoided: decimalString(metrics.churnAvoided.value),
      expansionAttributable: decimalString(metrics.expansionAttributable.value),
      cacSaved: decimalString(metrics.cacSaved.value),
      actualAnnualChurnPct: decimalString(metrics.actualAnnualChurnPct.value),
      baselineAnnualChurnPct: decimalString(metrics.baselineAnnualChurnPct.value),
      rollingGrrPct: decimalString(rolling.grrPct.value),
      rollingNrrPct: decimalString(rolling.nrrPct.value),
      costPerManagedClient: decimalString(metrics.costPerManagedClient.value),
      managedClients: source.managedClients,
      avgHealthScore: decimalString(source.avgHealthScore),
      timeToValueDays: decimalString(source.timeToValueDays),
      featureAdoptionPct: decimalString(source.featureAdoptionPct),
    };
  });
  const clvs = cohorts.map((cohort) => ({ cohort, result: cohortClv(cohort, view.settings) }));
  const current = periodValues(view);
  const before = periodValues(previous, view.months.length);
  const f = packFormat(locale, organization.currency);
  const t = packTranslator(locale);
  const model: BoardPackModel = {
    version: 1,
    locale,
    organization: { name: organization.name, currency: organization.currency },
    from,
    to,
    generatedAt: (request.now ?? new Date()).toISOString(),
    preparedBy: request.preparedBy,
    months: view.months.map((m) => ({ month: m.month, status: m.status })),
    draftMonths: view.range.draftMonths,
    monthsMissing: view.range.monthsMissing,
    range,
    previous: before,
    // A year earlier only means something for a period of at most a year (longer ones overlap it).
    lastYear: length <= 12 ? periodValues(lastYear, view.months.length) : null,
    series,
    leading: (() => {
      const l = leadingIndicators(view.months);
      return { healthScore: trend(l.healthScore), timeToValueDays: trend(l.timeToValueDays), featureAdoptionPct: trend(l.featureAdoptionPct) };
    })(),
    cohorts: clvs.map(({ cohort, result }) => ({ cohort: cohort.cohort, accounts: cohort.accounts, churnedAccounts: cohort.churnedAccounts, clv: decimalString(result.clv.value), realisedValueToDate: decimalString(result.realisedValueToDate.value) })),
    cohortFormula: {
      clv: clvs[0]?.result.clv.explanation.formula ?? { en: 'ARPA × gross margin ÷ monthly customer churn rate', fr: 'ARPA × marge brute ÷ taux de churn client mensuel' },
      realisedValueToDate: clvs[0]?.result.realisedValueToDate.explanation.formula ?? { en: 'ARPA × gross margin × months paid so far per account', fr: 'ARPA × marge brute × mois payés à ce jour par compte' },
    },
    settings: {
      baselineMode: view.stored.baselineMode,
      baselineAnnualChurnPct: decimalString(view.baseline.pct) ?? '0',
      baselineReferenceFrom: view.stored.baselineReferenceFrom,
      baselineReferenceTo: view.stored.baselineReferenceTo,
      indirectCostMode: view.stored.indirectCostMode,
      indirectCostCoefficient: view.stored.indirectCostCoefficient,
      grossMarginPct: view.stored.grossMarginPct,
      averageCac: view.stored.averageCac,
      influencedAttributionPct: view.stored.influencedAttributionPct,
      countChurnAvoided: view.stored.countChurnAvoided,
      countExpansion: view.stored.countExpansion,
      countCacSaved: view.stored.countCacSaved,
      sameMonthChurnRule: view.stored.sameMonthChurnRule,
    },
    sources,
    leaderboard,
    keyMessages: current ? keyMessages(figuresFor(current.values), before ? figuresFor(before.values) : null, t, f) : [],
  };
  return { model, inputs: { from: earliest, to, months: inputMonths.map(storedMonth) } };
}
