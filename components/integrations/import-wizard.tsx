'use client';

import Papa from 'papaparse';
import { useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { detectDelimiter, parseCsvText } from '@/lib/import/csv';
import { matchHeaders, missingAccountColumn, missingRequired, type ColumnMapping } from '@/lib/import/headers';
import { IMPORT_COLUMNS, type ImportKind } from '@/lib/import/kinds';
import { duplicateLines, isBlankRecord, recordToRow, type RawRow } from '@/lib/import/rows';
import { ImportSource, type Source } from '@/components/integrations/import-source';
import { ImportMapping } from '@/components/integrations/import-mapping';
import { ImportPreview } from '@/components/integrations/import-preview';
import type { ImportCounts, PreviewRow } from '@/components/integrations/import-types';

const PREVIEW_CHUNK = 2000;

type Parsed = { kind: ImportKind; headers: string[]; records: string[][] };
type Stage =
  | { step: 'source' }
  | { step: 'mapping'; parsed: Parsed; mapping: ColumnMapping }
  | { step: 'preview'; parsed: Parsed; mapping: ColumnMapping; rows: RawRow[]; preview: PreviewRow[]; counts: ImportCounts }
  | { step: 'done'; counts: ImportCounts; kind: ImportKind };

/** Reads a file in chunks, reporting progress, so a 100,000-line file does not freeze the page. */
async function readFile(file: File, onProgress: (fraction: number) => void): Promise<{ headers: string[]; records: string[][] }> {
  const delimiter = detectDelimiter(await file.slice(0, 64 * 1024).text());
  return new Promise((resolve, reject) => {
    const all: string[][] = [];
    Papa.parse<string[]>(file, {
      delimiter,
      skipEmptyLines: 'greedy',
      chunkSize: 512 * 1024,
      chunk: (results) => {
        all.push(...results.data);
        onProgress(Math.min(1, results.meta.cursor / Math.max(file.size, 1)));
      },
      complete: () => {
        const [headers = [], ...records] = all;
        resolve({ headers: headers.map((h) => h.replace(/^\uFEFF/, '').trim()), records });
      },
      error: (error) => reject(error),
    });
  });
}

/** Events without an external id are matched by their content: the preview says what that means. */
function eventsWithoutExternalId(kind: ImportKind, rows: RawRow[]): number {
  if (kind !== 'churn-events' && kind !== 'saves' && kind !== 'deals') return 0;
  return rows.filter((row) => !row.values.externalId).length;
}

function countsOf(rows: PreviewRow[]): ImportCounts {
  const count = (a: PreviewRow['action']) => rows.filter((r) => r.errors.length === 0 && r.action === a).length;
  return { total: rows.length, invalid: rows.filter((r) => r.errors.length > 0).length, create: count('create'), update: count('update'), unchanged: count('unchanged') };
}

/** The CSV import: source → column mapping → preview of every row → one all-or-nothing import. */
export function ImportWizard({ slug, initialKind }: { slug: string; initialKind: ImportKind }) {
  const t = useTranslations('import');
  const [stage, setStage] = useState<Stage>({ step: 'source' });
  const [lastKind, setLastKind] = useState<ImportKind>(initialKind);
  const [progress, setProgress] = useState<{ label: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const endpoint = (kind: ImportKind, dryRun: boolean) => `/api/v1/orgs/${slug}/imports/${kind}${dryRun ? '?dryRun=true' : ''}`;

  async function post(kind: ImportKind, rows: RawRow[], dryRun: boolean) {
    const response = await fetch(endpoint(kind, dryRun), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows }) });
    const body = (await response.json().catch(() => null)) as { counts?: ImportCounts; rows?: PreviewRow[]; error?: { message: string; rows?: PreviewRow[] } } | null;
    // Several tabs or a huge file can hit the rate limit: say so rather than a bare failure.
    if (response.status === 429) throw new Error(t('rateLimited', { seconds: response.headers.get('retry-after') ?? '60' }));
    return { status: response.status, body };
  }

  async function read(source: Source) {
    setError(null);
    try {
      setProgress({ label: t('reading'), fraction: 0 });
      const { headers, records } = source.file ? await readFile(source.file, (fraction) => setProgress({ label: t('reading'), fraction })) : parseCsvText(source.text);
      const kept = records.filter((r) => !isBlankRecord(r));
      if (headers.length === 0 || kept.length === 0) throw new Error(t('empty'));
      setLastKind(source.kind);
      setStage({ step: 'mapping', parsed: { kind: source.kind, headers, records: kept }, mapping: matchHeaders(source.kind, headers) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  async function check(parsed: Parsed, mapping: ColumnMapping) {
    setError(null);
    // Line numbers as a spreadsheet shows them: the header is line 1.
    const rows = parsed.records.map((record, index) => recordToRow(parsed.kind, mapping, record, index + 2));
    const preview: PreviewRow[] = [];
    try {
      for (let start = 0; start < rows.length; start += PREVIEW_CHUNK) {
        setProgress({ label: t('checking', { done: start, total: rows.length }), fraction: start / rows.length });
        const { status, body } = await post(parsed.kind, rows.slice(start, start + PREVIEW_CHUNK), true);
        if (status !== 200 || !body?.rows) throw new Error(body?.error?.message ?? t('failed'));
        preview.push(...body.rows);
      }
      // Chunks are checked apart: repeats across chunks are found here, over the whole file.
      const byLine = new Map(preview.map((r) => [r.line, r]));
      for (const [line, first] of duplicateLines(parsed.kind, rows)) {
        const row = byLine.get(line);
        if (row && !row.errors.some((e) => e.message === 'duplicateRow')) row.errors.push({ field: parsed.kind === 'months' ? 'month' : 'externalId', message: 'duplicateRow', line: first });
      }
      setStage({ step: 'preview', parsed, mapping, rows, preview, counts: countsOf(preview) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  async function commit(parsed: Parsed, mapping: ColumnMapping, rows: RawRow[]) {
    setError(null);
    setProgress({ label: t('importing', { total: rows.length }), fraction: -1 });
    try {
      const { status, body } = await post(parsed.kind, rows, false);
      if (status === 200 && body?.counts) setStage({ step: 'done', counts: body.counts, kind: parsed.kind });
      else if (status === 422 && body?.error?.rows) {
        const preview = body.error.rows;
        setStage({ step: 'preview', parsed, mapping, rows, preview, counts: body.counts ?? countsOf(preview) });
        setError(t('rejected'));
      } else throw new Error(body?.error?.message ?? t('failed'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  const busy = progress !== null;
  return (
    <div className="space-y-6">
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      {progress && (
        <div role="status" aria-live="polite" className="space-y-1">
          <p className="text-sm text-slate-700">{progress.label}</p>
          {progress.fraction >= 0 ? <progress className="w-full" max={1} value={progress.fraction} /> : <progress className="w-full" />}
        </div>
      )}

      {stage.step === 'source' && <ImportSource slug={slug} initialKind={lastKind} busy={busy} onRead={read} />}

      {stage.step === 'mapping' && (
        <section className="card space-y-4">
          <h2 className="text-lg font-semibold text-slate-900">{t('mappingTitle')}</h2>
          <p className="text-sm text-slate-600">{t('mappingIntro', { rows: stage.parsed.records.length, kind: t(`kinds.${stage.parsed.kind}`) })}</p>
          <ImportMapping kind={stage.parsed.kind} headers={stage.parsed.headers} mapping={stage.mapping} onChange={(mapping) => setStage({ ...stage, mapping })} />
          <MappingWarnings kind={stage.parsed.kind} mapping={stage.mapping} />
          <div className="flex gap-2">
            <button type="button" className="btn-secondary" onClick={() => setStage({ step: 'source' })}>{t('back')}</button>
            <button
              type="button"
              className="btn-primary"
              disabled={busy || missingRequired(stage.parsed.kind, stage.mapping).length > 0 || missingAccountColumn(stage.parsed.kind, stage.mapping)}
              onClick={() => void check(stage.parsed, stage.mapping)}
            >
              {t('check')}
            </button>
          </div>
        </section>
      )}

      {stage.step === 'preview' && (
        <section className="card space-y-4">
          <h2 className="text-lg font-semibold text-slate-900">{t('previewTitle')}</h2>
          <ImportPreview kind={stage.parsed.kind} rows={stage.preview} counts={stage.counts} withoutExternalId={eventsWithoutExternalId(stage.parsed.kind, stage.rows)} />
          <p className="text-sm text-slate-600">{stage.counts.invalid > 0 ? t('fixFirst') : t('allOrNothing')}</p>
          <div className="flex gap-2">
            <button type="button" className="btn-secondary" onClick={() => setStage({ step: 'source' })}>{t('startOver')}</button>
            <button type="button" className="btn-secondary" onClick={() => setStage({ step: 'mapping', parsed: stage.parsed, mapping: stage.mapping })}>{t('changeMapping')}</button>
            <button type="button" className="btn-primary" disabled={busy || stage.counts.invalid > 0 || stage.counts.create + stage.counts.update === 0} onClick={() => void commit(stage.parsed, stage.mapping, stage.rows)}>
              {t('confirm', { count: stage.counts.create + stage.counts.update })}
            </button>
          </div>
        </section>
      )}

      {stage.step === 'done' && (
        <section className="card space-y-3">
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="import-done">
            {t('done', { create: stage.counts.create, update: stage.counts.update, unchanged: stage.counts.unchanged })}
          </p>
          <button type="button" className="btn-secondary" onClick={() => setStage({ step: 'source' })}>{t('another')}</button>
        </section>
      )}
    </div>
  );
}

function MappingWarnings({ kind, mapping }: { kind: ImportKind; mapping: ColumnMapping }) {
  const t = useTranslations('import');
  const language = useLocale() === 'fr' ? 1 : 0;
  const missing = missingRequired(kind, mapping);
  const noAccount = missingAccountColumn(kind, mapping);
  if (missing.length === 0 && !noAccount) return null;
  const names = missing.map((key) => IMPORT_COLUMNS[kind].find((c) => c.key === key)?.headers[language] ?? key);
  return (
    <p role="alert" className="text-sm text-red-700">
      {missing.length > 0 && t('missingColumns', { columns: names.join(', ') })} {noAccount && t('missingAccount')}
    </p>
  );
}
