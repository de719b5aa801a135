'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ColumnMapping } from '@/lib/import/headers';
import { IMPORT_COLUMNS, type ImportKind } from '@/lib/import/kinds';

/** Step 2: which column of the file feeds each field; matched automatically, changeable by hand. */
export function ImportMapping({ kind, headers, mapping, onChange }: { kind: ImportKind; headers: string[]; mapping: ColumnMapping; onChange: (mapping: ColumnMapping) => void }) {
  const t = useTranslations('import');
  const language = useLocale() === 'fr' ? 1 : 0;
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <legend className="sr-only">{t('mappingTitle')}</legend>
      {IMPORT_COLUMNS[kind].map((column) => {
        const id = `map-${column.key}`;
        const value = mapping[column.key];
        return (
          <div key={column.key}>
            <label htmlFor={id} className="field-label">
              {column.headers[language]}{column.required ? ' *' : ''}
            </label>
            <select
              id={id}
              className="field-input"
              value={value === undefined ? '' : String(value)}
              onChange={(e) => {
                const next = { ...mapping };
                if (e.target.value === '') delete next[column.key];
                else next[column.key] = Number(e.target.value);
                onChange(next);
              }}
            >
              <option value="">{t('notInFile')}</option>
              {headers.map((header, index) => <option key={`${header}-${index}`} value={index}>{header || t('columnN', { n: index + 1 })}</option>)}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
