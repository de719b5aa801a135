import { describe, expect, it } from 'vitest';
import { matchHeaders, missingAccountColumn, missingRequired } from '@/lib/import/headers';
import { IMPORT_COLUMNS, IMPORT_KINDS } from '@/lib/import/kinds';
import { duplicateLines, normalizeDate, normalizeMonth, normalizeNumber, recordToRow, type RawRow } from '@/lib/import/rows';
import { parseCsvText, templateCsv, toCsv } from '@/lib/import/csv';

describe('header matching', () => {
  it('matches French and English headers, ignoring case, accents and units', () => {
    const fr = matchHeaders('churn-events', ['Date', 'Nom du compte', 'ARR perdu (€)', 'Nature', 'Motif']);
    expect(fr).toEqual({ date: 0, account: 1, arrLost: 2, kind: 3, reason: 4 });
    const en = matchHeaders('churn-events', ['account name', 'DATE', 'arr lost', 'Kind']);
    expect(en).toEqual({ account: 0, date: 1, arrLost: 2, kind: 3 });
    expect(matchHeaders('months', ['Mois', 'Salaires chargés', 'loadedSalaries'])).toEqual({ month: 0, loadedSalaries: 1 });
    expect(matchHeaders('months', ['Month', 'Coût indirect d’infrastructure'])).toEqual({ month: 0, indirectInfrastructureCost: 1 });
  });

  it('reports required fields without a column, and events without an account column', () => {
    const mapping = matchHeaders('deals', ['Date', 'Type', 'ARR added']);
    expect(missingRequired('deals', mapping)).toEqual(['attribution']);
    expect(missingAccountColumn('deals', mapping)).toBe(true);
    expect(missingAccountColumn('deals', { ...mapping, accountExternalId: 5 })).toBe(false);
  });

  it('reads back every template header of every kind, in both languages', () => {
    for (const kind of IMPORT_KINDS) {
      for (const language of [0, 1] as const) {
        const headers = IMPORT_COLUMNS[kind].map((c) => c.headers[language]);
        const mapping = matchHeaders(kind, headers);
        expect(Object.keys(mapping).sort(), `${kind} ${language}`).toEqual(IMPORT_COLUMNS[kind].map((c) => c.key).sort());
      }
    }
  });
});

describe('cell normalisation', () => {
  it('reads European and ISO dates and months', () => {
    expect(normalizeDate('15/03/2026')).toBe('2026-03-15');
    expect(normalizeDate('2026-3-5')).toBe('2026-03-05');
    expect(normalizeDate('2026-03-15T10:00:00Z')).toBe('2026-03-15');
    expect(normalizeDate('March 3rd')).toBe('March 3rd');
    expect(normalizeMonth('03/2026')).toBe('2026-03');
    expect(normalizeMonth('2026-03-01')).toBe('2026-03');
    expect(normalizeMonth('01/03/2026')).toBe('2026-03');
  });

  it('strips currency and percent signs but leaves the number for the shared schema', () => {
    expect(normalizeNumber('12 000,50 €')).toBe('12 000,50');
    expect(normalizeNumber('$1,200.50')).toBe('1,200.50');
    expect(normalizeNumber('45 %')).toBe('45');
  });

  it('maps a record to fields, blank cells as empty and absent columns left out, reading enum spellings', () => {
    const mapping = matchHeaders('deals', ['ID externe', 'Nom du compte', 'Date', 'Type', 'ARR ajouté', 'Attribution', 'Part attribuée %']);
    const row = recordToRow('deals', mapping, ['d-1', 'Acme', '10/03/2026', 'Cross-sell', '1 234,56', 'Influencé CS', ' '], 2);
    // A blank cell clears an optional field; a column absent from the file (CSM here) leaves it as stored.
    expect(row).toEqual({ line: 2, values: { externalId: 'd-1', account: 'Acme', date: '2026-03-10', type: 'CROSS_SELL', arrAdded: '1 234,56', attribution: 'CS_INFLUENCED', attributionPct: '' } });
    expect('csm' in row.values).toBe(false);
  });
});

describe('duplicates in a file', () => {
  it('flags a repeated month, external id, or identical event', () => {
    const rows = [
      { line: 2, values: { month: '2026-01' } },
      { line: 3, values: { month: '2026-02' } },
      { line: 4, values: { month: '2026-01' } },
    ];
    expect([...duplicateLines('months', rows)]).toEqual([[4, 2]]);
    const events: RawRow[] = [
      { line: 2, values: { account: 'A', date: '2026-01-01', arrLost: '10' } },
      { line: 3, values: { arrLost: '10', date: '2026-01-01', account: 'A' } },
      { line: 4, values: { externalId: 'x', account: 'A' } },
      { line: 5, values: { externalId: 'x', account: 'B' } },
    ];
    expect([...duplicateLines('churn-events', events)]).toEqual([[3, 2], [5, 4]]);
    const accounts: RawRow[] = [
      { line: 2, values: { name: 'Acme SA', mrr: '10' } },
      { line: 3, values: { name: 'ACME  sa', mrr: '20' } },
      { line: 4, values: { name: 'Acme SA', externalId: 'a-1' } },
    ];
    expect([...duplicateLines('accounts', accounts)]).toEqual([[3, 2]]);
  });
});

describe('CSV text', () => {
  it('parses semicolon files with French decimals and comma files with quotes', () => {
    const semicolon = parseCsvText('Mois;Salaires chargés\n2026-01;30 000,50\n');
    expect(semicolon.headers).toEqual(['Mois', 'Salaires chargés']);
    expect(semicolon.records).toEqual([['2026-01', '30 000,50']]);
    const comma = parseCsvText('Month,Loaded salaries\r\n2026-01,"30,000.50"\r\n\r\n');
    expect(comma.records).toEqual([['2026-01', '30,000.50']]);
  });

  it('writes templates and exports that the import reads back', () => {
    const template = templateCsv('accounts', 'fr');
    const parsed = parseCsvText(template);
    expect(parsed.headers[1]).toBe('Nom du compte');
    expect(Object.keys(matchHeaders('accounts', parsed.headers))).toContain('mrr');
    expect(toCsv(['a', 'b'], [['x;y', 'he said "hi"']], ';')).toBe('a;b\r\n"x;y";"he said ""hi"""\r\n');
  });
});
