import Decimal from 'decimal.js';
import { Text, View } from '@react-pdf/renderer';
import type { MetricKey } from '@/lib/metrics';
import type { Figure, PeriodValues } from '../board-pack-model';
import { DASH } from '../pdf-format';
import { CardGrid, KpiCard, type CardChange } from './kpi-card';
import { PackPage, SectionTitle, type PageContext } from './pack-page';
import type { SectionProps } from './section-props';
import { COLORS, styles } from './theme';

const HEADLINE: MetricKey[] = ['roiPct', 'gains', 'churnAvoided', 'expansionAttributable', 'csCost', 'nrrPct'];
/** Lower is better for these; for cost, neither direction is good news by itself. */
const LOWER_IS_BETTER = new Set<MetricKey>(['actualAnnualChurnPct', 'grossRevenueChurnPct', 'netRevenueChurnPct', 'logoChurnPct', 'costPerManagedClient']);
const NEUTRAL = new Set<MetricKey>(['csCost']);

/** The change of one headline figure against another period: points for rates, money and % for amounts. */
export function cardChange(key: MetricKey, value: Figure, other: PeriodValues | null, label: string, { t, f, model }: SectionProps): CardChange {
  const before = other?.values[key] ?? null;
  if (value === null || before === null) return { label, text: t('cards.noComparison'), tone: 'neutral' };
  const delta = new Decimal(value).minus(before);
  const sign = delta.isPositive() && !delta.isZero() ? '+' : '';
  const kind = model.range[key].kind;
  let text: string;
  if (kind === 'percent') {
    text = t('cards.points', { value: `${sign}${f.value(delta.toDecimalPlaces(1).toString(), 'ratio')}` });
  } else {
    const relative = new Decimal(before).isZero() ? '' : ` (${sign}${f.pct(delta.div(new Decimal(before).abs()).mul(100).toDecimalPlaces(1).toString())})`;
    text = `${sign}${f.value(delta.toString(), kind)}${relative}`;
  }
  const better = LOWER_IS_BETTER.has(key) ? delta.isNegative() : delta.isPositive();
  const tone = NEUTRAL.has(key) || delta.isZero() ? 'neutral' : better ? 'good' : 'bad';
  return { label, text, tone };
}

export function SummarySection(props: SectionProps & { context: PageContext }) {
  const { model, t, f, context } = props;
  return (
    <PackPage context={context} section={t('sections.summary')}>
      <SectionTitle>{t('sections.summary')}</SectionTitle>
      <CardGrid>
        {HEADLINE.map((key) => {
          const metric = model.range[key];
          return (
            <KpiCard
              key={key}
              width="32%"
              label={metric.label[model.locale]}
              value={metric.value === null ? DASH : f.value(metric.value, metric.kind)}
              changes={[cardChange(key, metric.value, model.previous, t('cards.vsPrevious'), props), cardChange(key, metric.value, model.lastYear, t('cards.vsLastYear'), props)]}
            />
          );
        })}
      </CardGrid>
      <View wrap={false} style={{ marginTop: 10, padding: 12, borderLeftWidth: 3, borderLeftColor: COLORS.brand, backgroundColor: COLORS.panel }}>
        <Text style={{ ...styles.h2, marginTop: 0 }}>{t('keyMessages.title')}</Text>
        {model.keyMessages.map((message, i) => (
          <View key={message} style={{ flexDirection: 'row', marginBottom: 5 }}>
            <Text style={{ width: 14, fontWeight: 700, color: COLORS.brand }}>{i + 1}.</Text>
            <Text style={{ flex: 1, fontSize: 10 }}>{message}</Text>
          </View>
        ))}
      </View>
    </PackPage>
  );
}
