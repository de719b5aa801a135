import { Text, View } from '@react-pdf/renderer';
import { COLORS } from './theme';

export type CardChange = { label: string; text: string; tone: 'good' | 'bad' | 'neutral' };

const TONE = { good: COLORS.good, bad: COLORS.bad, neutral: COLORS.muted } as const;

/** A headline figure with its changes; `wrap={false}` keeps a card whole on one page. */
export function KpiCard({ label, value, changes, width }: { label: string; value: string; changes: CardChange[]; width: string }) {
  return (
    <View wrap={false} style={{ width, padding: 8, marginBottom: 8, borderWidth: 0.75, borderColor: COLORS.rule, borderRadius: 4, backgroundColor: COLORS.panel }}>
      <Text style={{ fontSize: 8, color: COLORS.muted, marginBottom: 3 }}>{label}</Text>
      <Text style={{ fontSize: 15, fontWeight: 700, lineHeight: 1.25, marginBottom: 4 }}>{value}</Text>
      {changes.map((change) => (
        <Text key={change.label} style={{ fontSize: 7.5, color: TONE[change.tone] }}>
          {change.text} <Text style={{ color: COLORS.muted }}>{change.label}</Text>
        </Text>
      ))}
    </View>
  );
}

export function CardGrid({ children }: { children: React.ReactNode }) {
  return <View style={{ flexDirection: 'row', flexWrap: 'wrap', justifyContent: 'space-between' }}>{children}</View>;
}
