import { getTranslations } from 'next-intl/server';
import type Decimal from 'decimal.js';
import type { Metric } from '@/lib/metrics/types';
import { comparisonMetrics, currentMetrics, periodClv, type DashboardScope } from '@/lib/data/dashboard-data';
import { formatMonth } from '@/lib/format';
import { formatContext } from './context';
import { formatValue, type FormatContext } from './format-value';
import { kpiChange } from './kpi-change';
import { MetricExplanation } from './metric-explanation';

type Kpi = { metric: Metric; previous: Decimal | null; kind: 'money' | 'percent'; higherIsBetter: boolean; note?: string; testId: string };

/** The six headline figures, each with its change against the comparison period. */
export async function KpiCards({ scope }: { scope: DashboardScope }) {
  const [current, previous, clvNow, clvBefore, ctx, t] = await Promise.all([
    currentMetrics(scope),
    comparisonMetrics(scope),
    periodClv(scope, 'current'),
    periodClv(scope, 'comparison'),
    formatContext(scope),
    getTranslations('dashboard.kpi'),
  ]);
  const last = current.perMonth.at(-1);
  const lastBefore = previous.perMonth.at(-1);
  const rollingNote = last && !last.rolling.complete ? t('rollingPartial', { count: last.rolling.monthsInWindow }) : undefined;
  const clvMetric = clvNow.clv.value === null && clvNow.realisedValueToDate.value !== null ? clvNow.realisedValueToDate : clvNow.clv;
  const kpis: Kpi[] = [
    { metric: last?.rolling.roiPct ?? current.range.roiPct, previous: lastBefore?.rolling.roiPct.value ?? null, kind: 'percent', higherIsBetter: true, note: rollingNote, testId: 'kpi-roi' },
    { metric: current.range.churnAvoided, previous: previous.range.churnAvoided.value, kind: 'money', higherIsBetter: true, testId: 'kpi-churn-avoided' },
    { metric: current.range.expansionAttributable, previous: previous.range.expansionAttributable.value, kind: 'money', higherIsBetter: true, testId: 'kpi-expansion' },
    { metric: current.range.cacSaved, previous: previous.range.cacSaved.value, kind: 'money', higherIsBetter: true, testId: 'kpi-cac-saved' },
    { metric: current.range.csCost, previous: previous.range.csCost.value, kind: 'money', higherIsBetter: false, testId: 'kpi-cs-cost' },
    {
      metric: clvMetric,
      previous: clvMetric === clvNow.clv ? clvBefore.clv.value : clvBefore.realisedValueToDate.value,
      kind: 'money',
      higherIsBetter: true,
      note: clvNow.clv.value === null ? t('clvUndefined') : undefined,
      testId: 'kpi-clv',
    },
  ];
  const compareLabel = t(scope.view.compare === 'last-year' ? 'vsLastYear' : 'vsPrevious', {
    from: formatMonth(scope.view.comparison.from, ctx.locale, 'short'),
    to: formatMonth(scope.view.comparison.to, ctx.locale, 'short'),
  });
  // No month in the period: zeros would read as results, so say what is missing instead.
  if (!last) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600" data-testid="kpi-empty">{t('noMonths')}</p>;
  return (
    <section aria-label={t('heading')} className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
      {kpis.map((kpi, i) => (
        <KpiCard key={kpi.testId} align={i === 0 ? 'left' : 'right'} kpi={kpi} ctx={ctx} compareLabel={compareLabel} noComparison={t('noComparison')} news={{ good: t('goodNews'), bad: t('badNews') }} />
      ))}
      {current.range.draftMonths.length > 0 && (
        <p className="col-span-full -mt-1 text-xs text-amber-800" data-testid="kpi-drafts">
          {t('includesDrafts', { count: current.range.draftMonths.length, months: current.range.draftMonths.map((m) => formatMonth(m, ctx.locale)).join(', ') })}
        </p>
      )}
    </section>
  );
}

function KpiCard({ kpi, ctx, compareLabel, noComparison, align, news }: { kpi: Kpi; ctx: FormatContext; compareLabel: string; noComparison: string; align: 'left' | 'right'; news: { good: string; bad: string } }) {
  const change = kpiChange(kpi.metric.value, kpi.previous, { kind: kpi.kind, higherIsBetter: kpi.higherIsBetter, locale: ctx.locale });
  const tone = change.good === null ? 'bg-slate-100 text-slate-700' : change.good ? 'bg-emerald-100 text-emerald-800' : 'bg-rose-100 text-rose-800';
  const arrow = change.deltaType === 'increase' ? '▲' : change.deltaType === 'decrease' ? '▼' : '■';
  return (
    <div data-testid={kpi.testId} className="flex flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-600">{kpi.metric.label[ctx.locale]}</h3>
        <MetricExplanation metric={kpi.metric} ctx={ctx} align={align} />
      </div>
      <p className="mt-2 text-2xl font-semibold tabular-nums tracking-tight text-slate-900" data-testid={`${kpi.testId}-value`}>
        {formatValue(kpi.metric.value, kpi.metric.kind, ctx, 'compact')}
      </p>
      {kpi.note && <p className="mt-1 text-xs text-amber-800">{kpi.note}</p>}
      <p className="mt-auto flex flex-wrap items-center gap-x-2 gap-y-1 pt-3 text-xs text-slate-600">
        {change.text ? (
          <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-medium ${tone}`}>
            <span aria-hidden>{arrow}</span>
            {change.text}
            {change.good !== null && <span className="sr-only"> ({change.good ? news.good : news.bad})</span>}
          </span>
        ) : (
          <span className="text-slate-500">{noComparison}</span>
        )}
        {change.text && <span>{compareLabel}</span>}
      </p>
    </div>
  );
}
