import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { buildScope, grantForMember } from '@/lib/data/dashboard-data';
import type { SearchParams } from '@/lib/dashboard/period';
import { PageHeader } from '@/components/ui/page-header';
import { DashboardSections, DashboardToolbar } from '@/components/dashboard/dashboard-view';

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const [query, t] = await Promise.all([searchParams, getTranslations('dashboard')]);
  const scope = await buildScope(grantForMember(access), query, `/orgs/${slug}`);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={`${t('title')} · ${access.organization.name}`} />
        {access.role === 'OWNER' && (
          <Link href={`/orgs/${slug}/sharing`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50" data-testid="share-board">
            {t('shareWithBoard')}
          </Link>
        )}
      </div>
      {access.organization.isDemo && <p className="mb-6 rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900">{t('demoBanner')}</p>}
      {scope.latestMonth === null && (
        <p className="mb-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t('empty')}{' '}
          {access.role !== 'VIEWER' && <Link className="font-medium text-indigo-700 underline" href={`/orgs/${slug}/months`}>{t('logFirstMonth')}</Link>}
        </p>
      )}
      <DashboardToolbar scope={scope} />
      <DashboardSections scope={scope} />
    </>
  );
}
