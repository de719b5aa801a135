import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/api/errors';
import { withApi } from '@/lib/api/with-api';
import { commitImport, ImportRejected, MAX_IMPORT_ROWS, previewImport } from '@/lib/import/commit';
import { isImportKind } from '@/lib/import/kinds';
import type { PlannedRow } from '@/lib/import/plan';

const importBodySchema = z.object({
  rows: z
    .array(z.object({ line: z.number().int().min(1), values: z.record(z.string(), z.string().max(5000)) }))
    .max(MAX_IMPORT_ROWS, { error: `At most ${MAX_IMPORT_ROWS} rows per import.` }),
});

// The preview's row without what only the commit needs.
const publicRow = ({ line, action, values, errors }: PlannedRow) => ({ line, action, values, errors });

/**
 * POST /api/v1/orgs/{slug}/imports/{kind}?dryRun=true — bulk import of rows already mapped to fields
 * (the import screen sends them; automation may too). With dryRun nothing is written and every row is
 * reported; without it, all rows are written in one transaction, or none (422 with the invalid rows).
 */
export const POST = withApi<{ slug: string; kind: string }>(async ({ params, access, body, url }) => {
  if (!isImportKind(params.kind)) throw new AppError('NOT_FOUND');
  const { rows } = parseOrThrow(importBodySchema, body);
  if (url.searchParams.get('dryRun') === 'true') {
    const plan = await previewImport(access, params.kind, rows);
    return Response.json({ counts: plan.counts, rows: plan.rows.map(publicRow) });
  }
  try {
    return Response.json({ counts: await commitImport(access, params.kind, rows) });
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    const invalid = error.plan.rows.filter((r) => r.errors.length > 0).map(publicRow);
    return Response.json({ error: { code: 'IMPORT_INVALID', message: error.message, rows: invalid }, counts: error.plan.counts }, { status: 422 });
  }
}, { scope: 'WRITE', maxBodyBytes: 64 * 1024 * 1024 });
