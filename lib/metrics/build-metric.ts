import type Decimal from 'decimal.js';
import type { ExplanationInput, Localised, Metric, ValueKind } from './types';

type MetricSpec = {
  key: string;
  label: Localised;
  kind: ValueKind;
  formula: Localised;
  inputs: ExplanationInput[];
} & (
  | { value: Decimal; note?: Localised }
  // The type forces every undefined value to say why, in both languages.
  | { value: null; note: Localised }
);

/**
 * The single place a Metric is made, so the "never NaN, never Infinity" promise is checked at
 * runtime too: a non-finite value here is a bug in a formula, and it must fail loudly rather than
 * reach a board report.
 */
export function buildMetric(spec: MetricSpec): Metric {
  if (spec.value !== null && !spec.value.isFinite()) {
    throw new RangeError(`Metric ${spec.key} is not finite: ${spec.value.toString()}`);
  }
  const explanation =
    spec.note === undefined
      ? { formula: spec.formula, inputs: spec.inputs }
      : { formula: spec.formula, inputs: spec.inputs, note: spec.note };
  return { key: spec.key, label: spec.label, value: spec.value, kind: spec.kind, explanation };
}

export function metricInput(
  label: Localised,
  value: Decimal | number | null,
  kind: ValueKind,
  source: Localised,
): ExplanationInput {
  return { label, value, kind, source };
}

/** A metric used as the input of another: its label and value, computed by Tenure. */
export function inputFromMetric(metric: Metric, source: Localised): ExplanationInput {
  return { label: metric.label, value: metric.value, kind: metric.kind, source };
}

/** Adds a sentence to a metric's note, keeping what was already said. */
export function withNote(metric: Metric, note: Localised): Metric {
  const previous = metric.explanation.note;
  const merged =
    previous === undefined ? note : { en: `${previous.en} ${note.en}`, fr: `${previous.fr} ${note.fr}` };
  return { ...metric, explanation: { ...metric.explanation, note: merged } };
}
