'use client';

import { useTranslations } from 'next-intl';

/**
 * The figures behind a chart, as a table behind a toggle: the chart's text alternative. A client
 * component so that the page carries the cells once, as strings, rather than as markup twice.
 */
export function ChartDataTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: { key: string; cells: string[] }[] }) {
  const t = useTranslations('dashboard');
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer select-none text-indigo-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600">{t('showTable')}</summary>
      <div className="mt-2 max-h-80 overflow-auto rounded-lg border border-slate-200">
        <table className="min-w-full text-xs sm:text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-slate-50 text-slate-600">
            <tr>
              {headers.map((header, i) => (
                <th key={header} scope="col" className={`px-3 py-2 font-medium ${i === 0 ? 'text-left' : 'text-right'}`}>{header}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-normal">{cell}</th>
                  ) : (
                    <td key={i} className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
