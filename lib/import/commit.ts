import 'server-only';
import { db, type Tx } from '@/lib/db';
import type { PrincipalAccess } from '@/lib/data/access';
import { upsertAccountTx } from '@/lib/data/entries/accounts';
import { upsertChurnEventTx } from '@/lib/data/entries/churn-events';
import { upsertCsmTx } from '@/lib/data/entries/csms';
import { upsertDealTx } from '@/lib/data/entries/deals';
import { upsertMonthTx } from '@/lib/data/entries/months';
import { upsertSaveTx } from '@/lib/data/entries/saves';
import { translatePrismaError } from '@/lib/data/entries/shared';
import { AppError, isAppError } from '@/lib/errors';
import type { AccountInput, ChurnEventInput, CsmInput, DealInput, MonthInput, SaveInput } from '@/lib/validation/entries';
import type { ImportKind } from '@/lib/import/kinds';
import { planImport, type ImportPlan, type PlannedRow } from '@/lib/import/plan';
import type { RawRow } from '@/lib/import/rows';

/** The largest file accepted in one import. */
export const MAX_IMPORT_ROWS = 200_000;

async function write(tx: Tx, access: PrincipalAccess, kind: ImportKind, row: PlannedRow): Promise<void> {
  const input = row.input!;
  switch (kind) {
    case 'months': await upsertMonthTx(tx, access, input as MonthInput); break;
    case 'csms': await upsertCsmTx(tx, access, input as CsmInput, row.targetId); break;
    case 'accounts': await upsertAccountTx(tx, access, input as AccountInput, row.targetId); break;
    case 'churn-events': await upsertChurnEventTx(tx, access, input as ChurnEventInput, row.targetId); break;
    case 'saves': await upsertSaveTx(tx, access, input as SaveInput, row.targetId); break;
    case 'deals': await upsertDealTx(tx, access, input as DealInput, row.targetId); break;
  }
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
        for (const row of plan.rows) {
          if (row.action === 'unchanged') continue;
          try {
            await write(tx, access, kind, row);
          } catch (error) {
            if (isAppError(error)) throw new AppError(error.code, error.message, { ...error.details, line: row.line });
            throw error;
          }
        }
        return plan.counts;
      },
      { maxWait: 10_000, timeout: 10 * 60_000 },
    );
  } catch (error) {
    throw translatePrismaError(error);
  }
}
