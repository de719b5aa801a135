import 'server-only';
import { randomUUID } from 'node:crypto';
import type { PrincipalAccess } from '@/lib/data/access';
import { AppError } from '@/lib/errors';
import type { AccountInput, CsmInput } from '@/lib/validation/entries';
import { ImportAudits, assertDistinctTargets, resolveReferences, rowError, type AuditView, type BulkResult, type BulkRow } from './bulk';
import { insertRows, selectExisting, updateRows, type Column } from './bulk-sql';
import { decimalText, isUuid, sameValues, type Tx } from './shared';

type Field = Column & { decimal?: boolean };
type Spec<I> = { table: string; action: string; fields: readonly Field[]; after: (input: I, csmId: string | null) => AuditView };

// Fields in the order of the per-row audit views (externalId first), so before/after read the same.
const ACCOUNT: Spec<AccountInput> = {
  table: 'Account', action: 'account',
  fields: [
    { name: 'externalId', type: 'text' }, { name: 'name', type: 'text' }, { name: 'segment', type: 'text' }, { name: 'csmId', type: 'uuid' },
    { name: 'startDate', type: 'date' }, { name: 'mrr', type: 'numeric', decimal: true }, { name: 'churnDate', type: 'date' },
  ],
  after: (input, csmId) => ({ name: input.name, segment: input.segment ?? null, csmId, startDate: input.startDate, mrr: decimalText(input.mrr), churnDate: input.churnDate ?? null }),
};
const CSM: Spec<CsmInput> = {
  table: 'Csm', action: 'csm',
  fields: [{ name: 'externalId', type: 'text' }, { name: 'name', type: 'text' }, { name: 'email', type: 'text' }, { name: 'startDate', type: 'date' }, { name: 'endDate', type: 'date' }],
  after: (input) => ({ name: input.name, email: input.email ?? null, startDate: input.startDate, endDate: input.endDate ?? null }),
};

type Input = { externalId?: string; csmId?: string; csmExternalId?: string };

/** Bulk create-or-update of accounts or CSMs, with the rules of upsertAccountTx / upsertCsmTx. */
async function importEntitiesTx<I extends Input>(tx: Tx, access: PrincipalAccess, spec: Spec<I>, rows: BulkRow<I>[], refersToCsm: boolean, audits?: ImportAudits): Promise<BulkResult> {
  const organizationId = access.organization.id;
  const table = { table: spec.table, columns: [{ name: 'id', type: 'uuid' }, ...spec.fields] };
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
  const csmIds = refersToCsm ? await resolveReferences(tx, organizationId, 'csm', rows.map((r) => ({ id: r.input.csmId, externalId: r.input.csmExternalId }))) : [];

  const inserts: (string | null)[][] = [];
  const updates: (string | null)[][] = [];
  const collector = audits ?? new ImportAudits();
  const audit = collector.for({ action: spec.action, entityType: spec.table, byMonth: false, columns: spec.fields.map((f) => ({ ...f, date: f.type === 'date' })) });
  const ids: string[] = [];
  let unchanged = 0;
  rows.forEach(({ input }, index) => {
    const existing = targets[index];
    const after: AuditView = { externalId: input.externalId ?? existing?.externalId ?? null, ...spec.after(input, csmIds[index] ?? null) };
    const id = existing?.id ?? randomUUID();
    ids.push(id);
    const row = [id, ...spec.fields.map((f) => after[f.name] ?? null)];
    if (!existing) {
      inserts.push(row);
      audit.created(id);
      return;
    }
    const before: AuditView = {};
    for (const f of spec.fields) before[f.name] = f.decimal ? decimalText(existing[f.name] ?? null) : (existing[f.name] ?? null);
    if (sameValues(before, after)) { unchanged += 1; return; }
    updates.push(row);
    audit.updated(id, before);
  });

  await insertRows(tx, table, organizationId, inserts);
  await updateRows(tx, table, organizationId, updates);
  if (!audits) await collector.write(tx, access);
  return { created: inserts.length, updated: updates.length, unchanged, ids };
}

export function importAccountsTx(tx: Tx, access: PrincipalAccess, rows: BulkRow<AccountInput>[], audits?: ImportAudits): Promise<BulkResult> {
  return importEntitiesTx(tx, access, ACCOUNT, rows, true, audits);
}

export function importCsmsTx(tx: Tx, access: PrincipalAccess, rows: BulkRow<CsmInput>[], audits?: ImportAudits): Promise<BulkResult> {
  return importEntitiesTx(tx, access, CSM, rows, false, audits);
}
