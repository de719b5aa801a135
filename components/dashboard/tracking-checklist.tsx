import { getTranslations } from 'next-intl/server';
import { checklist, type DashboardScope } from '@/lib/data/dashboard-data';
import { checklistScore, type ChecklistGroup } from '@/lib/dashboard/checklist';
import { formatMonth } from '@/lib/format';
import { formatContext } from './context';
import { Section } from './section';

const GROUPS: ChecklistGroup[] = ['tracking', 'process', 'reporting'];

/** 'YYYY-MM' values read as month names ("Oct 2026, Nov 2026"). */
function readable(values: Record<string, string | number>, locale: 'en' | 'fr'): Record<string, string | number> {
  const monthList = /^\d{4}-\d{2}(, \d{4}-\d{2})*$/;
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === 'string' && monthList.test(value) ? value.split(', ').map((m) => formatMonth(m, locale, 'short')).join(', ') : value]),
  );
}

/** The article's 10 control points, ticked from the data; an unticked point says what is missing. */
export async function TrackingChecklist({ scope }: { scope: DashboardScope }) {
  const [{ asOf, items }, ctx, t] = await Promise.all([checklist(scope), formatContext(scope), getTranslations('dashboard.checklist')]);
  const score = checklistScore(items);
  return (
    <Section
      id="checklist"
      title={t('title')}
      subtitle={asOf ? t('subtitle', { month: formatMonth(asOf, ctx.locale) }) : t('subtitleEmpty')}
      actions={<p className="rounded-full bg-indigo-50 px-3 py-1 text-sm font-semibold text-indigo-800" data-testid="checklist-score">{t('score', { score, total: items.length })}</p>}
    >
      <div className="grid gap-4 md:grid-cols-3">
        {GROUPS.map((group) => (
          <div key={group}>
            <h3 className="text-sm font-medium text-slate-700">{t(`groups.${group}`)}</h3>
            <ul className="mt-2 space-y-2">
              {items.filter((i) => i.group === group).map((item) => (
                <li key={item.key} className="flex gap-2 text-sm">
                  <span aria-hidden className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${item.done ? 'bg-emerald-100 text-emerald-700' : 'bg-slate-100 text-slate-500'}`}>{item.done ? '✓' : '○'}</span>
                  <div>
                    <p className={item.done ? 'text-slate-900' : 'text-slate-700'}>
                      {t(`items.${item.key}`)}
                      <span className="sr-only"> — {item.done ? t('done') : t('notDone')}</span>
                    </p>
                    {item.missing && <p className="text-xs text-slate-500">{t(`missing.${item.missing.key}`, readable(item.missing.values, ctx.locale))}</p>}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Section>
  );
}
