import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import type { DashboardScope } from '@/lib/data/dashboard-data';
import { periodChoices } from '@/lib/dashboard/period';
import { formatMonth } from '@/lib/format';
import { formatContext } from './context';
import { KpiSkeleton, SectionSkeleton } from './skeleton';
import { KpiCards } from './kpi-cards';
import { RoiOverTime } from './roi-over-time';
import { GainsVsCost } from './gains-vs-cost';
import { Retention } from './retention';
import { Efficiency } from './efficiency';
import { LeadingIndicators } from './leading-indicators';
import { CohortClv } from './cohort-clv';
import { CsmLeaderboard } from './csm-leaderboard';
import { TrackingChecklist } from './tracking-checklist';
import { PeriodPicker } from './period-picker';
import { InfoIconSymbol } from './explanation-panel';

/** "Dec 2025 – Nov 2026", or one month. */
export function periodLabel(from: string, to: string, locale: 'en' | 'fr'): string {
  return from === to ? formatMonth(from, locale) : `${formatMonth(from, locale, 'short')} – ${formatMonth(to, locale, 'short')}`;
}

/** The period bar: what is shown, what it is compared with, and the controls to change both. */
export async function DashboardToolbar({ scope }: { scope: DashboardScope }) {
  const [ctx, t, tPack] = await Promise.all([formatContext(scope), getTranslations('dashboard.period'), getTranslations('boardPacks.details')]);
  const { view } = scope;
  const fyStart = scope.grant.organization.fiscalYearStartMonth;
  const choices = periodChoices(scope.latestMonth ?? view.period.to, fyStart);
  const fyLabel = (year: number) => (fyStart === 1 ? t('fyCalendar', { year }) : t('fy', { from: formatMonth(`${year}-${String(fyStart).padStart(2, '0')}`, ctx.locale, 'short'), year }));
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('showing')}</p>
        <p className="text-lg font-semibold text-slate-900" data-testid="period-label">{periodLabel(view.period.from, view.period.to, ctx.locale)}</p>
        <p className="text-sm text-slate-600">
          {t(view.compare === 'last-year' ? 'comparedLastYear' : 'comparedPrevious', { period: periodLabel(view.comparison.from, view.comparison.to, ctx.locale) })}
          {(view.closedOnly || !scope.grant.includeDrafts) && ` · ${t('closedOnlyShort')}`}
        </p>
      </div>
      <PeriodPicker
        period={view.period.isDefault ? '' : view.period.value}
        compare={view.compare}
        closedOnly={view.closedOnly}
        showClosedToggle={scope.grant.includeDrafts}
        months={choices.months.map((m) => ({ value: `month:${m}`, label: formatMonth(m, ctx.locale) }))}
        quarters={choices.quarters.map((q) => ({ value: `quarter:${q}`, label: q.replace('-', ' ') }))}
        fiscalYears={choices.fiscalYears.map((y) => ({ value: `fy:${y}`, label: fyLabel(y) }))}
        range={{ from: view.period.from, to: view.period.to }}
      />
      {scope.grant.audience === 'board' ? null : (
        <a
          href={`/api/orgs/${scope.grant.organization.slug}/board-pack.pdf?from=${view.period.from}&to=${view.period.to}`}
          download
          className="btn-secondary"
          data-testid="dashboard-download-pdf"
        >
          {tPack('download')}
        </a>
      )}
    </div>
  );
}

/** Every section, each streamed on its own; the shared board renders the same. */
export async function DashboardSections({ scope }: { scope: DashboardScope }) {
  const t = await getTranslations('dashboard');
  const loading = t('loadingSection');
  return (
    <>
      <InfoIconSymbol />
      <div className="space-y-6">
        <Suspense fallback={<KpiSkeleton label={loading} />}>
          <KpiCards scope={scope} />
        </Suspense>
        <div className="grid gap-6 xl:grid-cols-2">
          <Suspense fallback={<SectionSkeleton height="h-96" label={loading} />}>
            <RoiOverTime scope={scope} />
          </Suspense>
          <Suspense fallback={<SectionSkeleton height="h-96" label={loading} />}>
            <GainsVsCost scope={scope} />
          </Suspense>
        </div>
        <Suspense fallback={<SectionSkeleton height="h-[28rem]" label={loading} />}>
          <Retention scope={scope} />
        </Suspense>
        <div className="grid gap-6 lg:grid-cols-2">
          <Suspense fallback={<SectionSkeleton label={loading} />}>
            <Efficiency scope={scope} />
          </Suspense>
          <Suspense fallback={<SectionSkeleton label={loading} />}>
            <LeadingIndicators scope={scope} />
          </Suspense>
        </div>
        <div className="grid gap-6">
          <Suspense fallback={<SectionSkeleton height="h-96" label={loading} />}>
            <CohortClv scope={scope} />
          </Suspense>
          {scope.grant.showLeaderboard && (
            <Suspense fallback={<SectionSkeleton height="h-96" label={loading} />}>
              <CsmLeaderboard scope={scope} />
            </Suspense>
          )}
        </div>
        <Suspense fallback={<SectionSkeleton height="h-64" label={loading} />}>
          <TrackingChecklist scope={scope} />
        </Suspense>
      </div>
    </>
  );
}
