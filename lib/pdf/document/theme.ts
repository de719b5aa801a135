import { StyleSheet } from '@react-pdf/renderer';
import { FONT_FAMILY } from '../fonts';

export const COLORS = {
  ink: '#0f172a',
  muted: '#64748b',
  faint: '#94a3b8',
  rule: '#e2e8f0',
  panel: '#f8fafc',
  brand: '#4338ca',
  churn: '#4338ca',
  expansion: '#0d9488',
  cac: '#d97706',
  cost: '#94a3b8',
  line: '#be123c',
  good: '#047857',
  bad: '#b91c1c',
} as const;

/** A4 portrait in points, with room for the fixed header and footer. */
export const PAGE = { width: 595.28, height: 841.89, marginX: 40, marginTop: 56, marginBottom: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;

/** Tabular figures for right-aligned numbers only: Inter's tabular hyphen would space out "2016-Q4". */
export const TABULAR = { fontFeatureSettings: { calt: false, tnum: true } } as const;

export const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY as unknown as string,
    fontSize: 9,
    // Inter's contextual alternates (calt) cost most of the text layout time and change nothing a
    // board pack uses.
    fontFeatureSettings: { calt: false },
    color: COLORS.ink,
    paddingTop: PAGE.marginTop,
    paddingBottom: PAGE.marginBottom,
    paddingHorizontal: PAGE.marginX,
  },
  header: { position: 'absolute', top: 22, left: PAGE.marginX, right: PAGE.marginX, flexDirection: 'row', justifyContent: 'space-between', fontSize: 7.5, color: COLORS.muted, borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, paddingBottom: 4 },
  footer: { position: 'absolute', top: PAGE.height - 40, left: PAGE.marginX, right: PAGE.marginX, flexDirection: 'row', justifyContent: 'space-between', fontSize: 7.5, color: COLORS.muted, borderTopWidth: 0.5, borderTopColor: COLORS.rule, paddingTop: 4 },
  h1: { fontSize: 18, fontWeight: 700, lineHeight: 1.3, marginBottom: 10, color: COLORS.ink },
  h2: { fontSize: 11, fontWeight: 600, lineHeight: 1.3, marginTop: 12, marginBottom: 6, color: COLORS.ink },
  muted: { color: COLORS.muted },
  small: { fontSize: 7.5, color: COLORS.muted },
  paragraph: { fontSize: 9, marginBottom: 8, lineHeight: 1.4 },
  row: { flexDirection: 'row' },
});
