import { getTranslations } from 'next-intl/server';
import { currentMetrics, type DashboardScope } from '@/lib/data/dashboard-data';
import { formatContext } from './context';
import { chartNumber, formatValue } from './format-value';
import { monthLabel } from './month-label';
import { Section } from './section';
import { TrendChart } from './trend-chart';
import { ChartDataTable } from './chart-data-table';
import { DraftNote, EmptyPeriod } from './empty-period';
import { StatTile } from './stat-tile';

/** Actual churn against the baseline; GRR and NRR monthly and over trailing 12 months; logo churn. */
export async function Retention({ scope }: { scope: DashboardScope }) {
  const [metrics, ctx, t] = await Promise.all([currentMetrics(scope), formatContext(scope), getTranslations('dashboard.retention')]);
  const { range } = metrics;
  const label = (m: (typeof metrics.perMonth)[number]) => monthLabel(m.month, m.status, ctx.locale);
  const actual = t('actual');
  const baseline = t('baseline');
  const [grr, nrr, grr12, nrr12] = [t('grrMonthly'), t('nrrMonthly'), t('grr12'), t('nrr12')];
  return (
    <Section id="retention" title={t('title')} subtitle={t('subtitle')}>
      {metrics.perMonth.length === 0 ? (
        <EmptyPeriod scope={scope} />
      ) : (
        <>
          <div className="grid grid-cols-2 gap-2 md:grid-cols-5">
            <StatTile metric={range.actualAnnualChurnPct} ctx={ctx} testId="retention-actual" align="left" />
            <StatTile metric={range.baselineAnnualChurnPct} ctx={ctx} />
            <StatTile metric={range.grrPct} ctx={ctx} />
            <StatTile metric={range.nrrPct} ctx={ctx} />
            <StatTile metric={range.logoChurnPct} ctx={ctx} />
          </div>
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <div>
              <h3 className="text-sm font-medium text-slate-700">{t('churnTitle')}</h3>
              <TrendChart
                className="h-56"
                data={metrics.perMonth.map((m) => ({ month: label(m), [actual]: chartNumber(m.metrics.actualAnnualChurnPct.value), [baseline]: chartNumber(m.metrics.baselineAnnualChurnPct.value) }))}
                categories={[actual, baseline]}
                colors={['rose', 'slate']}
                kind="percent"
                ctx={ctx}
                label={t('churnTitle')}
              />
            </div>
            <div>
              <h3 className="text-sm font-medium text-slate-700">{t('retentionTitle')}</h3>
              <TrendChart
                className="h-56"
                data={metrics.perMonth.map((m) => ({
                  month: label(m),
                  [grr]: chartNumber(m.metrics.grrPct.value),
                  [nrr]: chartNumber(m.metrics.nrrPct.value),
                  [grr12]: m.rolling.complete ? chartNumber(m.rolling.grrPct.value) : null,
                  [nrr12]: m.rolling.complete ? chartNumber(m.rolling.nrrPct.value) : null,
                }))}
                categories={[grr, nrr, grr12, nrr12]}
                colors={['amber', 'emerald', 'orange', 'teal']}
                kind="percent"
                ctx={ctx}
                label={t('retentionTitle')}
              />
            </div>
          </div>
          <DraftNote draftMonths={range.draftMonths} />
          <ChartDataTable
            caption={t('title')}
            headers={[t('month'), actual, baseline, grr, nrr, grr12, nrr12, t('logoChurn')]}
            rows={metrics.perMonth.map((m) => ({
              key: m.month,
              cells: [
                label(m),
                formatValue(m.metrics.actualAnnualChurnPct.value, 'percent', ctx),
                formatValue(m.metrics.baselineAnnualChurnPct.value, 'percent', ctx),
                formatValue(m.metrics.grrPct.value, 'percent', ctx),
                formatValue(m.metrics.nrrPct.value, 'percent', ctx),
                m.rolling.complete ? formatValue(m.rolling.grrPct.value, 'percent', ctx) : '—',
                m.rolling.complete ? formatValue(m.rolling.nrrPct.value, 'percent', ctx) : '—',
                formatValue(m.metrics.logoChurnPct.value, 'percent', ctx),
              ],
            }))}
          />
        </>
      )}
    </Section>
  );
}
