import Papa from 'papaparse';
import { matchHeaders, type ColumnMapping } from '@/lib/import/headers';
import { IMPORT_COLUMNS, type ImportKind } from '@/lib/import/kinds';
import { isBlankRecord, recordToRow, type RawRow } from '@/lib/import/rows';

export type CsvLanguage = 'en' | 'fr';
export type ParsedCsv = { headers: string[]; records: string[][]; delimiter: string };

/** The separator of a file, from its header line: French spreadsheets write ';', others ','. */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** A whole CSV text (pasted, or a small file) → headers and records; blank lines are dropped. */
export function parseCsvText(text: string): ParsedCsv {
  const delimiter = detectDelimiter(text);
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: 'greedy' });
  const [headers = [], ...records] = result.data;
  return { headers: headers.map((h) => h.trim()), records, delimiter };
}

/**
 * A whole CSV text → the import's rows, mapped record by record as the parser reads them (headers
 * matched automatically), so the file's records are never all held at once beside the rows.
 * Lines are numbered as the import screen numbers them: the header is 1, blank records are skipped.
 */
export function parseCsvRows(text: string, kind: ImportKind): { headers: string[]; mapping: ColumnMapping; rows: RawRow[] } {
  let headers: string[] | undefined;
  let mapping: ColumnMapping = {};
  const rows: RawRow[] = [];
  let line = 1;
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    delimiter: detectDelimiter(text),
    skipEmptyLines: 'greedy',
    step: ({ data }) => {
      if (!headers) {
        headers = data.map((h) => h.trim());
        mapping = matchHeaders(kind, headers);
        return;
      }
      if (isBlankRecord(data)) return;
      line += 1;
      rows.push(recordToRow(kind, mapping, data, line));
    },
  });
  return { headers: headers ?? [], mapping, rows };
}

/** Rows → CSV text with CRLF line ends (what spreadsheets expect), quoting where needed. */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | null | undefined)[])[], delimiter = ','): string {
  return `${Papa.unparse({ fields: [...headers], data: rows.map((r) => r.map((v) => v ?? '')) }, { delimiter, newline: '\r\n', quotes: false })}\r\n`;
}

export function delimiterFor(language: CsvLanguage): string {
  return language === 'fr' ? ';' : ',';
}

export function headersFor(kind: ImportKind, language: CsvLanguage): string[] {
  return IMPORT_COLUMNS[kind].map((c) => c.headers[language === 'fr' ? 1 : 0]);
}

/** A template: the headers the import reads, in the user's language, and one example row. */
export function templateCsv(kind: ImportKind, language: CsvLanguage): string {
  const example = IMPORT_COLUMNS[kind].map((c) => (language === 'fr' && c.type === 'decimal' ? c.example.replace('.', ',') : c.example));
  return `\uFEFF${toCsv(headersFor(kind, language), [example], delimiterFor(language))}`;
}
