import 'server-only';
import type { Tx } from '@/lib/db';
import { dayKey, decimalText, monthDate } from '@/lib/data/entries/shared';
import { monthKey } from '@/lib/months';
import type { ImportKind } from '@/lib/import/kinds';

/** What a stored row holds, as comparable text, with what the import needs to know about it. */
export type Existing = { id: string; months: string[]; values: Record<string, string | null> };

const d = (v: { toString(): string } | null) => decimalText(v);
const BATCH = 5000;

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
  // Keys are external ids, or 'id:<our id>' for rows matched otherwise; each batch asks for both.
  const wanted = new Set(keys.filter((k) => !k.startsWith('id:')));
  const where = (batch: string[]) => {
    const ids = batch.filter((k) => k.startsWith('id:')).map((k) => k.slice(3));
    const externalIds = batch.filter((k) => !k.startsWith('id:'));
    return { organizationId, OR: [...(externalIds.length > 0 ? [{ externalId: { in: externalIds } }] : []), ...(ids.length > 0 ? [{ id: { in: ids } }] : [])] };
  };
  const put = (r: { id: string; externalId: string | null }, existing: Omit<Existing, 'id'>) => {
    if (r.externalId && wanted.has(r.externalId)) found.set(r.externalId, { id: r.id, ...existing });
    found.set(`id:${r.id}`, { id: r.id, ...existing });
  };
  const batches = keys;
  switch (kind) {
    case 'csms':
      for (const r of await inBatches(batches, (b) => tx.csm.findMany({ where: where(b) }))) {
        put(r, { months: [], values: { name: r.name, email: r.email, startDate: dayKey(r.startDate), endDate: r.endDate ? dayKey(r.endDate) : null } });
      }
      break;
    case 'accounts':
      for (const r of await inBatches(batches, (b) => tx.account.findMany({ where: where(b) }))) {
        put(r, { months: [], values: { name: r.name, segment: r.segment, csmId: r.csmId, startDate: dayKey(r.startDate), mrr: d(r.mrr), churnDate: r.churnDate ? dayKey(r.churnDate) : null } });
      }
      break;
    case 'churn-events':
      for (const r of await inBatches(batches, (b) => tx.churnEvent.findMany({ where: where(b) }))) {
        put(r, { months: [monthKey(r.month)], values: { accountId: r.accountId, csmId: r.csmId, date: dayKey(r.date), kind: r.kind, arrLost: d(r.arrLost), reason: r.reason } });
      }
      break;
    case 'saves':
      for (const r of await inBatches(batches, (b) => tx.save.findMany({ where: where(b) }))) {
        put(r, { months: [monthKey(r.month)], values: { accountId: r.accountId, csmId: r.csmId, date: dayKey(r.date), arrSaved: d(r.arrSaved), playbook: r.playbook } });
      }
      break;
    case 'deals':
      for (const r of await inBatches(batches, (b) => tx.expansionDeal.findMany({ where: where(b) }))) {
        put(r, { months: [monthKey(r.month)], values: { accountId: r.accountId, csmId: r.csmId, date: dayKey(r.date), type: r.type, arrAdded: d(r.arrAdded), attribution: r.attribution, attributionPct: d(r.attributionPct) } });
      }
      break;
  }
  return found;
}
