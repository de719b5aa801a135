import { getLocale, getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { roleAtLeast } from '@/lib/data/roles';
import { listCsmsPage } from '@/lib/data/entries/csms';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { PageHeader } from '@/components/ui/page-header';
import { CsmRows } from '@/components/entry/editable-rows';

const day = (d: string, locale: Locale) => formatDate(new Date(`${d}T00:00:00Z`), locale);

export default async function TeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/team`);
  const [page, t, locale] = await Promise.all([listCsmsPage(access.caller, slug, { limit: 500 }), getTranslations('team'), getLocale() as Promise<Locale>]);
  const canEdit = roleAtLeast(access.role, 'EDITOR');
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      {page.rows.length === 0 && !canEdit ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t('empty')}</p>
      ) : (
        <CsmRows
          slug={slug}
          caption={t('title')}
          addLabel={t('add')}
          canEdit={canEdit}
          headers={[{ label: t('name') }, { label: t('email') }, { label: t('startDate') }, { label: t('endDate') }, { label: t('accounts'), numeric: true }]}
          rows={page.rows.map((c) => ({
            ...c,
            cells: [<span key="n" className="font-medium">{c.name}</span>, c.email ?? '—', day(c.startDate, locale), c.endDate ? day(c.endDate, locale) : '—', c.accountCount],
          }))}
        />
      )}
    </>
  );
}
