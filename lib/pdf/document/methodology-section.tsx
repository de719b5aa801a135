import { Text, View } from '@react-pdf/renderer';
import { METRIC_KEYS } from '@/lib/metrics';
import { pdfText } from '../pdf-text';
import { PackPage, SectionTitle, SubTitle, type PageContext } from './pack-page';
import type { SectionProps } from './section-props';
import { COLORS, styles } from './theme';

type Props = SectionProps & { context: PageContext };

function settingsRows({ model, t, f }: SectionProps): [string, string][] {
  const s = model.settings;
  const gains = [
    s.countChurnAvoided ? model.range.churnAvoided.label[model.locale] : null,
    s.countExpansion ? model.range.expansionAttributable.label[model.locale] : null,
    s.countCacSaved ? model.range.cacSaved.label[model.locale] : null,
  ].filter((g): g is string => g !== null);
  const number = (value: string) => f.value(value, 'ratio');
  return [
    [
      t('methodology.baseline'),
      s.baselineMode === 'REFERENCE_PERIOD' && s.baselineReferenceFrom && s.baselineReferenceTo
        ? t('methodology.baselineReference', { pct: f.pct(s.baselineAnnualChurnPct), from: f.month(s.baselineReferenceFrom), to: f.month(s.baselineReferenceTo) })
        : t('methodology.baselineManual', { pct: f.pct(s.baselineAnnualChurnPct) }),
    ],
    [t('methodology.indirectCosts'), s.indirectCostMode === 'COEFFICIENT' ? t('methodology.coefficient', { coefficient: number(s.indirectCostCoefficient) }) : t('methodology.itemised')],
    [t('methodology.grossMargin'), f.pct(s.grossMarginPct)],
    [t('methodology.averageCac'), f.money(s.averageCac)],
    [t('methodology.influencedShare'), f.pct(s.influencedAttributionPct)],
    [t('methodology.gainsCounted'), gains.length > 0 ? gains.join(', ') : t('methodology.noGains')],
    [t('methodology.sameMonth'), t(`methodology.sameMonth${s.sameMonthChurnRule}`)],
  ];
}

function sourceLines({ model, t, f }: SectionProps): string[] {
  const s = model.sources;
  return [
    s.firstMonth && s.lastMonth ? t('methodology.months', { count: s.months, first: f.month(s.firstMonth), last: f.month(s.lastMonth) }) : t('methodology.noMonths'),
    t('methodology.accounts', { count: s.accounts }),
    t('methodology.deals', { count: s.deals }),
    t('methodology.churnEvents', { count: s.churnEvents }),
    t('methodology.saves', { count: s.saves }),
  ];
}

/** Every formula behind the pack's figures, the method settings used and where the data came from. */
export function MethodologySection({ context, ...props }: Props) {
  const { model, t } = props;
  const lang = model.locale;
  const formulas = [
    ...METRIC_KEYS.map((key) => ({ key, label: model.range[key].label[lang], formula: model.range[key].formula[lang], note: model.range[key].note?.[lang] })),
    { key: 'clv', label: 'CLV', formula: model.cohortFormula.clv[lang], note: undefined },
    { key: 'realisedValueToDate', label: t('table.realised'), formula: model.cohortFormula.realisedValueToDate[lang], note: undefined },
  ];
  return (
    <PackPage context={context} section={t('sections.methodology')}>
      <SectionTitle>{t('sections.methodology')}</SectionTitle>
      <Text style={styles.paragraph}>{t('methodology.intro')}</Text>
      <SubTitle>{t('methodology.settings')}</SubTitle>
      {settingsRows(props).map(([label, value]) => (
        <View key={label} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, paddingVertical: 3 }}>
          <Text style={{ width: '45%', color: COLORS.muted }}>{label}</Text>
          <Text style={{ width: '55%' }}>{value}</Text>
        </View>
      ))}
      <SubTitle>{t('methodology.sources')}</SubTitle>
      {sourceLines(props).map((line) => (
        <Text key={line} style={{ marginBottom: 2 }}>
          • {line}
        </Text>
      ))}
      <SubTitle>{t('methodology.formulas')}</SubTitle>
      {formulas.map((item) => (
        <View key={item.key} wrap={false} style={{ marginBottom: 6 }}>
          <Text style={{ fontWeight: 600 }}>{pdfText(item.label)}</Text>
          <Text>{pdfText(item.formula)}</Text>
          {item.note ? <Text style={styles.small}>{`${t('methodology.note')}${lang === 'fr' ? '\u00A0: ' : ': '}${pdfText(item.note)}`}</Text> : null}
        </View>
      ))}
    </PackPage>
  );
}
