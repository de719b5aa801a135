import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cohortTable, type DashboardScope } from '@/lib/data/dashboard-data';
import { viewQuery, type CohortGrain } from '@/lib/dashboard/period';
import { formatContext } from './context';
import { formatValue } from './format-value';
import { Section, Guidance } from './section';
import { MetricExplanation } from './metric-explanation';

const GRAINS: CohortGrain[] = ['month', 'quarter', 'year'];

/** CLV per acquisition cohort; a cohort without churn has no finite CLV and says so. */
export async function CohortClv({ scope }: { scope: DashboardScope }) {
  const grain = scope.view.grain;
  const [rows, ctx, t] = await Promise.all([cohortTable(scope, grain), formatContext(scope), getTranslations('dashboard.cohorts')]);
  // A light heat map: the higher a cohort's CLV, the deeper its cell.
  const maxClv = Math.max(0, ...rows.map((r) => r.result.clv.value?.toNumber() ?? 0));
  const heat = (value: number | null) => {
    if (value === null || maxClv <= 0) return '';
    const level = value / maxClv;
    return level > 0.75 ? 'bg-indigo-100' : level > 0.5 ? 'bg-indigo-50' : level > 0.25 ? 'bg-slate-50' : '';
  };
  return (
    <Section
      id="cohorts"
      title={t('title')}
      subtitle={t('subtitle')}
      actions={
        <nav aria-label={t('grain')} className="inline-flex rounded-lg border border-slate-200 p-0.5 text-sm">
          {GRAINS.map((g) => (
            <Link
              key={g}
              scroll={false}
              prefetch={false}
              href={`${scope.basePath}${viewQuery(scope.view, { grain: g === 'quarter' ? null : g })}#cohorts`}
              aria-current={g === grain ? 'true' : undefined}
              className={`rounded-md px-2.5 py-1 ${g === grain ? 'bg-indigo-600 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
            >
              {t(g)}
            </Link>
          ))}
        </nav>
      }
    >
      {rows.length === 0 ? (
        <Guidance>{t('empty')}</Guidance>
      ) : (
        <div className="max-h-[28rem] overflow-auto rounded-lg border border-slate-200">
          <table className="min-w-full text-sm" data-testid="cohort-table">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="sticky top-0 z-10 bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">{t('cohort')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('accounts')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('churned')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('arpa')}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t('clv')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map(({ cohort, result }) => {
                const arpa = result.clv.explanation.inputs[0]?.value ?? null;
                const undefinedClv = result.clv.value === null;
                return (
                  <tr key={cohort.cohort}>
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-800">{cohort.cohort}</th>
                    <td className="px-3 py-2 text-right tabular-nums">{cohort.accounts}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{cohort.churnedAccounts}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatValue(arpa, 'money', ctx)}</td>
                    <td className={`px-3 py-2 text-right tabular-nums ${heat(result.clv.value?.toNumber() ?? null)}`}>
                      <span className="inline-flex items-center gap-1">
                        {undefinedClv ? (
                          <span className="text-slate-600">
                            <span className="block text-xs italic">{t('notEnoughChurn')}</span>
                            <span className="block">{t('realised', { value: formatValue(result.realisedValueToDate.value, 'money', ctx) })}</span>
                          </span>
                        ) : (
                          <span className="font-medium text-slate-900">{formatValue(result.clv.value, 'money', ctx)}</span>
                        )}
                        <MetricExplanation metric={undefinedClv ? result.realisedValueToDate : result.clv} ctx={ctx} />
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
