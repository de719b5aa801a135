import { Page, Text, View } from '@react-pdf/renderer';
import { formatDate } from '@/lib/format';
import { pdfText } from '../pdf-text';
import type { SectionProps } from './section-props';
import { COLORS, styles } from './theme';

function monthStatus({ model, t, f }: SectionProps): string[] {
  if (model.months.length === 0) return [t('cover.noData')];
  const lines = [
    model.draftMonths.length === 0
      ? t('cover.statusFinal', { count: model.months.length })
      : t('cover.statusDraft', { count: model.draftMonths.length, months: f.monthList(model.draftMonths) }),
  ];
  if (model.monthsMissing.length > 0) lines.push(t('cover.missing', { months: f.monthList(model.monthsMissing) }));
  return lines;
}

export function CoverPage(props: SectionProps) {
  const { model, t, f } = props;
  const period = t('periodRange', { from: f.month(model.from), to: f.month(model.to) });
  const draft = model.draftMonths.length > 0;
  const rows: [string, string[]][] = [
    [t('cover.period'), [period]],
    [t('cover.generatedOn'), [pdfText(formatDate(new Date(model.generatedAt), model.locale))]],
    [t('cover.preparedBy'), [model.preparedBy]],
    [t('cover.status'), monthStatus(props)],
  ];
  return (
    <Page size="A4" orientation="portrait" style={{ ...styles.page, paddingTop: 0, paddingHorizontal: 0 }}>
      <View style={{ backgroundColor: COLORS.brand, paddingHorizontal: 48, paddingTop: 170, paddingBottom: 40 }}>
        <Text style={{ color: '#c7d2fe', fontSize: 11, marginBottom: 8 }}>{t('subtitle')}</Text>
        <Text style={{ color: '#ffffff', fontSize: 30, fontWeight: 700, lineHeight: 1.25, marginBottom: 12 }}>{t('title')}</Text>
        <Text style={{ color: '#ffffff', fontSize: 16, lineHeight: 1.3 }}>{model.organization.name}</Text>
      </View>
      <View style={{ paddingHorizontal: 48, paddingTop: 36 }}>
        {rows.map(([label, values]) => (
          <View key={label} wrap={false} style={{ flexDirection: 'row', marginBottom: 12 }}>
            <Text style={{ width: 170, color: COLORS.muted }}>{label}</Text>
            <View style={{ flex: 1 }}>
              {values.map((value) => (
                <Text key={value} style={{ fontSize: 11, color: label === t('cover.status') && draft ? COLORS.bad : COLORS.ink }}>
                  {value}
                </Text>
              ))}
            </View>
          </View>
        ))}
        <Text style={{ ...styles.small, marginTop: 20 }}>{t('cover.currency', { currency: model.organization.currency })}</Text>
      </View>
    </Page>
  );
}
