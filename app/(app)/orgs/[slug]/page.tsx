import { getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { PageHeader } from '@/components/ui/page-header';

export default async function DashboardPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const t = await getTranslations('dashboard');
  return (
    <>
      <PageHeader title={`${t('title')} · ${access.organization.name}`} />
      {access.organization.isDemo && <p className="mb-6 rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900">{t('demoBanner')}</p>}
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t('empty')}</p>
    </>
  );
}
