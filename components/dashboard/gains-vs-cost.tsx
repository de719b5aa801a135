import { getTranslations } from 'next-intl/server';
import type Decimal from 'decimal.js';
import { currentMetrics, type DashboardScope } from '@/lib/data/dashboard-data';
import { formatContext } from './context';
import { formatValue } from './format-value';
import { monthLabel } from './month-label';
import { Section } from './section';
import { ChartDataTable } from './chart-data-table';
import { DraftNote, EmptyPeriod } from './empty-period';
import { MetricExplanation } from './metric-explanation';
import { StackedBars, type StackedBarMonth } from './stacked-bars';

const n = (value: Decimal | null) => (value === null ? 0 : value.toNumber());

/** "Dec 25": short enough for one bar slot. */
function axisMonth(month: string, locale: 'en' | 'fr'): string {
  const [year = 1970, monthNumber = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** Per month, the three gains stacked against the team's cost. */
export async function GainsVsCost({ scope }: { scope: DashboardScope }) {
  const [metrics, ctx, t] = await Promise.all([currentMetrics(scope), formatContext(scope), getTranslations('dashboard.gains')]);
  const series = [
    { key: 'churnAvoided', label: t('churnAvoided'), fill: 'fill-emerald-500', swatch: 'bg-emerald-500' },
    { key: 'expansion', label: t('expansion'), fill: 'fill-sky-500', swatch: 'bg-sky-500' },
    { key: 'cacSaved', label: t('cacSaved'), fill: 'fill-violet-400', swatch: 'bg-violet-400' },
  ];
  const months: StackedBarMonth[] = metrics.perMonth.map((m) => ({
    key: m.month,
    label: monthLabel(m.month, m.status, ctx.locale),
    axis: `${axisMonth(m.month, ctx.locale)}${m.status === 'DRAFT' ? '*' : ''}`,
    stack: [n(m.metrics.churnAvoided.value), n(m.metrics.expansionAttributable.value), n(m.metrics.cacSaved.value)],
    against: n(m.metrics.csCost.value),
  }));
  return (
    <Section id="gains" title={t('title')} subtitle={t('subtitle')} actions={<MetricExplanation metric={metrics.range.gains} ctx={ctx} />}>
      {months.length === 0 ? (
        <EmptyPeriod scope={scope} />
      ) : (
        <>
          <StackedBars months={months} series={series} against={{ label: t('cost'), fill: 'fill-rose-300', swatch: 'bg-rose-300' }} ctx={ctx} label={t('chartLabel')} />
          <DraftNote draftMonths={metrics.range.draftMonths} />
          <ChartDataTable
            caption={t('title')}
            headers={[t('month'), t('churnAvoided'), t('expansion'), t('cacSaved'), t('totalGains'), t('cost')]}
            rows={metrics.perMonth.map((m) => ({
              key: m.month,
              cells: [
                monthLabel(m.month, m.status, ctx.locale),
                formatValue(m.metrics.churnAvoided.value, 'money', ctx),
                formatValue(m.metrics.expansionAttributable.value, 'money', ctx),
                formatValue(m.metrics.cacSaved.value, 'money', ctx),
                formatValue(m.metrics.gains.value, 'money', ctx),
                formatValue(m.metrics.csCost.value, 'money', ctx),
              ],
            }))}
          />
        </>
      )}
    </Section>
  );
}
