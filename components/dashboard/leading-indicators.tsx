import { getTranslations } from 'next-intl/server';
import type Decimal from 'decimal.js';
import { currentMetrics, type DashboardScope } from '@/lib/data/dashboard-data';
import { leadingIndicators, type LeadingIndicatorTrend } from '@/lib/metrics';
import type { Metric, MonthAggregates, ValueKind } from '@/lib/metrics/types';
import { formatContext } from './context';
import { chartNumber, formatValue, type FormatContext } from './format-value';
import { monthLabel } from './month-label';
import { Section } from './section';
import { EmptyPeriod } from './empty-period';
import { MetricExplanation } from './metric-explanation';
import { SparkLine } from './spark-line';

type Indicator = { key: 'healthScore' | 'timeToValueDays' | 'featureAdoptionPct'; kind: ValueKind; higherIsBetter: boolean; pick: (m: MonthAggregates) => Decimal | null; color: string };

const INDICATORS: Indicator[] = [
  { key: 'healthScore', kind: 'score', higherIsBetter: true, pick: (m) => m.avgHealthScore, color: 'emerald' },
  { key: 'timeToValueDays', kind: 'days', higherIsBetter: false, pick: (m) => m.timeToValueDays, color: 'sky' },
  { key: 'featureAdoptionPct', kind: 'percent', higherIsBetter: true, pick: (m) => m.featureAdoptionPct, color: 'violet' },
];

/** Health score, time to value and adoption: where retention is heading before it shows in churn. */
export async function LeadingIndicators({ scope }: { scope: DashboardScope }) {
  const [metrics, ctx, t] = await Promise.all([currentMetrics(scope), formatContext(scope), getTranslations('dashboard.leading')]);
  const trends = metrics.months.length > 0 ? leadingIndicators(metrics.months) : null;
  return (
    <Section id="leading" title={t('title')} subtitle={t('subtitle')}>
      {!trends ? (
        <EmptyPeriod scope={scope} />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-3">
          {INDICATORS.map((indicator, index) => {
            const trend = trends[indicator.key];
            const series = metrics.months.map((m) => ({ month: monthLabel(m.month, m.status, ctx.locale), value: chartNumber(indicator.pick(m)) }));
            const logged = series.filter((p) => p.value !== null).length;
            const label = t(`${indicator.key}.label`);
            const metric: Metric = {
              key: indicator.key,
              label: { en: label, fr: label },
              value: trend.latest,
              kind: indicator.kind,
              explanation: {
                formula: { en: t(`${indicator.key}.formula`), fr: t(`${indicator.key}.formula`) },
                inputs: [
                  { label: { en: t('latest'), fr: t('latest') }, value: trend.latest, kind: indicator.kind, source: { en: t('source'), fr: t('source') } },
                  { label: { en: t('previous'), fr: t('previous') }, value: trend.previous, kind: indicator.kind, source: { en: t('source'), fr: t('source') } },
                ],
              },
            };
            return (
              <li key={indicator.key} className="rounded-lg bg-slate-50 p-3" data-testid={`leading-${indicator.key}`}>
                <div className="flex items-start justify-between gap-1">
                  <p className="text-sm text-slate-600">{label}</p>
                  <MetricExplanation metric={metric} ctx={ctx} align={index === 0 ? 'left' : 'right'} />
                </div>
                {logged === 0 ? (
                  <p className="mt-2 text-sm text-slate-600">{t('notLogged')}</p>
                ) : (
                  <div className="mt-1 flex items-end justify-between gap-2">
                    <div>
                      <p className="whitespace-nowrap text-xl font-semibold tabular-nums text-slate-900">{formatValue(trend.latest, indicator.kind, ctx)}</p>
                      <TrendBadge trend={trend} indicator={indicator} ctx={ctx} labels={{ unknown: t('noTrend'), flat: t('flat'), good: t('good'), bad: t('bad') }} />
                    </div>
                    <SparkLine data={series} color={indicator.color} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function TrendBadge({ trend, indicator, ctx, labels }: { trend: LeadingIndicatorTrend; indicator: Indicator; ctx: FormatContext; labels: { unknown: string; flat: string; good: string; bad: string } }) {
  if (trend.direction === 'unknown' || trend.change === null) return <p className="text-xs text-slate-500">{labels.unknown}</p>;
  if (trend.direction === 'flat') return <p className="text-xs text-slate-600">{labels.flat}</p>;
  const good = (trend.direction === 'up') === indicator.higherIsBetter;
  const sign = trend.direction === 'up' ? '+' : '';
  const change = indicator.kind === 'percent' ? `${sign}${formatValue(trend.change, 'count', ctx)} pts` : `${sign}${formatValue(trend.change, indicator.kind, ctx)}`;
  return (
    <p className={`whitespace-nowrap text-xs font-medium ${good ? 'text-emerald-700' : 'text-rose-700'}`}>
      <span aria-hidden>{trend.direction === 'up' ? '▲' : '▼'}</span> {change} <span className="sr-only">({good ? labels.good : labels.bad})</span>
    </p>
  );
}
