import type { Metric } from '@/lib/metrics/types';
import { formatValue, type FormatContext } from './format-value';
import { MetricExplanation } from './metric-explanation';

/** A small labelled figure with its explanation, for section headers. */
export function StatTile({ metric, ctx, hint, testId, align = 'right' }: { metric: Metric; ctx: FormatContext; hint?: string; testId?: string; align?: 'left' | 'right' }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2" data-testid={testId}>
      <div className="flex items-start justify-between gap-1">
        <p className="text-xs text-slate-600">{metric.label[ctx.locale]}</p>
        <MetricExplanation metric={metric} ctx={ctx} align={align} />
      </div>
      <p className="text-lg font-semibold tabular-nums text-slate-900">{formatValue(metric.value, metric.kind, ctx, 'compact')}</p>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
