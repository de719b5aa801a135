import 'server-only';
import type { Tx } from '@/lib/db';
import { selectExisting } from '@/lib/data/entries/bulk-sql';
import { decimalText, isUuid, monthDate } from '@/lib/data/entries/shared';
import { monthKey } from '@/lib/months';
import type { ImportKind } from '@/lib/import/kinds';

/** What a stored row holds, as comparable text, with what the import needs to know about it. */
export type Existing = { id: string; months: string[]; values: Record<string, string | null> };

const d = (v: { toString(): string } | null) => decimalText(v);
const BATCH = 5000;

type Stored = { table: string; compared: string[]; decimals: string[]; columns: string[] };
const stored = (table: string, compared: string[], decimals: string[] = []): Stored =>
  ({ table, compared, decimals, columns: ['id', 'externalId', ...(compared.includes('date') ? ['month'] : []), ...compared] });
const EVENT = ['accountId', 'csmId', 'date'];
/** The columns an import compares, per kind (months apart). */
const STORED: Record<Exclude<ImportKind, 'months'>, Stored> = {
  csms: stored('Csm', ['name', 'email', 'startDate', 'endDate']),
  accounts: stored('Account', ['name', 'segment', 'csmId', 'startDate', 'mrr', 'churnDate'], ['mrr']),
  'churn-events': stored('ChurnEvent', [...EVENT, 'kind', 'arrLost', 'reason'], ['arrLost']),
  saves: stored('Save', [...EVENT, 'arrSaved', 'playbook'], ['arrSaved']),
  deals: stored('ExpansionDeal', [...EVENT, 'type', 'arrAdded', 'attribution', 'attributionPct'], ['arrAdded', 'attributionPct']),
};

async function inBatches<T>(keys: string[], load: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += BATCH) out.push(...(await load(keys.slice(i, i + BATCH))));
  return out;
}

/** Months of the organisation that are closed, as 'YYYY-MM'. */
export async function closedMonths(tx: Tx, organizationId: string): Promise<Set<string>> {
  const rows = await tx.monthlyReport.findMany({ where: { organizationId, status: 'CLOSED' }, select: { month: true } });
  return new Set(rows.map((r) => monthKey(r.month)));
}

/**
 * The stored rows an import's rows would update, keyed like the import (month or external id; for
 * accounts and CSMs without one, our id, since those match by name).
 */
export async function loadExisting(tx: Tx, organizationId: string, kind: ImportKind, keys: string[]): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  if (keys.length === 0) return found;
  if (kind === 'months') {
    const rows = await inBatches(keys, (batch) => tx.monthlyReport.findMany({ where: { organizationId, month: { in: batch.map(monthDate) } } }));
    for (const r of rows) {
      found.set(monthKey(r.month), {
        id: r.id,
        months: [monthKey(r.month)],
        values: {
          csmFte: d(r.csmFte), loadedSalaries: d(r.loadedSalaries), toolsCost: d(r.toolsCost), trainingCost: d(r.trainingCost), otherDirectCost: d(r.otherDirectCost),
          indirectManagementCost: d(r.indirectManagementCost), indirectInfrastructureCost: d(r.indirectInfrastructureCost), indirectRecruitingCost: d(r.indirectRecruitingCost),
          startArr: d(r.startArr), newBusinessArr: d(r.newBusinessArr), startCustomers: String(r.startCustomers), managedClients: String(r.managedClients),
          avgHealthScore: d(r.avgHealthScore), timeToValueDays: d(r.timeToValueDays), featureAdoptionPct: d(r.featureAdoptionPct), notes: r.notes,
        },
      });
    }
    return found;
  }
  // Keys are external ids, or 'id:<our id>' for rows matched otherwise. Read as text with raw SQL:
  // a 100 000-row re-import would otherwise build as many Prisma rows with Decimals and Dates.
  const spec = STORED[kind];
  const ids = keys.filter((k) => k.startsWith('id:')).map((k) => k.slice(3)).filter(isUuid);
  const externalIds = keys.filter((k) => !k.startsWith('id:'));
  const wanted = new Set(externalIds);
  for (const r of await selectExisting(tx, { table: spec.table, columns: spec.columns.map((name) => ({ name, type: 'text' })) }, organizationId, ids, externalIds)) {
    const values: Record<string, string | null> = {};
    for (const name of spec.compared) values[name] = spec.decimals.includes(name) ? d(r[name] ?? null) : (r[name] ?? null);
    const existing: Existing = { id: r.id!, months: r.month ? [r.month.slice(0, 7)] : [], values };
    if (r.externalId && wanted.has(r.externalId)) found.set(r.externalId, existing);
    found.set(`id:${r.id}`, existing);
  }
  return found;
}
