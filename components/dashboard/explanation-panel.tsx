'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';

/** The "i" icon's drawing, defined once per page by <InfoIconSymbol /> and reused by every panel. */
export const INFO_ICON_ID = 'tenure-info-icon';

export function InfoIconSymbol() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <symbol id={INFO_ICON_ID} viewBox="0 0 20 20">
        <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.253a.25.25 0 0 1 .244.304l-.459 2.066A1.75 1.75 0 0 0 10.747 15H11a.75.75 0 0 0 0-1.5h-.253a.25.25 0 0 1-.244-.304l.459-2.066A1.75 1.75 0 0 0 9.253 9H9Z" clipRule="evenodd" />
      </symbol>
    </svg>
  );
}

/** One figure's explanation, already worded and formatted in the reader's language by the server. */
export type ExplanationText = {
  key: string;
  label: string;
  formula: string;
  inputs: { label: string; value: string; source: string }[];
  result: string;
  note?: string;
};

/**
 * The panel behind a figure's "?" icon. A native <details>, so it opens with the keyboard; its body
 * is drawn only once opened, so the page carries each explanation once, as a few strings, instead
 * of twice as markup (in the HTML and again in the React payload): ~60 of them on a board.
 *
 * On a phone the panel is a sheet fixed under the header; on wider screens it hangs from the icon,
 * towards the side (`align`) where there is room.
 */
export function ExplanationPanel({ explanation, align }: { explanation: ExplanationText; align: 'left' | 'right' }) {
  const t = useTranslations('dashboard.explanation');
  const [open, setOpen] = useState(false);
  const title = t('open', { label: explanation.label });
  return (
    <details className="group relative inline-block text-left" data-testid={`explain-${explanation.key}`} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary
        className="flex h-6 w-6 cursor-pointer list-none items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden"
        aria-label={title}
        title={title}
      >
        <svg aria-hidden className="h-4 w-4" fill="currentColor"><use href={`#${INFO_ICON_ID}`} /></svg>
      </summary>
      {open && (
        <div
          role="note"
          className={`z-30 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-lg max-sm:fixed max-sm:inset-x-3 max-sm:top-20 max-sm:max-h-[75vh] max-sm:overflow-auto sm:absolute sm:mt-1 sm:w-[24rem] ${align === 'right' ? 'sm:right-0' : 'sm:left-0'}`}
        >
          <p className="font-semibold text-slate-900">{explanation.label}</p>
          <p className="mt-2 text-xs font-medium uppercase tracking-wide text-slate-500">{t('formula')}</p>
          <p className="mt-0.5 font-mono text-xs leading-relaxed">{explanation.formula}</p>
          {explanation.inputs.length > 0 && (
            <>
              <p className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-500">{t('inputs')}</p>
              <dl className="mt-1 divide-y divide-slate-100">
                {explanation.inputs.map((input, i) => (
                  <div key={i} className="py-1.5">
                    <div className="flex justify-between gap-3">
                      <dt>{input.label}</dt>
                      <dd className="whitespace-nowrap font-medium tabular-nums text-slate-900">{input.value}</dd>
                    </div>
                    <p className="text-xs text-slate-500">{t('source', { source: input.source })}</p>
                  </div>
                ))}
              </dl>
            </>
          )}
          <p className="mt-3 border-t border-slate-100 pt-2 text-xs">{t('result', { value: explanation.result })}</p>
          {explanation.note && <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">{explanation.note}</p>}
        </div>
      )}
    </details>
  );
}
