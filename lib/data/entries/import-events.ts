import 'server-only';
import { randomUUID } from 'node:crypto';
import type { PrincipalAccess } from '@/lib/data/access';
import { AppError } from '@/lib/errors';
import { dealAttributionPct, type ChurnEventInput, type DealInput, type SaveInput } from '@/lib/validation/entries';
import { BULK_BATCH, ImportAudits, assertDistinctTargets, assertMonthsOpen, closedMonthKeys, resolveReferences, rowError, type AuditView, type BulkResult, type BulkRow } from './bulk';
import { insertRows, selectExisting, updateRows, type Column, type TableSpec } from './bulk-sql';
import { decimalText, isUuid, sameValues, type Tx } from './shared';

type EventInput = { externalId?: string; accountId?: string; accountExternalId?: string; csmId?: string; csmExternalId?: string; date: string };
type Field = Column & { decimal?: boolean };
type EventSpec<I> = { table: string; action: string; fields: readonly Field[]; usesDefaultPct?: boolean; values: (input: I, defaultPct: string) => AuditView };

const COMMON: readonly Column[] = [
  { name: 'id', type: 'uuid' }, { name: 'externalId', type: 'text' }, { name: 'accountId', type: 'uuid' }, { name: 'csmId', type: 'uuid' },
  { name: 'date', type: 'date' }, { name: 'month', type: 'date' },
];

const CHURN: EventSpec<ChurnEventInput> = {
  table: 'ChurnEvent', action: 'churnEvent',
  fields: [{ name: 'kind', type: '"ChurnKind"' }, { name: 'arrLost', type: 'numeric', decimal: true }, { name: 'reason', type: 'text' }],
  values: (input) => ({ kind: input.kind, arrLost: decimalText(input.arrLost), reason: input.reason ?? null }),
};
const SAVE: EventSpec<SaveInput> = {
  table: 'Save', action: 'save',
  fields: [{ name: 'arrSaved', type: 'numeric', decimal: true }, { name: 'playbook', type: 'text' }],
  values: (input) => ({ arrSaved: decimalText(input.arrSaved), playbook: input.playbook ?? null }),
};
const DEAL: EventSpec<DealInput> = {
  table: 'ExpansionDeal', action: 'deal', usesDefaultPct: true,
  fields: [{ name: 'type', type: '"DealType"' }, { name: 'arrAdded', type: 'numeric', decimal: true }, { name: 'attribution', type: '"Attribution"' }, { name: 'attributionPct', type: 'numeric', decimal: true }],
  values: (input, defaultPct) => ({ type: input.type, arrAdded: decimalText(input.arrAdded), attribution: input.attribution, attributionPct: decimalText(dealAttributionPct(input, defaultPct)) }),
};

/** The organisation's default share for CS-influenced deals (method settings). */
async function defaultInfluencedPct(tx: Tx, organizationId: string): Promise<string> {
  const settings = await tx.methodSettings.findUnique({ where: { organizationId }, select: { influencedAttributionPct: true } });
  return settings ? settings.influencedAttributionPct.toString() : '50';
}

/**
 * Creates or updates many events of one kind with a handful of statements, with the rules of the
 * per-row upserts: a row targets our id (NOT_FOUND when not the organisation's), else its external
 * id; accounts and CSMs must be the organisation's; closed months are refused; unchanged rows are
 * not written nor audited. Any refusal throws before anything is written, naming the row's index.
 */
