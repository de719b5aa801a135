import 'server-only';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Tx } from '@/lib/db';
import type { PrincipalAccess } from '@/lib/data/access';
import { decimalText, isUuid } from '@/lib/data/entries/shared';
import { accountInputSchema, churnEventInputSchema, csmInputSchema, dealAttributionPct, dealInputSchema, monthInputSchema, MONTH_FIGURE_FIELDS, saveInputSchema } from '@/lib/validation/entries';
import { closedMonths, loadExisting, type Existing } from '@/lib/import/existing';
import type { ImportKind } from '@/lib/import/kinds';
import { accountLookups, csmLookups, Lookups } from '@/lib/import/lookups';
import { duplicateLines, rowContent, type RawRow } from '@/lib/import/rows';

/** A reason a row cannot be imported: a validation key (shown translated) on a field. */
export type RowError = { field: string; message: string; line?: number };
export type RowAction = 'create' | 'update' | 'unchanged';
export type PlannedRow = {
  line: number;
  action: RowAction | null;
  /** The row as it will be saved (canonical values, names of what it refers to). */
  values: Record<string, string>;
  errors: RowError[];
  /** For the commit: the validated input, and our id for accounts and CSMs matched by name. */
  input?: Record<string, unknown>;
  targetId?: string;
};
export type ImportPlan = { kind: ImportKind; rows: PlannedRow[]; counts: { total: number; invalid: number; create: number; update: number; unchanged: number } };

const SCHEMAS: Record<ImportKind, z.ZodType> = {
  months: monthInputSchema, csms: csmInputSchema, accounts: accountInputSchema,
  'churn-events': churnEventInputSchema, saves: saveInputSchema, deals: dealInputSchema,
};

/** Events without an external id get one from their content, so the same file re-imports onto itself. */
export function derivedExternalId(kind: ImportKind, row: RawRow): string {
  return `csv-${createHash('sha256').update(`${kind}\n${rowContent(row)}`).digest('hex').slice(0, 24)}`;
}

/** What a plan checks rows against: the organisation's accounts, CSMs, closed months and settings. */
export type PlanContext = { accounts: Lookups; csms: Lookups; closed: Set<string>; defaultPct: string };
/**
 * `forCommit`: the plan only feeds the writes, so valid rows do not carry the preview's values.
 * `context` and `duplicates`: loaded once for a whole file that is planned a chunk at a time.
 */
export type PlanOptions = { forCommit?: boolean; context?: PlanContext; duplicates?: Map<number, number> };
const NO_VALUES: Record<string, string> = Object.freeze({}) as Record<string, string>;

type Ref = { lookup: 'csms' | 'accounts'; idField: string; externalField: string; nameField: string; unknown: string; ambiguous: string; shownAs: string };
const CSM_REF: Ref = { lookup: 'csms', idField: 'csmId', externalField: 'csmExternalId', nameField: 'csm', unknown: 'unknownCsm', ambiguous: 'ambiguousCsm', shownAs: 'csm' };
const ACCOUNT_REF: Ref = { lookup: 'accounts', idField: 'accountId', externalField: 'accountExternalId', nameField: 'account', unknown: 'unknownAccount', ambiguous: 'ambiguousAccount', shownAs: 'account' };
const REFS: Record<ImportKind, readonly Ref[]> = {
  months: [CSM_REF], csms: [CSM_REF], accounts: [CSM_REF], 'churn-events': [CSM_REF, ACCOUNT_REF], saves: [CSM_REF, ACCOUNT_REF], deals: [CSM_REF, ACCOUNT_REF],
};

function resolveRefs(values: Record<string, string>, kind: ImportKind, context: PlanContext, input: Record<string, unknown>, shown: Record<string, string>, errors: RowError[]) {
  for (const ref of REFS[kind]) {
    const external = values[ref.externalField];
    const name = values[ref.nameField];
    if (!external && !name) continue;
    const lookup = context[ref.lookup];
    const resolved = external ? lookup.external(external) : lookup.named(name!);
    delete input[ref.externalField];
    delete input[ref.nameField];
    if (resolved === 'unknown' || resolved === 'ambiguous') {
      errors.push({ field: external ? ref.externalField : ref.nameField, message: resolved === 'unknown' ? ref.unknown : ref.ambiguous });
      continue;
    }
    input[ref.idField] = resolved.id;
    shown[ref.shownAs] = resolved.name;
  }
}

