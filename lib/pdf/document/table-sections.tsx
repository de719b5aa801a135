import Decimal from 'decimal.js';
import { Text } from '@react-pdf/renderer';
import type { IndicatorTrend } from '../board-pack-model';
import { DASH } from '../pdf-format';
import { MonthChart } from './month-chart';
import { PackPage, SectionTitle, SubTitle, type PageContext } from './pack-page';
import { PackTable } from './pack-table';
import type { SectionProps } from './section-props';
import { COLORS, styles } from './theme';

type Props = SectionProps & { context: PageContext };

export function CohortSection({ context, ...props }: Props) {
  const { model, t, f } = props;
  return (
    <PackPage context={context} section={t('sections.cohorts')}>
      <SectionTitle>{t('sections.cohorts')}</SectionTitle>
      <Text style={{ ...styles.paragraph, color: COLORS.muted }}>{t('cohortNote', { month: f.month(model.to) })}</Text>
      <PackTable
        columns={[
          { header: t('table.cohort'), width: 18, cell: (c) => c.cohort },
          { header: t('table.accounts'), width: 14, align: 'right', cell: (c) => f.value(String(c.accounts), 'count') },
          { header: t('table.churned'), width: 14, align: 'right', cell: (c) => f.value(String(c.churnedAccounts), 'count') },
          { header: t('table.clv'), width: 24, align: 'right', cell: (c) => (c.clv === null ? t('cards.undefined') : f.money(c.clv)) },
          { header: t('table.realised'), width: 30, align: 'right', cell: (c) => f.money(c.realisedValueToDate) },
        ]}
        rows={model.cohorts}
        rowKey={(c) => c.cohort}
      />
    </PackPage>
  );
}

const INDICATORS = ['healthScore', 'timeToValueDays', 'featureAdoptionPct'] as const;

function change(trend: IndicatorTrend, percent: boolean, f: SectionProps['f']): string {
  if (trend.change === null) return DASH;
  const sign = new Decimal(trend.change).gt(0) ? '+' : '';
  return `${sign}${f.value(trend.change, 'ratio')}${percent ? ' pts' : ''}`;
}

export function LeadingSection({ context, ...props }: Props) {
  const { model, t, f } = props;
  const shown = (key: (typeof INDICATORS)[number], value: string | null) => (value === null ? DASH : key === 'featureAdoptionPct' ? f.pct(value) : f.value(value, 'ratio'));
  const months = model.series.map((m) => f.month(m.month, 'short'));
  const num = (v: string | null) => (v === null ? null : Number(v));
  return (
    <PackPage context={context} section={t('sections.leading')}>
      <SectionTitle>{t('sections.leading')}</SectionTitle>
      <Text style={{ ...styles.paragraph, color: COLORS.muted }}>{t('leadingNote')}</Text>
      <PackTable
        columns={[
          { header: t('table.indicator'), width: 40, cell: (key) => t(`indicators.${key}`) },
          { header: t('table.latest'), width: 20, align: 'right', cell: (key) => shown(key, model.leading[key].latest) },
          { header: t('table.previous'), width: 20, align: 'right', cell: (key) => shown(key, model.leading[key].previous) },
          { header: t('table.change'), width: 20, align: 'right', cell: (key) => change(model.leading[key], key === 'featureAdoptionPct', f) },
        ]}
        rows={[...INDICATORS]}
        rowKey={(key) => key}
      />
      <SubTitle>{t('monthlyDetail')}</SubTitle>
      <MonthChart
        title={`${t('indicators.healthScore')} · ${t('indicators.featureAdoptionPct')}`}
        months={months}
        emptyText={t('charts.noData')}
        formatTick={(v) => f.value(String(v), 'ratio')}
        height={140}
        lines={[
          { label: t('indicators.healthScore'), color: COLORS.brand, values: model.series.map((m) => num(m.avgHealthScore)) },
          { label: t('indicators.featureAdoptionPct'), color: COLORS.expansion, values: model.series.map((m) => num(m.featureAdoptionPct)) },
        ]}
      />
      <MonthChart
        title={t('indicators.timeToValueDays')}
        months={months}
        emptyText={t('charts.noData')}
        formatTick={(v) => f.value(String(v), 'ratio')}
        height={120}
        lines={[{ label: t('indicators.timeToValueDays'), color: COLORS.cac, values: model.series.map((m) => num(m.timeToValueDays)) }]}
      />
    </PackPage>
  );
}

export function LeaderboardSection({ context, ...props }: Props) {
  const { model, t, f } = props;
  return (
    <PackPage context={context} section={t('sections.leaderboard')}>
      <SectionTitle>{t('sections.leaderboard')}</SectionTitle>
      <PackTable
        columns={[
          { header: t('table.csm'), width: 26, cell: (r) => r.name },
          { header: t('table.accounts'), width: 11, align: 'right', cell: (r) => f.value(String(r.accounts), 'count') },
          { header: t('table.expansion'), width: 19, align: 'right', cell: (r) => f.money(r.expansionAttributed) },
          { header: t('table.saves'), width: 10, align: 'right', cell: (r) => f.value(String(r.savesCount), 'count') },
          { header: t('table.savedArr'), width: 17, align: 'right', cell: (r) => f.money(r.savedArr) },
          { header: t('table.churnedArr'), width: 17, align: 'right', cell: (r) => f.money(r.churnedArr) },
        ]}
        rows={model.leaderboard ?? []}
        rowKey={(r) => r.id}
      />
    </PackPage>
  );
}
