'use client';

import { useLocale, useTranslations } from 'next-intl';
import { IMPORT_COLUMNS, type ImportKind } from '@/lib/import/kinds';
import type { ImportCounts, PreviewError, PreviewRow } from '@/components/integrations/import-types';

const SHOWN_VALID_ROWS = 100;

/** Step 3: every invalid row with its reasons, and the rows as they will be saved. */
export function ImportPreview({ kind, rows, counts, withoutExternalId = 0 }: { kind: ImportKind; rows: PreviewRow[]; counts: ImportCounts; withoutExternalId?: number }) {
  const t = useTranslations('import');
  const tErrors = useTranslations('importErrors');
  const tValidation = useTranslations('validation');
  const language = useLocale() === 'fr' ? 1 : 0;
  const columns = IMPORT_COLUMNS[kind];
  const label = (field: string) => columns.find((c) => c.key === field || (field === 'accountId' && c.key === 'account') || (field === 'csmId' && c.key === 'csm'))?.headers[language] ?? field;
  const reason = (error: PreviewError) =>
    tErrors.has(error.message) ? tErrors(error.message, { line: error.line ?? 0 }) : tValidation.has(error.message) ? tValidation(error.message) : error.message;
  const invalid = rows.filter((r) => r.errors.length > 0);
  const valid = rows.filter((r) => r.errors.length === 0).slice(0, SHOWN_VALID_ROWS);
  const shownColumns = columns.filter((c) => rows.some((r) => r.values[c.key] !== undefined));

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700" data-testid="import-summary" role="status">
        {t('summary', { total: counts.total, create: counts.create, update: counts.update, unchanged: counts.unchanged, invalid: counts.invalid })}
      </p>
      {withoutExternalId > 0 && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="import-no-external-id">{t('noExternalId', { count: withoutExternalId })}</p>
      )}
      {invalid.length > 0 && (
        <section aria-labelledby="invalid-rows" className="rounded-lg border border-red-200 bg-red-50 p-4">
          <h3 id="invalid-rows" className="font-semibold text-red-900">{t('invalidTitle', { count: invalid.length })}</h3>
          <ul className="mt-2 max-h-96 space-y-1 overflow-y-auto text-sm text-red-900" data-testid="import-errors">
            {invalid.map((row) => (
              <li key={row.line} data-testid={`import-error-line-${row.line}`}>
                <span className="font-medium">{t('line', { line: row.line })}</span>{' — '}
                {row.errors.map((e) => t('errorPair', { field: label(e.field), reason: reason(e) })).join(t('errorSeparator'))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {valid.length > 0 && (
        <section aria-labelledby="valid-rows">
          <h3 id="valid-rows" className="font-semibold text-slate-900">{t('validTitle')}</h3>
          {counts.total - counts.invalid > SHOWN_VALID_ROWS && <p className="text-xs text-slate-500">{t('firstRows', { count: SHOWN_VALID_ROWS })}</p>}
          <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-xs">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-2 py-1 text-left">{t('lineHeader')}</th>
                  <th scope="col" className="px-2 py-1 text-left">{t('actionHeader')}</th>
                  {shownColumns.map((c) => <th key={c.key} scope="col" className="px-2 py-1 text-left">{c.headers[language]}</th>)}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {valid.map((row) => (
                  <tr key={row.line}>
                    <td className="px-2 py-1 tabular-nums">{row.line}</td>
                    <td className="px-2 py-1">{row.action ? t(`actions.${row.action}`) : ''}</td>
                    {shownColumns.map((c) => <td key={c.key} className="px-2 py-1 tabular-nums">{row.values[c.key] ?? ''}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
