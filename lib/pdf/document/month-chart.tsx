import { Line, Polyline, Rect, Svg, Text, View } from '@react-pdf/renderer';
import { COLORS, CONTENT_WIDTH } from './theme';

export type ChartSeries = { label: string; color: string; values: (number | null)[]; dashed?: boolean };

type Props = {
  title: string;
  months: string[];
  /** Bars side by side per month; each entry is a stack of series drawn on top of each other. */
  stacks?: ChartSeries[][];
  lines?: ChartSeries[];
  formatTick: (value: number) => string;
  emptyText: string;
  height?: number;
};

const PAD = { left: 52, right: 8, top: 8, bottom: 18 };

/** A round step for about `count` gridlines: 1, 2, 2.5 or 5 × 10ⁿ. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10;
  return factor * power;
}

function extent(stacks: ChartSeries[][], lines: ChartSeries[], count: number): [number, number] {
  const values: number[] = [0];
  for (let i = 0; i < count; i += 1) {
    for (const stack of stacks) {
      let up = 0;
      let down = 0;
      for (const series of stack) {
        const v = series.values[i] ?? 0;
        if (v >= 0) up += v;
        else down += v;
      }
      values.push(up, down);
    }
    for (const line of lines) if (line.values[i] !== null && line.values[i] !== undefined) values.push(line.values[i]!);
  }
  return [Math.min(...values), Math.max(...values)];
}

/**
 * A vector chart of monthly figures, drawn with react-pdf's own SVG primitives (no image), with its
 * legend below as ordinary text so that it can never be clipped. The whole block is `wrap={false}`.
 */
export function MonthChart({ title, months, stacks = [], lines = [], formatTick, emptyText, height = 170 }: Props) {
  const width = CONTENT_WIDTH;
  const legend = [...stacks.flat().map((series) => ({ ...series, line: false })), ...lines.map((series) => ({ ...series, line: true }))];
  if (months.length === 0) {
    return (
      <View wrap={false} style={{ marginBottom: 12 }}>
        <Text style={{ fontSize: 9.5, fontWeight: 600, marginBottom: 4 }}>{title}</Text>
        <Text style={{ color: COLORS.muted }}>{emptyText}</Text>
      </View>
    );
  }
  const [rawMin, rawMax] = extent(stacks, lines, months.length);
  const step = niceStep(rawMax - rawMin || 1, 4);
  const min = Math.floor(rawMin / step) * step;
  const max = Math.ceil(rawMax / step) * step || step;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min)) * plotH;
  const slot = plotW / months.length;
  const x = (i: number) => PAD.left + slot * (i + 0.5);
  const barGap = slot * 0.2;
  const barW = stacks.length === 0 ? 0 : (slot - barGap) / stacks.length;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  const labelEvery = Math.ceil(months.length / 12);
  const label = { position: 'absolute', fontSize: 6.5, color: COLORS.muted } as const;

  return (
    <View wrap={false} style={{ marginBottom: 14 }}>
      <Text style={{ fontSize: 9.5, fontWeight: 600, marginBottom: 4 }}>{title}</Text>
      <View style={{ position: 'relative', width, height }}>
        <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
          {ticks.map((tick) => (
            <Line key={`tick-${tick}`} x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? COLORS.muted : COLORS.rule} strokeWidth={tick === 0 ? 0.8 : 0.5} />
          ))}
          {stacks.map((stack, s) =>
            months.map((month, i) => {
              let up = 0;
              let down = 0;
              return stack.map((series) => {
                const v = series.values[i] ?? 0;
                if (v === 0) return null;
                const base = v >= 0 ? up : down;
                const top = base + v;
                if (v >= 0) up = top;
                else down = top;
                const x0 = x(i) - (slot - barGap) / 2 + s * barW;
                return <Rect key={`${series.label}-${month}`} x={x0} width={Math.max(barW - 1, 0.5)} y={Math.min(y(base), y(top))} height={Math.abs(y(top) - y(base))} fill={series.color} />;
              });
            }),
          )}
          {lines.map((series) => {
            const points = series.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter((p): p is string => p !== null);
            return <Polyline key={series.label} points={points.join(' ')} fill="none" stroke={series.color} strokeWidth={1.4} strokeDasharray={series.dashed ? '4 3' : undefined} />;
          })}
        </Svg>
        {/* Axis labels are ordinary text laid over the drawing: same embedded font, never clipped. */}
        {ticks.map((tick) => (
          <Text key={`y-${tick}`} style={{ ...label, top: y(tick) - 4, left: 0, width: PAD.left - 5, textAlign: 'right' }}>
            {formatTick(tick)}
          </Text>
        ))}
        {months.map((month, i) =>
          i % labelEvery === 0 ? (
            <Text key={`x-${month}`} style={{ ...label, top: height - 12, left: x(i) - slot * labelEvery / 2, width: slot * labelEvery, textAlign: 'center' }}>
              {month}
            </Text>
          ) : null,
        )}
      </View>
      <View style={{ flexDirection: 'row', flexWrap: 'wrap', marginTop: 4, paddingLeft: PAD.left }}>
        {legend.map((series) => (
          <View key={series.label} style={{ flexDirection: 'row', alignItems: 'center', marginRight: 12, marginBottom: 2 }}>
            <View style={{ width: 10, height: series.line ? 2 : 6, backgroundColor: series.color, marginRight: 4 }} />
            <Text style={{ fontSize: 7.5, color: COLORS.ink }}>{series.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