const CSM_SOURCES = ['csmId', 'csm', 'csmExternalId'] as const;
/** Optional fields a file may leave out, and the row fields that would set each. */
const KEPT_FIELDS: Record<ImportKind, Record<string, readonly string[]>> = {
  months: { avgHealthScore: ['avgHealthScore'], timeToValueDays: ['timeToValueDays'], featureAdoptionPct: ['featureAdoptionPct'], notes: ['notes'] },
  csms: { email: ['email'], endDate: ['endDate'] },
  accounts: { segment: ['segment'], csmId: CSM_SOURCES, churnDate: ['churnDate'] },
  'churn-events': { csmId: CSM_SOURCES, reason: ['reason'] },
  saves: { csmId: CSM_SOURCES, playbook: ['playbook'] },
  deals: { csmId: CSM_SOURCES, attributionPct: ['attributionPct'] },
};

/**
 * A row updating a stored one keeps the stored value of each optional field whose column is not in
 * the file (an accounts file without a CSM column does not unassign every CSM); a blank cell of a
 * column that is there still clears it. A deal keeps its share only while it stays CS-influenced.
 */
function keepAbsentFields(kind: ImportKind, row: RawRow, data: Record<string, unknown>, stored: Existing): void {
  for (const [field, sources] of Object.entries(KEPT_FIELDS[kind])) {
    if (data[field] !== undefined || sources.some((source) => source in row.values)) continue;
    const value = stored.values[field];
    if (value === null || value === undefined) continue;
    if (field === 'attributionPct' && (data.attribution !== 'CS_INFLUENCED' || stored.values.attribution !== 'CS_INFLUENCED')) continue;
    data[field] = value;
  }
}

/** The values an upsert would store, as text, to tell an unchanged row from an update. */
function comparable(kind: ImportKind, input: Record<string, unknown>, defaultPct: string): Record<string, string | null> {
  const dec = (key: string) => (input[key] === undefined ? null : decimalText(String(input[key])));
  const text = (key: string) => (input[key] === undefined ? null : String(input[key]));
  const pick = (keys: string[], decimals: string[] = []) => {
    const out: Record<string, string | null> = {};
    for (const k of keys) out[k] = decimals.includes(k) ? dec(k) : text(k);
    return out;
  };
  switch (kind) {
    case 'months':
      return Object.fromEntries([...MONTH_FIGURE_FIELDS.map((k) => [k, k === 'startCustomers' || k === 'managedClients' ? text(k) : dec(k)]), ['notes', text('notes')]]);
    case 'csms': return pick(['name', 'email', 'startDate', 'endDate']);
    case 'accounts': return pick(['name', 'segment', 'csmId', 'startDate', 'mrr', 'churnDate'], ['mrr']);
    case 'churn-events': return pick(['accountId', 'csmId', 'date', 'kind', 'arrLost', 'reason'], ['arrLost']);
    case 'saves': return pick(['accountId', 'csmId', 'date', 'arrSaved', 'playbook'], ['arrSaved']);
    case 'deals': {
      const values = pick(['accountId', 'csmId', 'date', 'type', 'arrAdded', 'attribution'], ['arrAdded']);
      const pct = dealAttributionPct({ attribution: input.attribution as 'CS_SOURCED', attributionPct: input.attributionPct as string | undefined }, defaultPct);
      return { ...values, attributionPct: decimalText(pct) };
    }
  }
}

function shownValues(input: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'accountId' && k !== 'csmId').map(([k, v]) => [k, String(v)]));
}

/**
 * Checks every row of an import against the shared schemas and the organisation's data, without
 * writing: what each row will become (create, update, unchanged) or every reason it cannot be saved.
 */
export async function planContext(tx: Tx, organizationId: string, kind: ImportKind): Promise<PlanContext> {
  const [accounts, csms, closed, settings] = await Promise.all([
    kind === 'months' || kind === 'csms' ? Promise.resolve(null) : accountLookups(tx, organizationId),
    kind === 'months' ? Promise.resolve(null) : csmLookups(tx, organizationId),
    closedMonths(tx, organizationId),
    tx.methodSettings.findUnique({ where: { organizationId }, select: { influencedAttributionPct: true } }),
  ]);
  return { accounts: accounts ?? new Lookups([]), csms: csms ?? new Lookups([]), closed, defaultPct: settings?.influencedAttributionPct.toString() ?? '50' };
}

