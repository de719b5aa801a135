import { getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { IMPORT_KINDS, isImportKind } from '@/lib/import/kinds';
import { PageHeader } from '@/components/ui/page-header';
import { ImportWizard } from '@/components/integrations/import-wizard';

export default async function ImportPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ kind?: string }> }) {
  const { slug } = await params;
  const { kind } = await searchParams;
  await pageAccess(slug, 'EDITOR', `/orgs/${slug}/import`);
  const t = await getTranslations('import');
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <ImportWizard slug={slug} initialKind={kind && isImportKind(kind) ? kind : 'months'} />
      <section className="card">
        <h2 className="text-lg font-semibold text-slate-900">{t('exportTitle')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('exportIntro')}</p>
        <ul className="mt-3 flex flex-wrap gap-3 text-sm">
          {IMPORT_KINDS.map((k) => (
            <li key={k}><a className="btn-secondary" href={`/api/orgs/${slug}/export/${k}`} download>{t(`kinds.${k}`)}</a></li>
          ))}
        </ul>
      </section>
    </div>
  );
}
