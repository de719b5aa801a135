import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { leaderboard, type DashboardScope } from '@/lib/data/dashboard-data';
import { viewQuery } from '@/lib/dashboard/period';
import type { CsmLeaderboardRow } from '@/lib/queries/csm-leaderboard';
import { formatContext } from './context';
import { formatValue } from './format-value';
import { Section, Guidance } from './section';

const COLUMNS = ['csGeneratedRevenue', 'expansionAttributable', 'saves', 'churnedArr', 'accountsManaged'] as const;
type SortKey = 'name' | (typeof COLUMNS)[number];

function sortValue(row: CsmLeaderboardRow, key: SortKey): number | string {
  if (key === 'name') return row.name.toLowerCase();
  const value = row[key];
  return typeof value === 'number' ? value : value.toNumber();
}

/** Parses ?sort=key:dir; anything unknown sorts by CS-generated revenue, highest first. */
export function leaderboardSort(sort: string | null): { key: SortKey; dir: 'asc' | 'desc' } {
  const [key, dir] = (sort ?? '').split(':');
  const valid = key === 'name' || (COLUMNS as readonly string[]).includes(key ?? '');
  return valid ? { key: key as SortKey, dir: dir === 'asc' ? 'asc' : 'desc' } : { key: 'csGeneratedRevenue', dir: 'desc' };
}

/** Per CSM, what their book did in the period. Owners and editors only (and boards that allow it). */
export async function CsmLeaderboard({ scope }: { scope: DashboardScope }) {
  const [rows, ctx, t] = await Promise.all([leaderboard(scope), formatContext(scope), getTranslations('dashboard.leaderboard')]);
  const sort = leaderboardSort(scope.view.sort);
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [sortValue(a, sort.key), sortValue(b, sort.key)];
    const order = x < y ? -1 : x > y ? 1 : 0;
    return sort.dir === 'asc' ? order : -order;
  });
  const header = (key: SortKey, numeric: boolean) => {
    const active = sort.key === key;
    const next = active && sort.dir === 'desc' ? 'asc' : 'desc';
    return (
      <th key={key} scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={`px-3 py-2 font-medium ${numeric ? 'text-right' : 'text-left'}`}>
        <Link scroll={false} prefetch={false} href={`${scope.basePath}${viewQuery(scope.view, { sort: `${key}:${next}` })}#leaderboard`} className="inline-flex items-center gap-1 hover:text-slate-900 hover:underline">
          {t(key)}
          <span aria-hidden className="text-xs">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
        </Link>
      </th>
    );
  };
  return (
    <Section id="leaderboard" title={t('title')} subtitle={t('subtitle')}>
      {rows.length === 0 ? (
        <Guidance>{t('empty')}</Guidance>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full text-sm" data-testid="leaderboard">
            <caption className="sr-only">{t('title')}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                {header('name', false)}
                {COLUMNS.map((key) => header(key, true))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sorted.map((row) => (
                <tr key={row.csmId}>
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-800">{row.name}</th>
                  <td className="px-3 py-2 text-right tabular-nums font-medium">{formatValue(row.csGeneratedRevenue, 'money', ctx)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatValue(row.expansionAttributable, 'money', ctx)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{t('savesCell', { count: row.saves, value: formatValue(row.savedArr, 'money', ctx, 'compact') })}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatValue(row.churnedArr, 'money', ctx)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{row.accountsManaged}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-2 text-xs text-slate-500">{t('definition')}</p>
    </Section>
  );
}