export async function planImport(tx: Tx, access: PrincipalAccess, kind: ImportKind, rows: RawRow[], options: PlanOptions = {}): Promise<ImportPlan> {
  const organizationId = access.organization.id;
  const context = options.context ?? (await planContext(tx, organizationId, kind));
  const duplicates = options.duplicates ?? duplicateLines(kind, rows);
  const schema = SCHEMAS[kind];

  const staged = rows.map((row) => {
    const errors: RowError[] = [];
    // Blank cells are absent to the schemas (an optional field left empty).
    const input: Record<string, unknown> = {};
    for (const key in row.values) if (row.values[key] !== '') input[key] = row.values[key];
    const shown: Record<string, string> = {};
    const repeated = duplicates.get(row.line);
    if (repeated !== undefined) errors.push({ field: kind === 'months' ? 'month' : 'externalId', message: 'duplicateRow', line: repeated });
    if (kind !== 'months' && kind !== 'csms' && kind !== 'accounts' && !row.values.externalId) input.externalId = derivedExternalId(kind, row);
    resolveRefs(row.values, kind, context, input, shown, errors);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'row');
        // A reference already reported as unknown is not also "required"; an empty cell is "required".
        const message = input[field] === undefined && issue.message !== 'accountRequired' ? 'required' : issue.message;
        if (!errors.some((e) => e.field === field || (field === 'accountId' && e.message.endsWith('Account')))) errors.push({ field, message });
      }
    }
    const data = parsed.success ? (parsed.data as Record<string, unknown>) : undefined;
    return { row, errors, data, shown };
  });

  // Accounts and CSMs without an external id match an existing one by name.
  const nameLookup = kind === 'accounts' ? context.accounts : kind === 'csms' ? context.csms : null;
  const keyOf = (s: (typeof staged)[number]): string | null => {
    if (!s.data) return null;
    if (kind === 'months') return String(s.data.month);
    if (s.data.externalId) return String(s.data.externalId);
    const byName = nameLookup?.named(String(s.data.name));
    return byName && typeof byName === 'object' ? `id:${byName.id}` : null;
  };
  const keys = staged.map(keyOf);
  const existing = await loadExisting(tx, organizationId, kind, [...new Set(keys.filter((k): k is string => k !== null))]);
  // An export writes our id where a row has no external id: such a row updates that row in place.
  const byOurId = new Set(kind === 'months' ? [] : keys.filter((k): k is string => k !== null && !existing.has(k) && isUuid(k)));
  if (byOurId.size > 0) {
    const found = await loadExisting(tx, organizationId, kind, [...byOurId].map((k) => `id:${k}`));
    keys.forEach((k, i) => {
      if (k && byOurId.has(k) && found.has(`id:${k}`)) {
        keys[i] = `id:${k}`;
        existing.set(`id:${k}`, found.get(`id:${k}`)!);
        delete staged[i]!.data!.externalId;
      }
    });
  }

  const planned = staged.map((s, index): PlannedRow => {
    const key = keys[index] ?? null;
    if (!s.data || s.errors.length > 0) return { line: s.row.line, action: null, values: s.data ? { ...shownValues(s.data), ...s.shown } : s.row.values, errors: s.errors };
    const values = options.forCommit ? NO_VALUES : { ...shownValues(s.data), ...s.shown };
    const stored = key ? existing.get(key) : undefined;
    if (stored) keepAbsentFields(kind, s.row, s.data, stored);
    const after = comparable(kind, s.data, context.defaultPct);
    let unchanged = stored !== undefined;
    for (const k in after) if (unchanged && (stored!.values[k] ?? null) !== after[k]) unchanged = false;
    const action: RowAction = !stored ? 'create' : unchanged ? 'unchanged' : 'update';
    if (action !== 'unchanged') {
      const newMonth = kind === 'months' ? String(s.data.month) : typeof s.data.date === 'string' && kind !== 'accounts' && kind !== 'csms' ? s.data.date.slice(0, 7) : null;
      const months = [...(stored?.months ?? []), ...(newMonth ? [newMonth] : [])];
      const closedMonth = months.find((m) => context.closed.has(m));
      if (closedMonth) return { line: s.row.line, action: null, values: { ...shownValues(s.data), ...s.shown }, errors: [{ field: kind === 'months' ? 'month' : 'date', message: 'monthClosed' }] };
    }
    return { line: s.row.line, action, values, errors: [], input: s.data, targetId: key?.startsWith('id:') ? key.slice(3) : undefined };
  });

  const count = (action: RowAction) => planned.filter((r) => r.action === action).length;
  return { kind, rows: planned, counts: { total: planned.length, invalid: planned.filter((r) => r.errors.length > 0).length, create: count('create'), update: count('update'), unchanged: count('unchanged') } };
}
