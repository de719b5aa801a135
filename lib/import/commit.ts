import 'server-only';
import { db, type Tx } from '@/lib/db';
import type { PrincipalAccess } from '@/lib/data/access';
import { ImportAudits } from '@/lib/data/entries/bulk';
import { importAccountsTx, importCsmsTx } from '@/lib/data/entries/import-accounts';
import { importChurnEventsTx, importDealsTx, importSavesTx } from '@/lib/data/entries/import-events';
import { upsertMonthTx } from '@/lib/data/entries/months';
import { translatePrismaError } from '@/lib/data/entries/shared';
import { AppError, isAppError } from '@/lib/errors';
import { collectGarbage } from '@/lib/runtime/collect-garbage';
import type { AccountInput, ChurnEventInput, CsmInput, DealInput, MonthInput, SaveInput } from '@/lib/validation/entries';
import type { ImportKind } from '@/lib/import/kinds';
import { planContext, planImport, type ImportPlan, type PlannedRow } from '@/lib/import/plan';
import { duplicateLines, type RawRow } from '@/lib/import/rows';

/** The largest file accepted in one import. */
export const MAX_IMPORT_ROWS = 200_000;

/**
 * Writes the rows that change, with the bulk paths (a few statements per 2 000 rows). Months stay
 * per row: a file holds a few dozen, and each carries its own version check.
 */
async function write(tx: Tx, access: PrincipalAccess, kind: ImportKind, rows: PlannedRow[], audits: ImportAudits): Promise<void> {
  const bulk = <I>() => rows.map((row) => ({ input: row.input as I, id: row.targetId }));
  switch (kind) {
    case 'months':
      for (const row of rows) {
        try {
          await upsertMonthTx(tx, access, row.input as MonthInput);
        } catch (error) {
          throw withLine(error, row.line);
        }
      }
      return;
    case 'csms': await importCsmsTx(tx, access, bulk<CsmInput>(), audits); return;
    case 'accounts': await importAccountsTx(tx, access, bulk<AccountInput>(), audits); return;
    case 'churn-events': await importChurnEventsTx(tx, access, bulk<ChurnEventInput>(), audits); return;
    case 'saves': await importSavesTx(tx, access, bulk<SaveInput>(), audits); return;
    case 'deals': await importDealsTx(tx, access, bulk<DealInput>(), audits); return;
  }
}

/** A refusal names the file's line: the bulk paths report the row's index among those written. */
function withLine(error: unknown, line: number | undefined): unknown {
  if (!isAppError(error) || line === undefined) return error;
  const { index: _index, ...details } = error.details ?? {};
  return new AppError(error.code, error.message, { ...details, line });
}

/** Checks an import without writing anything (the preview). */
export async function previewImport(access: PrincipalAccess, kind: ImportKind, rows: RawRow[]): Promise<ImportPlan> {
  return planImport(db() as unknown as Tx, access, kind, rows);
}

/** Thrown when a row is invalid at commit time: nothing has been written. Its plan lists the invalid rows. */
export class ImportRejected extends Error {
  constructor(readonly plan: ImportPlan) {
    super(`${plan.counts.invalid} row(s) cannot be imported; nothing was written.`);
    this.name = 'ImportRejected';
  }
}

/**
 * Rows planned and written at a time, inside the one transaction: a 100 000-row file never holds
 * more than this many plans and statements' values at once (it held them all: ~750 MB peak).
 */
export const COMMIT_CHUNK = 2_000;

/**
 * Imports every row or none: the rows are checked again inside one transaction (the data may have
 * changed since the preview), and any invalid row, or any error while writing, rolls all of it back.
 * Unchanged rows are not written, so re-importing the same file changes nothing. Planned and written
 * a chunk at a time against context read once (accounts, CSMs, closed months, settings) and with
 * repeats found over the whole file, so a chunk sees the organisation as the whole file would.
 */
/** Rows from which a commit first collects garbage (a pause of ~0.1 s against seconds of work). */
const LARGE_COMMIT_ROWS = 10_000;

export async function commitImport(access: PrincipalAccess, kind: ImportKind, rows: RawRow[]): Promise<ImportPlan['counts']> {
  // A large commit is the heaviest allocation the app makes: start it from a collected heap, so
  // the garbage of the checks before it (the preview requests) does not add to its peak
  // (100 000 deals: 516-531 MB peak without, ~440 MB with).
  if (rows.length >= LARGE_COMMIT_ROWS) collectGarbage();
  try {
    return await db().$transaction(
      async (tx) => {
        const options = { forCommit: true, context: await planContext(tx, access.organization.id, kind), duplicates: duplicateLines(kind, rows) };
        const counts: ImportPlan['counts'] = { total: 0, invalid: 0, create: 0, update: 0, unchanged: 0 };
        const invalid: PlannedRow[] = [];
        const audits = new ImportAudits();
        for (let start = 0; start < rows.length; start += COMMIT_CHUNK) {
          const plan = await planImport(tx, access, kind, rows.slice(start, start + COMMIT_CHUNK), options);
          for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += plan.counts[key];
          // After an invalid row nothing more is written (it all rolls back): the rest is only checked.
          if (plan.counts.invalid > 0 || invalid.length > 0) {
            invalid.push(...plan.rows.filter((row) => row.errors.length > 0));
            continue;
          }
          const changed = plan.rows.filter((row) => row.action !== 'unchanged');
          try {
            await write(tx, access, kind, changed, audits);
          } catch (error) {
            const index = isAppError(error) ? error.details?.index : undefined;
            throw typeof index === 'number' ? withLine(error, changed[index]?.line) : error;
          }
        }
        if (invalid.length > 0) throw new ImportRejected({ kind, rows: invalid, counts });
        await audits.write(tx, access);
        return counts;
      },
      { maxWait: 10_000, timeout: 10 * 60_000 },
    );
  } catch (error) {
    throw translatePrismaError(error);
  }
}
