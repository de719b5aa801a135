'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { IMPORT_KINDS, type ImportKind } from '@/lib/import/kinds';

export type Source = { kind: ImportKind; file: File | null; text: string };

/** Step 1: what to import, and from where (a file or pasted text). */
export function ImportSource({ slug, initialKind, busy, onRead }: { slug: string; initialKind: ImportKind; busy: boolean; onRead: (source: Source) => void }) {
  const t = useTranslations('import');
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  return (
    <form
      className="card space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        onRead({ kind, file, text });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="import-kind" className="field-label">{t('kind')}</label>
          <select id="import-kind" className="field-input" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>
          <p className="mt-1 text-xs text-slate-500">
            {t('templateHint')}{' '}
            <a className="text-indigo-700 underline" href={`/api/orgs/${slug}/templates/${kind}`} download>{t('downloadTemplate')}</a>
          </p>
        </div>
        <div>
          <label htmlFor="import-file" className="field-label">{t('file')}</label>
          <input id="import-file" type="file" accept=".csv,text/csv,text/plain" className="mt-1 block w-full text-sm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
      </div>
      <div>
        <label htmlFor="import-text" className="field-label">{t('paste')}</label>
        <textarea id="import-text" rows={6} className="field-input font-mono text-xs" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('pastePlaceholder')} />
      </div>
      <div className="space-y-1 text-xs text-slate-600" data-testid="import-matching-help">
        <p>{t('matchingHelp')}</p>
        {(kind === 'churn-events' || kind === 'saves' || kind === 'deals') && <p>{t('noExternalIdHelp')}</p>}
      </div>
      <button type="submit" className="btn-primary" disabled={busy || (!file && text.trim() === '')}>{t('read')}</button>
    </form>
  );
}
