import type { Metric } from '@/lib/metrics/types';
import { formatValue, type FormatContext } from './format-value';
import { ExplanationPanel } from './explanation-panel';

/**
 * The engine's own explanation of a figure (formula, inputs with their sources, note), worded and
 * formatted here in the reader's language and handed to the panel as plain strings.
 */
export function MetricExplanation({ metric, ctx, align = 'right' }: { metric: Metric; ctx: FormatContext; align?: 'left' | 'right' }) {
  const lang = ctx.locale;
  const { formula, inputs, note } = metric.explanation;
  return (
    <ExplanationPanel
      align={align}
      explanation={{
        key: metric.key,
        label: metric.label[lang],
        formula: formula[lang],
        inputs: inputs.map((input) => ({ label: input.label[lang], value: formatValue(input.value, input.kind, ctx), source: input.source[lang] })),
        result: formatValue(metric.value, metric.kind, ctx),
        ...(note ? { note: note[lang] } : {}),
      }}
    />
  );
}
