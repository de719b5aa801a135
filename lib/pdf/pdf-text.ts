/**
 * What the embedded Inter subsets cannot draw, replaced by what they can. Intl writes French
 * thousands and "80 %" with a narrow no-break space (U+202F), which Inter's web subsets lack; a
 * plain no-break space keeps the figure on one line.
 */
const REPLACEMENTS: [RegExp, string][] = [
  [/\u202F/g, '\u00A0'],
  [/≥/g, '>='],
  [/≤/g, '<='],
  [/→/g, '->'],
  [/≈/g, '~'],
];

export function pdfText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of REPLACEMENTS) result = result.replace(pattern, replacement);
  return result;
}
