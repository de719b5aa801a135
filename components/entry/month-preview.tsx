'use client';

import Decimal from 'decimal.js';
import { useTranslations } from 'next-intl';
import { computeMonth } from '@/lib/metrics';
import { formatMoney, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { PreviewEventSums, PreviewSettings } from '@/lib/data/entries/month-preview';
import { dec, engineSettingsOf, previewAggregates, type FormValues } from './preview-aggregates';

export type { FormValues };

/** Live side panel: the dashboard's own computeMonth, run on the figures being typed. */
export function MonthPreview({ month, values, settings, sums, currency, locale }: { month: string; values: FormValues; settings: PreviewSettings; sums: PreviewEventSums; currency: string; locale: Locale }) {
  const t = useTranslations('monthEntry');
  const metrics = computeMonth(previewAggregates(month, values, sums), engineSettingsOf(settings));
  const money = (v: Decimal | null) => (v === null ? t('undefined') : formatMoney(v, currency, locale, { decimals: 0 }));
  const direct = ['loadedSalaries', 'toolsCost', 'trainingCost', 'otherDirectCost'].reduce((sum, f) => sum.plus(dec(values[f])), new Decimal(0));
  const indirect = ['indirectManagementCost', 'indirectInfrastructureCost', 'indirectRecruitingCost'].reduce((sum, f) => sum.plus(dec(values[f])), new Decimal(0));
  const rows: { key: string; label: string; value: string; detail?: string; strong?: boolean }[] = [
    {
      key: 'csCost', label: t('csCost'), value: money(metrics.csCost.value),
      detail: settings.indirectCostMode === 'COEFFICIENT'
        ? t('csCostDetail', { direct: money(direct), coefficient: settings.indirectCostCoefficient })
        : t('csCostItemised', { direct: money(direct), indirect: money(indirect) }),
    },
    { key: 'churnAvoided', label: t('churnAvoided'), value: money(metrics.churnAvoided.value), detail: settings.countChurnAvoided ? undefined : t('notCounted') },
    { key: 'expansionAttributable', label: t('expansionAttributable'), value: money(metrics.expansionAttributable.value), detail: settings.countExpansion ? undefined : t('notCounted') },
    ...(settings.countCacSaved ? [{ key: 'cacSaved', label: t('cacSaved'), value: money(metrics.cacSaved.value) }] : []),
    { key: 'gains', label: t('gains'), value: money(metrics.gains.value) },
    { key: 'roiPct', label: t('roi'), value: metrics.roiPct.value === null ? t('undefined') : formatPercent(metrics.roiPct.value, locale, 0), strong: true },
  ];
  return (
    <aside aria-labelledby="preview-title" className="rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 lg:sticky lg:top-4" data-testid="month-preview" aria-live="polite">
      <h2 id="preview-title" className="text-base font-semibold text-indigo-900">{t('previewTitle')}</h2>
      <p className="mt-1 text-xs text-indigo-800/80">{t('previewHint')}</p>
      <dl className="mt-3 divide-y divide-indigo-100">
        {rows.map((row) => (
          <div key={row.key} className="py-2" data-testid={`preview-${row.key}`}>
            <div className="flex items-baseline justify-between gap-3">
              <dt className="text-sm text-slate-700">{row.label}</dt>
              <dd className={`tabular-nums ${row.strong ? 'text-xl font-semibold text-indigo-900' : 'font-medium text-slate-900'}`}>{row.value}</dd>
            </div>
            {row.detail && <p className="text-xs text-slate-500">{row.detail}</p>}
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">{t('eventsSummary', { deals: sums.dealCount, saves: sums.savesCount, churn: money(new Decimal(sums.churnedArr).plus(sums.contractionArr)) })}</p>
    </aside>
  );
}
