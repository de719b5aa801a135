import 'server-only';
import { cache } from 'react';
import Decimal from 'decimal.js';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { OrgAccess, OrgRef } from '@/lib/data/access';
import { computeOrgMetrics, latestLoggedMonth, resolveBaseline, type OrgMetrics } from '@/lib/data/metrics';
import { readMethodSettings } from '@/lib/data/method-settings';
import { roleAtLeast } from '@/lib/data/roles';
import { clv, cohortClv, addMonths, type ClvResult, type CohortAggregates } from '@/lib/metrics';
import { cohortAggregates } from '@/lib/queries/cohort-aggregates';
import { monthAggregates } from '@/lib/queries/month-aggregates';
import { attributionGaps, csmLeaderboard, type CsmLeaderboardRow } from '@/lib/queries/csm-leaderboard';
import { computeChecklist, type ChecklistItem } from '@/lib/dashboard/checklist';
import { parseDashboardView, type CohortGrain, type DashboardView, type SearchParams } from '@/lib/dashboard/period';
import { monthKey } from '@/lib/months';
import { cachedForOrganization } from '@/lib/cache/versioned-cache';

/**
 * Who may see which parts of an organisation's dashboard. Only two doors make one: a membership
 * (grantForMember, from orgAccess) or a valid share link (lib/data/share-links.ts). Every read below
 * takes it, so a section can never be asked for another organisation's figures.
 */
export type DashboardGrant = {
  organization: OrgRef;
  showLeaderboard: boolean;
  includeDrafts: boolean;
  /** In-app viewers get links to the data-entry pages; shared boards never do. */
  audience: 'member' | 'board';
};

export function grantForMember(access: OrgAccess): DashboardGrant {
  return { organization: access.organization, showLeaderboard: roleAtLeast(access.role, 'EDITOR'), includeDrafts: true, audience: 'member' };
}

/** What one request renders: the grant plus the view from the URL. */
export type DashboardScope = { grant: DashboardGrant; view: DashboardView; latestMonth: string | null; /** Where the view's links point: /orgs/<slug> or /board/<token>. */ basePath: string };

export const latestMonthOf = cache((organizationId: string) => latestLoggedMonth(organizationId));

const latestClosedMonthOf = cache(async (organizationId: string) => {
  const row = await db().monthlyReport.findFirst({ where: { organizationId, status: 'CLOSED' }, orderBy: { month: 'desc' }, select: { month: true } });
  return row ? monthKey(row.month) : null;
});

/**
 * The scope of one render, from the grant and the URL. The default period ends with the latest
 * month the reader may see: the latest closed one when drafts are hidden.
 */
export async function buildScope(grant: DashboardGrant, params: SearchParams, basePath: string): Promise<DashboardScope> {
  const hideDrafts = !grant.includeDrafts || params.closed === '1';
  const latestMonth = hideDrafts ? await latestClosedMonthOf(grant.organization.id) : await latestMonthOf(grant.organization.id);
  const view = parseDashboardView(params, { latestMonth: latestMonth ?? monthKey(new Date()), fiscalYearStartMonth: grant.organization.fiscalYearStartMonth });
  return { grant, view, latestMonth, basePath };
}

// Memoised per request: every section of one render shares one computation per period.
const orgMetrics = cache((organization: OrgRef, from: string, to: string, closedOnly: boolean) =>
  computeOrgMetrics(organization, { from, to }, { closedOnly }),
);

function closedOnly(scope: DashboardScope): boolean {
  return scope.view.closedOnly || !scope.grant.includeDrafts;
}

export function currentMetrics(scope: DashboardScope): Promise<OrgMetrics> {
  return orgMetrics(scope.grant.organization, scope.view.period.from, scope.view.period.to, closedOnly(scope));
}

export function comparisonMetrics(scope: DashboardScope): Promise<OrgMetrics> {
  return orgMetrics(scope.grant.organization, scope.view.comparison.from, scope.view.comparison.to, closedOnly(scope));
}

/** CLV over the period's months (the article's formula), from the shared computation. */
export async function periodClv(scope: DashboardScope, which: 'current' | 'comparison'): Promise<ClvResult> {
  const metrics = which === 'current' ? await currentMetrics(scope) : await comparisonMetrics(scope);
  return clv(metrics.months, metrics.settings);
}

export type CohortRow = { cohort: CohortAggregates; result: ClvResult };

export async function cohortTable(scope: DashboardScope, grain: CohortGrain): Promise<CohortRow[]> {
  const [metrics, cohorts] = await Promise.all([
    currentMetrics(scope),
    cachedForOrganization(scope.grant.organization.id, ['cohorts', scope.view.period.to, grain], () => cohortAggregates(scope.grant.organization.id, scope.view.period.to, grain)),
  ]);
  return cohorts.map((cohort) => ({ cohort, result: cohortClv(cohort, metrics.settings) }));
}

export async function leaderboard(scope: DashboardScope): Promise<CsmLeaderboardRow[]> {
  if (!scope.grant.showLeaderboard) throw new AppError('FORBIDDEN');
  const { id } = scope.grant.organization;
  const { from, to } = scope.view.period;
  return cachedForOrganization(id, ['leaderboard', from, to], () => csmLeaderboard(id, from, to));
}

/** The checklist is read at the latest logged month, whatever the period shown. */
export async function checklist(scope: DashboardScope): Promise<{ asOf: string | null; items: ChecklistItem[] }> {
  const organizationId = scope.grant.organization.id;
  const asOf = scope.latestMonth;
  const stored = await readMethodSettings(organizationId);
  const [baseline, months, gaps, activeShareLinks, viewerMembers] = await Promise.all([
    resolveBaseline(organizationId, stored),
    asOf ? cachedForOrganization(organizationId, ['checklist-months', asOf], () => monthAggregates(organizationId, addMonths(asOf, -11), asOf)) : Promise.resolve([]),
    // Counts over every account and the year's deals: cached, as they change only with the data.
    asOf
      ? cachedForOrganization(organizationId, ['attribution-gaps', asOf], () => attributionGaps(organizationId, asOf))
      : Promise.resolve({ activeAccounts: 0, activeAccountsWithoutCsm: 0, csDealsWithoutCsm: 0, cohortAccounts: 0 }),
    db().shareLink.count({ where: { organizationId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } }),
    db().membership.count({ where: { organizationId, role: 'VIEWER' } }),
  ]);
  const items = computeChecklist({
    asOf,
    months,
    baselineAnnualChurnPct: baseline.pct,
    indirectCostMode: stored.indirectCostMode,
    indirectCostCoefficient: new Decimal(stored.indirectCostCoefficient),
    ...gaps,
    activeShareLinks,
    viewerMembers,
  });
  return { asOf, items };
}
