import { IMPORT_COLUMNS, type ImportKind } from '@/lib/import/kinds';
import { compactLabel } from '@/lib/import/normalize';

/** field key → index of the CSV column that feeds it (absent: not in the file). */
export type ColumnMapping = Record<string, number>;

function namesOf(kind: ImportKind): Map<string, string> {
  const names = new Map<string, string>();
  for (const column of IMPORT_COLUMNS[kind]) {
    // Exact names first (key, template headers), then aliases, so an alias never steals a header.
    for (const name of [column.key, ...column.headers]) if (!names.has(compactLabel(name))) names.set(compactLabel(name), column.key);
  }
  for (const column of IMPORT_COLUMNS[kind]) {
    for (const name of column.aliases ?? []) if (!names.has(compactLabel(name))) names.set(compactLabel(name), column.key);
  }
  return names;
}

/**
 * Matches a file's headers to a kind's fields, in English or French, ignoring case, accents,
 * punctuation and a trailing unit ("ARR perdu (€)"). Each field takes the first column that names it.
 */
export function matchHeaders(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const names = namesOf(kind);
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const compact = compactLabel(header);
    const withoutUnit = compactLabel(header.replace(/\((?:€|\$|£|eur|usd|gbp|days|jours)\)\s*$/i, ''));
    const key = names.get(compact) ?? names.get(withoutUnit);
    if (key && mapping[key] === undefined) mapping[key] = index;
  });
  return mapping;
}

/** Required fields the mapping leaves without a column. */
export function missingRequired(kind: ImportKind, mapping: ColumnMapping): string[] {
  return IMPORT_COLUMNS[kind].filter((c) => c.required && mapping[c.key] === undefined).map((c) => c.key);
}

/** Events need an account: by external id or by name. */
export function missingAccountColumn(kind: ImportKind, mapping: ColumnMapping): boolean {
  const needsAccount = kind === 'churn-events' || kind === 'saves' || kind === 'deals';
  return needsAccount && mapping.account === undefined && mapping.accountExternalId === undefined;
}
