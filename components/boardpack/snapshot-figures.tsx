import { METRIC_KEYS } from '@/lib/metrics';
import type { Locale } from '@/lib/i18n/locales';
import type { BoardPackModel } from '@/lib/pdf/board-pack-model';
import { packFormat } from '@/lib/pdf/pdf-format';

/** The snapshot's stored figures, as they were when it was taken (never recomputed). */
export function SnapshotFigures({ figures, locale }: { figures: BoardPackModel; locale: Locale }) {
  const f = packFormat(locale, figures.organization.currency);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="snapshot-figures">
        <tbody className="divide-y divide-slate-100">
          {METRIC_KEYS.map((key) => {
            const metric = figures.range[key];
            return (
              <tr key={key}>
                <th scope="row" className="px-4 py-2 text-left font-normal text-slate-600">{metric.label[locale]}</th>
                <td className="px-4 py-2 text-right font-medium tabular-nums">{f.value(metric.value, metric.kind)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
