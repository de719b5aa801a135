import { getTranslations } from 'next-intl/server';
import Decimal from 'decimal.js';
import { currentMetrics, type DashboardScope } from '@/lib/data/dashboard-data';
import { formatNumber } from '@/lib/format';
import { formatContext } from './context';
import { formatValue } from './format-value';
import { monthLabel } from './month-label';
import { Section } from './section';
import { ChartDataTable } from './chart-data-table';
import { EmptyPeriod } from './empty-period';
import { StatTile } from './stat-tile';

/** Revenue per CSM (both definitions), cost per managed client and headcount. */
export async function Efficiency({ scope }: { scope: DashboardScope }) {
  const [metrics, ctx, t] = await Promise.all([currentMetrics(scope), formatContext(scope), getTranslations('dashboard.efficiency')]);
  const { range, months } = metrics;
  const latest = months.at(-1);
  const averageFte = months.length === 0 ? null : months.reduce((sum, m) => sum.plus(m.csmFte), new Decimal(0)).div(months.length);
  return (
    <Section id="efficiency" title={t('title')} subtitle={t('subtitle')}>
      {metrics.perMonth.length === 0 ? (
        <EmptyPeriod scope={scope} />
      ) : (
        <>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <StatTile metric={range.arrPerCsm} ctx={ctx} align="left" />
            <StatTile metric={range.csGeneratedRevenuePerCsm} ctx={ctx} />
            <StatTile metric={range.costPerManagedClient} ctx={ctx} align="left" />
            <div className="rounded-lg bg-slate-50 px-3 py-2" data-testid="headcount">
              <p className="text-xs text-slate-600">{t('headcount')}</p>
              <p className="text-lg font-semibold tabular-nums text-slate-900">{latest ? formatNumber(latest.csmFte, ctx.locale, 1) : '—'}</p>
              {averageFte && <p className="text-xs text-slate-500">{t('averageFte', { value: formatNumber(averageFte, ctx.locale, 1) })}</p>}
            </div>
          </div>
          <ChartDataTable
            caption={t('title')}
            headers={[t('month'), range.arrPerCsm.label[ctx.locale], range.csGeneratedRevenuePerCsm.label[ctx.locale], range.costPerManagedClient.label[ctx.locale], t('headcount')]}
            rows={metrics.perMonth.map((m, i) => ({
              key: m.month,
              cells: [
                monthLabel(m.month, m.status, ctx.locale),
                formatValue(m.metrics.arrPerCsm.value, 'money', ctx),
                formatValue(m.metrics.csGeneratedRevenuePerCsm.value, 'money', ctx),
                formatValue(m.metrics.costPerManagedClient.value, 'money', ctx),
                formatNumber(months[i]?.csmFte ?? 0, ctx.locale, 1),
              ],
            }))}
          />
        </>
      )}
    </Section>
  );
}
