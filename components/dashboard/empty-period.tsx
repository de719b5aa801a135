import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { DashboardScope } from '@/lib/data/dashboard-data';
import { Guidance } from './section';

/** What a section says when the period has no logged month: where to log one (members only). */
export async function EmptyPeriod({ scope }: { scope: DashboardScope }) {
  const t = await getTranslations('dashboard');
  if (scope.latestMonth === null) {
    return (
      <Guidance>
        {t('empty')}{' '}
        {scope.grant.audience === 'member' && <Link className="font-medium text-indigo-700 underline" href={`/orgs/${scope.grant.organization.slug}/months`}>{t('logFirstMonth')}</Link>}
      </Guidance>
    );
  }
  return <Guidance>{t('noMonthsInPeriod')}</Guidance>;
}

export async function DraftNote({ draftMonths }: { draftMonths: string[] }) {
  if (draftMonths.length === 0) return null;
  const t = await getTranslations('dashboard');
  return <p className="mt-2 text-xs text-slate-500">{t('draftNote')}</p>;
}
