import type { MetricKey } from '@/lib/metrics';
import type { Figure } from '../board-pack-model';
import { DASH } from '../pdf-format';
import { MonthChart } from './month-chart';
import { PackTable } from './pack-table';
import { CardGrid, KpiCard } from './kpi-card';
import { PackPage, SectionTitle, SubTitle, type PageContext } from './pack-page';
import type { SectionProps } from './section-props';
import { cardChange } from './summary-section';
import { COLORS } from './theme';

type Props = SectionProps & { context: PageContext };

const num = (value: Figure) => (value === null ? null : Number(value));

function Cards({ keys, ...props }: SectionProps & { keys: MetricKey[] }) {
  const { model, t, f } = props;
  return (
    <CardGrid>
      {keys.map((key) => {
        const metric = model.range[key];
        return (
          <KpiCard
            key={key}
            width={`${Math.floor(100 / keys.length) - 1.5}%`}
            label={metric.label[model.locale]}
            value={metric.value === null ? DASH : f.value(metric.value, metric.kind)}
            changes={[cardChange(key, metric.value, model.previous, t('cards.vsPrevious'), props)]}
          />
        );
      })}
    </CardGrid>
  );
}

export function RoiSection({ context, ...props }: Props) {
  const { model, t, f } = props;
  const months = model.series.map((m) => f.month(m.month, 'short'));
  const label = (key: MetricKey) => model.range[key].label[model.locale];
  const pctTick = (v: number) => f.pct(String(v));
  const moneyTick = (v: number) => f.compactMoney(v);
  return (
    <PackPage context={context} section={t('sections.roi')}>
      <SectionTitle>{t('sections.roi')}</SectionTitle>
      <Cards {...props} keys={['roiPct', 'gains', 'csCost']} />
      <MonthChart
        title={t('charts.roi')}
        months={months}
        emptyText={t('charts.noData')}
        formatTick={pctTick}
        stacks={[[{ label: t('charts.monthlyRoi'), color: COLORS.brand, values: model.series.map((m) => num(m.roiPct)) }]]}
        lines={[{ label: t('charts.rollingRoi'), color: COLORS.line, values: model.series.map((m) => num(m.rollingRoiPct)) }]}
      />
      <MonthChart
        title={t('charts.gains')}
        months={months}
        emptyText={t('charts.noData')}
        formatTick={moneyTick}
        stacks={[
          [
            { label: label('churnAvoided'), color: COLORS.churn, values: model.series.map((m) => (model.settings.countChurnAvoided ? num(m.churnAvoided) : 0)) },
            { label: label('expansionAttributable'), color: COLORS.expansion, values: model.series.map((m) => (model.settings.countExpansion ? num(m.expansionAttributable) : 0)) },
            ...(model.settings.countCacSaved ? [{ label: label('cacSaved'), color: COLORS.cac, values: model.series.map((m) => num(m.cacSaved)) }] : []),
          ],
          [{ label: t('charts.cost'), color: COLORS.cost, values: model.series.map((m) => num(m.csCost)) }],
        ]}
      />
    </PackPage>
  );
}

export function RetentionSection({ context, ...props }: Props) {
  const { model, t, f } = props;
  const months = model.series.map((m) => f.month(m.month, 'short'));
  const pctTick = (v: number) => f.pct(String(v));
  return (
    <PackPage context={context} section={t('sections.retention')}>
      <SectionTitle>{t('sections.retention')}</SectionTitle>
      <Cards {...props} keys={['actualAnnualChurnPct', 'grrPct', 'nrrPct', 'logoChurnPct']} />
      <MonthChart
        title={t('charts.churn')}
        months={months}
        emptyText={t('charts.noData')}
        formatTick={pctTick}
        stacks={[[{ label: t('charts.actualChurn'), color: COLORS.churn, values: model.series.map((m) => num(m.actualAnnualChurnPct)) }]]}
        lines={[{ label: t('charts.baseline'), color: COLORS.line, dashed: true, values: model.series.map((m) => num(m.baselineAnnualChurnPct)) }]}
      />
      <MonthChart
        title={t('charts.retention')}
        months={months}
        emptyText={t('charts.noData')}
        formatTick={pctTick}
        lines={[
          { label: t('charts.grr'), color: COLORS.churn, values: model.series.map((m) => num(m.rollingGrrPct)) },
          { label: t('charts.nrr'), color: COLORS.expansion, values: model.series.map((m) => num(m.rollingNrrPct)) },
        ]}
      />
    </PackPage>
  );
}

export function EfficiencySection({ context, ...props }: Props) {
  const { model, t, f } = props;
  return (
    <PackPage context={context} section={t('sections.efficiency')}>
      <SectionTitle>{t('sections.efficiency')}</SectionTitle>
      <Cards {...props} keys={['arrPerCsm', 'csGeneratedRevenuePerCsm', 'costPerManagedClient']} />
      <SubTitle>{t('monthlyDetail')}</SubTitle>
      <PackTable
        columns={[
          { header: t('table.month'), width: 18, cell: (m) => f.month(m.month) },
          { header: t('table.status'), width: 12, cell: (m) => (m.status === 'CLOSED' ? t('table.closed') : t('table.draft')) },
          { header: t('table.gains'), width: 16, align: 'right', cell: (m) => f.money(m.gains) },
          { header: t('table.cost'), width: 16, align: 'right', cell: (m) => f.money(m.csCost) },
          { header: t('table.roi'), width: 10, align: 'right', cell: (m) => f.pct(m.roiPct) },
          { header: t('table.managedClients'), width: 13, align: 'right', cell: (m) => f.value(String(m.managedClients), 'count') },
          { header: t('table.costPerClient'), width: 15, align: 'right', cell: (m) => f.money(m.costPerManagedClient) },
        ]}
        rows={model.series}
        rowKey={(m) => m.month}
      />
    </PackPage>
  );
}
