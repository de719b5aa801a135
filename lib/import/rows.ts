import { IMPORT_COLUMNS, matchKeyOf, type ImportColumn, type ImportKind } from '@/lib/import/kinds';
import type { ColumnMapping } from '@/lib/import/headers';
import { normalizeLabel } from '@/lib/import/normalize';

/** One CSV line as field → text, before validation. `line` is the 1-based line in the file. */
export type RawRow = { line: number; values: Record<string, string> };

/** 15/03/2026, 15.03.2026, 2026-03-15, 2026/03/15, 2026-03-15T00:00:00Z → 2026-03-15 (day first, as in Europe). */
export function normalizeDate(text: string): string {
  const value = text.trim();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(value);
  if (match) return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) return `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return value;
}

/** 2026-03, 2026/3, 03/2026, 2026-03-01 → 2026-03. */
export function normalizeMonth(text: string): string {
  const value = text.trim();
  let match = /^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?$/.exec(value);
  if (match) return `${match[1]}-${match[2]!.padStart(2, '0')}`;
  match = /^(\d{1,2})[-/.](\d{4})$/.exec(value);
  if (match) return `${match[2]}-${match[1]!.padStart(2, '0')}`;
  match = /^\d{1,2}[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  if (match) return `${match[2]}-${match[1]!.padStart(2, '0')}`;
  return value;
}

/** "12 000 €", "45 %", "$1,200.50" → the number as typed, without currency or percent signs. */
export function normalizeNumber(text: string): string {
  return text.trim().replace(/^[€$£]\s*/, '').replace(/\s*(?:€|\$|£|%|EUR|USD|GBP)$/i, '').trim();
}

/** A spelling of an enum value → its stored value; unknown spellings are left for zod to reject. */
export function normalizeEnum(column: ImportColumn, text: string): string {
  const key = normalizeLabel(text);
  for (const [spelling, value] of Object.entries(column.values ?? {})) if (normalizeLabel(spelling) === key) return value;
  return text.trim();
}

export function normalizeCell(column: ImportColumn, text: string): string {
  switch (column.type) {
    case 'date': return normalizeDate(text);
    case 'month': return normalizeMonth(text);
    case 'decimal':
    case 'integer': return normalizeNumber(text);
    case 'enum': return normalizeEnum(column, text);
    default: return text.trim();
  }
}

/**
 * A CSV record → the fields the mapping names, normalised. A blank cell is '' (the file says
 * "empty": an optional field is cleared); a field whose column is not in the file is left out (the
 * file says nothing: an existing row keeps its value — see planImport).
 */
export function recordToRow(kind: ImportKind, mapping: ColumnMapping, record: readonly string[], line: number): RawRow {
  const values: Record<string, string> = {};
  for (const column of IMPORT_COLUMNS[kind]) {
    const index = mapping[column.key];
    if (index === undefined) continue;
    const cell = record[index];
    values[column.key] = cell === undefined || cell.trim() === '' ? '' : normalizeCell(column, cell);
  }
  return { line, values };
}

/** A record made of blank cells only (spreadsheets leave those at the end). */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

/**
 * The filled fields of a row in a stable order: two rows with the same content have the same text
 * (blank cells do not count, so the text is the same whether a blank column is in the file or not).
 */
export function rowContent(row: RawRow): string {
  return JSON.stringify(Object.keys(row.values).filter((k) => row.values[k] !== '').sort().map((k) => [k, row.values[k]]));
}

/**
 * What identifies a row across imports: its month, its external id, the name of an account or CSM,
 * or (events without an external id) its whole content, so re-importing a file matches the same rows.
 */
export function rowIdentity(kind: ImportKind, row: RawRow): string | null {
  const key = matchKeyOf(kind);
  const value = row.values[key];
  if (value) return `${key}:${value}`;
  if (kind === 'months') return null;
  // Accounts and CSMs without an external id are matched by name, so a name may appear once.
  if ((kind === 'accounts' || kind === 'csms') && row.values.name) return `name:${normalizeLabel(row.values.name)}`;
  return `content:${rowContent(row)}`;
}

/**
 * Rows that repeat an earlier row's identity (same month, same external id, or same content):
 * line → the line it repeats. Importing both would save one over the other, so they are refused.
 */
export function duplicateLines(kind: ImportKind, rows: readonly RawRow[]): Map<number, number> {
  const seen = new Map<string, number>();
  const duplicates = new Map<number, number>();
  for (const row of rows) {
    const identity = rowIdentity(kind, row);
    if (identity === null) continue;
    const first = seen.get(identity);
    if (first === undefined) seen.set(identity, row.line);
    else duplicates.set(row.line, first);
  }
  return duplicates;
}