async function importEventsTx<I extends EventInput>(tx: Tx, access: PrincipalAccess, spec: EventSpec<I>, rows: BulkRow<I>[], audits?: ImportAudits): Promise<BulkResult> {
  const organizationId = access.organization.id;
  const table: TableSpec = { table: spec.table, columns: [...COMMON, ...spec.fields] };
  rows.forEach((r, index) => { if (r.id && !isUuid(r.id)) throw rowError(new AppError('NOT_FOUND'), index); });
  const stored = await selectExisting(tx, table, organizationId, rows.flatMap((r) => (r.id ? [r.id] : [])), rows.flatMap((r) => (!r.id && r.input.externalId ? [r.input.externalId] : [])));
  const byId = new Map(stored.map((s) => [s.id!, s]));
  const byExternalId = new Map(stored.flatMap((s) => (s.externalId ? [[s.externalId, s] as const] : [])));
  const targets = rows.map((r, index) => {
    if (!r.id) return r.input.externalId ? (byExternalId.get(r.input.externalId) ?? null) : null;
    const found = byId.get(r.id.toLowerCase());
    if (!found) throw rowError(new AppError('NOT_FOUND'), index);
    return found;
  });
  assertDistinctTargets(targets.map((t, i) => t?.id ?? (rows[i]!.input.externalId ? `external:${rows[i]!.input.externalId}` : null)));
  const accountIds = await resolveReferences(tx, organizationId, 'account', rows.map((r) => ({ id: r.input.accountId, externalId: r.input.accountExternalId })));
  const csmIds = await resolveReferences(tx, organizationId, 'csm', rows.map((r) => ({ id: r.input.csmId, externalId: r.input.csmExternalId })));
  const closed = await closedMonthKeys(tx, organizationId);
  const defaultPct = spec.usesDefaultPct ? await defaultInfluencedPct(tx, organizationId) : '50';

  rows.forEach(({ input }, index) => assertMonthsOpen(closed, [targets[index]?.month?.slice(0, 7), input.date.slice(0, 7)], index));

  const result: BulkResult = { created: 0, updated: 0, unchanged: 0, ids: [] };
  const collector = audits ?? new ImportAudits();
  const audit = collector.for({ action: spec.action, entityType: spec.table, byMonth: true, columns: [{ name: 'externalId' }, { name: 'accountId' }, { name: 'csmId' }, { name: 'date', date: true }, ...spec.fields] });
  // Built and written a batch at a time, so a large import never holds all its statements' arrays.
  for (let start = 0; start < rows.length; start += BULK_BATCH) {
    const inserts: (string | null)[][] = [];
    const updates: (string | null)[][] = [];
    for (let index = start; index < Math.min(start + BULK_BATCH, rows.length); index += 1) {
      const input = rows[index]!.input;
      const existing = targets[index];
      const month = `${input.date.slice(0, 7)}-01`;
      const after: AuditView = { externalId: input.externalId ?? existing?.externalId ?? null, accountId: accountIds[index]!, csmId: csmIds[index] ?? null, date: input.date, ...spec.values(input, defaultPct) };
      const id = existing?.id ?? randomUUID();
      result.ids.push(id);
      const row = [id, after.externalId!, after.accountId!, after.csmId!, input.date, month, ...spec.fields.map((f) => after[f.name] ?? null)];
      if (!existing) {
        inserts.push(row);
        audit.created(id);
        continue;
      }
      const before: AuditView = { externalId: existing.externalId ?? null, accountId: existing.accountId ?? null, csmId: existing.csmId ?? null, date: existing.date ?? null };
      for (const f of spec.fields) before[f.name] = f.decimal ? decimalText(existing[f.name] ?? null) : (existing[f.name] ?? null);
      if (sameValues(before, after)) { result.unchanged += 1; continue; }
      updates.push(row);
      audit.updated(id, before);
    }
    await insertRows(tx, table, organizationId, inserts);
    await updateRows(tx, table, organizationId, updates);
    result.created += inserts.length;
    result.updated += updates.length;
  }
  // A caller that passes its own collector writes it once, after its last call.
  if (!audits) await collector.write(tx, access);
  return result;
}

export function importChurnEventsTx(tx: Tx, access: PrincipalAccess, rows: BulkRow<ChurnEventInput>[], audits?: ImportAudits): Promise<BulkResult> {
  return importEventsTx(tx, access, CHURN, rows, audits);
}

export function importSavesTx(tx: Tx, access: PrincipalAccess, rows: BulkRow<SaveInput>[], audits?: ImportAudits): Promise<BulkResult> {
  return importEventsTx(tx, access, SAVE, rows, audits);
}

export function importDealsTx(tx: Tx, access: PrincipalAccess, rows: BulkRow<DealInput>[], audits?: ImportAudits): Promise<BulkResult> {
  return importEventsTx(tx, access, DEAL, rows, audits);
}
