import { z } from 'zod';

// Text people type (names, labels, notes, reasons) is shown on pages, in exports and in the board
// PDF, and stored in PostgreSQL, which cannot hold NUL at all. Control characters have no place in
// it: C0 (U+0000–U+001F) and DEL are refused, except tab and line breaks in multi-line text. An
// unpaired UTF-16 surrogate is not text either (only JSON can carry one). Messages are i18n keys
// under "validation.".

const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text holds a character a person cannot have meant to type. */
export function hasControlCharacters(text: string, multiLine = false): boolean {
  return (multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text) || LONE_SURROGATE.test(text);
}

type TextOptions = { max: number; min?: number; multiLine?: boolean };

/**
 * A trimmed text field: required (at least `min` characters, 1 by default, 0 for an optional text
 * that may be empty), at most `max`, and without control characters.
 */
export function plainText({ max, min = 1, multiLine = false }: TextOptions) {
  const base = z.string({ error: 'required' }).refine((value) => !hasControlCharacters(value, multiLine), { error: 'controlCharacters', abort: true }).trim();
  return (min > 0 ? base.min(min, { error: 'required' }) : base).max(max, { error: 'tooLong' });
}

/** One line: names, labels, reasons typed in an input. */
export const singleLineText = (max: number, min = 1) => plainText({ max, min });

/** Several lines: tab and line breaks allowed (a month's notes, a reopening reason). */
export const multiLineText = (max: number, min = 1) => plainText({ max, min, multiLine: true });
