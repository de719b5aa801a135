'use client';

import { LineChart } from './lazy-tremor';
import type { ValueKind } from '@/lib/metrics/types';
import { formatValue, type FormatContext } from './format-value';

export type ChartRow = Record<string, string | number | null>;

/**
 * Tremor's line chart with a formatter built here: functions cannot cross from server to client
 * components, so the server sends the kind of value and the reader's locale instead.
 */
export function TrendChart({ data, categories, colors, kind, ctx, label, className = 'h-64' }: { data: ChartRow[]; categories: string[]; colors: string[]; kind: ValueKind; ctx: FormatContext; label: string; className?: string }) {
  return (
    <div role="img" aria-label={label} className={className}>
      <LineChart
        className="h-full"
        data={data}
        index="month"
        categories={categories}
        colors={colors}
        valueFormatter={(value: number) => formatValue(value, kind, ctx, 'compact')}
        yAxisWidth={64}
        connectNulls={false}
        showAnimation={false}
      />
    </div>
  );
}
