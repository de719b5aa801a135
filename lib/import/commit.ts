import 'server-only';
import { db, type Tx } from '@/lib/db';
import type { PrincipalAccess } from '@/lib/data/access';
import { importAccountsTx, importCsmsTx } from '@/lib/data/entries/import-accounts';
import { importChurnEventsTx, importDealsTx, importSavesTx } from '@/lib/data/entries/import-events';
import { upsertMonthTx } from '@/lib/data/entries/months';
import { translatePrismaError } from '@/lib/data/entries/shared';
import { AppError, isAppError } from '@/lib/errors';
import type { AccountInput, ChurnEventInput, CsmInput, DealInput, MonthInput, SaveInput } from '@/lib/validation/entries';
import type { ImportKind } from '@/lib/import/kinds';
import { planImport, type ImportPlan, type PlannedRow } from '@/lib/import/plan';
import type { RawRow } from '@/lib/import/rows';

/** The largest file accepted in one import. */
export const MAX_IMPORT_ROWS = 200_000;

/**
 * Writes the rows that change, with the bulk paths (a few statements per 10 000 rows). Months stay
 * per row: a file holds a few dozen, and each carries its own version check.
 */
async function write(tx: Tx, access: PrincipalAccess, kind: ImportKind, rows: PlannedRow[]): Promise<void> {
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
    case 'csms': await importCsmsTx(tx, access, bulk<CsmInput>()); return;
    case 'accounts': await importAccountsTx(tx, access, bulk<AccountInput>()); return;
    case 'churn-events': await importChurnEventsTx(tx, access, bulk<ChurnEventInput>()); return;
    case 'saves': await importSavesTx(tx, access, bulk<SaveInput>()); return;
    case 'deals': await importDealsTx(tx, access, bulk<DealInput>()); return;
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

/** Thrown when a row is invalid at commit time: nothing has been written. */
export class ImportRejected extends Error {
  constructor(readonly plan: ImportPlan) {
    super(`${plan.counts.invalid} row(s) cannot be imported; nothing was written.`);
    this.name = 'ImportRejected';
  }
}

/**
 * Imports every row or none: the rows are checked again inside one transaction (the data may have
 * changed since the preview), and any invalid row, or any error while writing, rolls all of it back.
 * Unchanged rows are not written, so re-importing the same file changes nothing.
 */
export async function commitImport(access: PrincipalAccess, kind: ImportKind, rows: RawRow[]): Promise<ImportPlan['counts']> {
  try {
    return await db().$transaction(
      async (tx) => {
        const plan = await planImport(tx, access, kind, rows);
        if (plan.counts.invalid > 0) throw new ImportRejected(plan);
        const changed = plan.rows.filter((row) => row.action !== 'unchanged');
        try {
          await write(tx, access, kind, changed);
        } catch (error) {
          const index = isAppError(error) ? error.details?.index : undefined;
          throw typeof index === 'number' ? withLine(error, changed[index]?.line) : error;
        }
        return plan.counts;
      },
      { maxWait: 10_000, timeout: 10 * 60_000 },
    );
  } catch (error) {
    throw translatePrismaError(error);
  }
}
