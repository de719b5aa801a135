import 'server-only';
import { db } from '@/lib/db';
import { principalAccess, type Principal } from '@/lib/data/access';
import { listAccountsPage } from '@/lib/data/entries/accounts';
import { listChurnEventsPage } from '@/lib/data/entries/churn-events';
import { listCsmsPage } from '@/lib/data/entries/csms';
import { listDealsPage } from '@/lib/data/entries/deals';
import { listMonthsPage } from '@/lib/data/entries/months';
import { listSavesPage } from '@/lib/data/entries/saves';
import type { Page, PageOptions } from '@/lib/data/entries/shared';
import { delimiterFor, headersFor, toCsv, type CsvLanguage } from '@/lib/import/csv';
import { IMPORT_COLUMNS, type ImportKind } from '@/lib/import/kinds';

type Row = Record<string, unknown>;
const LISTS: Record<ImportKind, (principal: Principal, slug: string, options: PageOptions) => Promise<Page<Row>>> = {
  months: listMonthsPage, csms: listCsmsPage, accounts: listAccountsPage, 'churn-events': listChurnEventsPage, saves: listSavesPage, deals: listDealsPage,
};

async function allRows(principal: Principal, slug: string, kind: ImportKind): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  do {
    const page = await LISTS[kind](principal, slug, { cursor, limit: 500 });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/**
 * A list as CSV, in the import's own format (same headers, same order), so an export edited in a
 * spreadsheet can be imported back. French files use ';' and decimal commas.
 */
export async function exportCsv(principal: Principal, slug: string, kind: ImportKind, language: CsvLanguage): Promise<string> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const rows = await allRows(principal, slug, kind);
  const [accounts, csms] = await Promise.all([
    db().account.findMany({ where: { organizationId: organization.id, externalId: { not: null } }, select: { id: true, externalId: true } }),
    db().csm.findMany({ where: { organizationId: organization.id, externalId: { not: null } }, select: { id: true, externalId: true } }),
  ]);
  const accountExternal = new Map(accounts.map((a) => [a.id, a.externalId]));
  const csmExternal = new Map(csms.map((c) => [c.id, c.externalId]));
  const columns = IMPORT_COLUMNS[kind];
  const cell = (row: Row, key: string, type: string): string => {
    const value = (() => {
      switch (key) {
        case 'account': return row.accountName;
        case 'accountExternalId': return accountExternal.get(String(row.accountId));
        case 'csm': return row.csmName;
        case 'csmExternalId': return row.csmId ? csmExternal.get(String(row.csmId)) : null;
        // Rows without an external id carry ours, so the file imports back onto the same rows.
        case 'externalId': return row.externalId ?? row.id;
        default: return row[key];
      }
    })();
    if (value === null || value === undefined) return '';
    const text = String(value);
    return language === 'fr' && type === 'decimal' ? text.replace('.', ',') : text;
  };
  const ordered = kind === 'months' ? [...rows].reverse() : rows;
  return `\uFEFF${toCsv(headersFor(kind, language), ordered.map((row) => columns.map((c) => cell(row, c.key, c.type))), delimiterFor(language))}`;
}
