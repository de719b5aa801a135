import { getTranslations } from 'next-intl/server';
import { currentMetrics, type DashboardScope } from '@/lib/data/dashboard-data';
import { formatContext } from './context';
import { chartNumber, formatValue } from './format-value';
import { monthLabel } from './month-label';
import { Section } from './section';
import { TrendChart } from './trend-chart';
import { ChartDataTable } from './chart-data-table';
import { DraftNote, EmptyPeriod } from './empty-period';
import { MetricExplanation } from './metric-explanation';

/** Monthly ROI and rolling-12-month ROI as lines; a rolling point shows only on a full window. */
export async function RoiOverTime({ scope }: { scope: DashboardScope }) {
  const [metrics, ctx, t] = await Promise.all([currentMetrics(scope), formatContext(scope), getTranslations('dashboard.roi')]);
  const monthly = t('monthly');
  const rolling = t('rolling');
  const rows = metrics.perMonth.map((m) => ({
    key: m.month,
    label: monthLabel(m.month, m.status, ctx.locale),
    monthly: m.metrics.roiPct.value,
    rolling: m.rolling.complete ? m.rolling.roiPct.value : null,
  }));
  const shortest = metrics.perMonth.reduce((min, m) => Math.min(min, m.rolling.monthsInWindow), 12);
  const last = metrics.perMonth.at(-1);
  return (
    <Section
      id="roi"
      title={t('title')}
      subtitle={t('subtitle')}
      actions={last ? <MetricExplanation metric={last.rolling.roiPct} ctx={ctx} /> : undefined}
    >
      {rows.length === 0 ? (
        <EmptyPeriod scope={scope} />
      ) : (
        <>
          <TrendChart
            data={rows.map((r) => ({ month: r.label, [monthly]: chartNumber(r.monthly), [rolling]: chartNumber(r.rolling) }))}
            categories={[monthly, rolling]}
            colors={['sky', 'indigo']}
            kind="percent"
            ctx={ctx}
            label={t('chartLabel')}
          />
          {shortest < 12 && <p className="mt-2 text-sm text-amber-800">{t('rollingPartial', { count: shortest })}</p>}
          <DraftNote draftMonths={metrics.range.draftMonths} />
          <ChartDataTable
            caption={t('title')}
            headers={[t('month'), monthly, rolling]}
            rows={rows.map((r) => ({ key: r.key, cells: [r.label, formatValue(r.monthly, 'percent', ctx), formatValue(r.rolling, 'percent', ctx)] }))}
          />
        </>
      )}
    </Section>
  );
}
