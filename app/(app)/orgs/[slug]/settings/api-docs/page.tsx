import Link from 'next/link';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { pageAccess } from '@/lib/auth/page-access';
import { openApiDocument } from '@/lib/api/openapi';
import { API_RATE_LIMIT } from '@/lib/api/limits';
import { PageHeader } from '@/components/ui/page-header';
import { CodeBlock } from '@/components/integrations/code-block';
import { ApiEndpoints } from '@/components/integrations/api-endpoints';

const STATUSES = ['400', '401', '403', '404', '409', '413', '422', '429'] as const;

export default async function ApiDocsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug, 'VIEWER', `/orgs/${slug}/settings/api-docs`);
  const h = await headers();
  const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost:3000'}`;
  const base = `${origin}/api/v1/orgs/${slug}`;
  const t = await getTranslations('apiDocs');
  const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
  const examples = [
    { title: t('exampleMonth'), code: `curl -X PUT ${base}/months/2026-03 \\\n  -H "Authorization: Bearer $TENURE_TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"csmFte": 4, "loadedSalaries": "30000", "toolsCost": "2000", "trainingCost": "500",\n       "otherDirectCost": "0", "indirectManagementCost": "3000", "indirectInfrastructureCost": "1000",\n       "indirectRecruitingCost": "0", "startArr": "1200000", "newBusinessArr": "40000",\n       "startCustomers": 120, "managedClients": 120}'` },
    { title: t('exampleDeal'), code: `curl -X POST ${base}/deals \\\n  -H "Authorization: Bearer $TENURE_TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"externalId": "crm-deal-4711", "accountExternalId": "crm-acc-42", "date": "2026-03-10",\n       "type": "UPSELL", "arrAdded": "12000", "attribution": "CS_INFLUENCED", "attributionPct": 50}'` },
    { title: t('exampleList'), code: `curl "${base}/deals?month=2026-03&limit=100" \\\n  -H "Authorization: Bearer $TENURE_TOKEN"` },
    { title: t('exampleMetrics'), code: `curl "${base}/metrics?from=2026-01&to=2026-12" \\\n  -H "Authorization: Bearer $TENURE_TOKEN"` },
  ];
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} intro={t('intro')} />
      <section className="card space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">{t('authTitle')}</h2>
        <p className="text-sm text-slate-700">{t('authBody')}</p>
        {access.role === 'OWNER' && <p className="text-sm"><Link className="text-indigo-700 underline" href={`/orgs/${slug}/settings/api-tokens`}>{t('manageTokens')}</Link></p>}
        <CodeBlock>{'Authorization: Bearer tnr_…'}</CodeBlock>
        <p className="text-sm text-slate-700">{t('conventions', { limit: API_RATE_LIMIT.limit })}</p>
        <p className="text-sm"><a className="text-indigo-700 underline" href="/api/v1/openapi.json">{t('openapi')}</a></p>
      </section>
      <section className="card space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">{t('endpointsTitle')}</h2>
        <ApiEndpoints paths={doc.paths} caption={t('endpointsTitle')} />
      </section>
      <section className="card space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">{t('examplesTitle')}</h2>
        {examples.map((example) => (
          <div key={example.title} className="space-y-1">
            <h3 className="text-sm font-medium text-slate-900">{example.title}</h3>
            <CodeBlock label={example.title}>{example.code}</CodeBlock>
          </div>
        ))}
      </section>
      <section className="card space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">{t('errorsTitle')}</h2>
        <CodeBlock>{'{ "error": { "code": "INVALID", "message": "loadedSalaries: …", "fields": { "loadedSalaries": ["…"] } } }'}</CodeBlock>
        <dl className="grid grid-cols-[4rem_1fr] gap-x-3 gap-y-1 text-sm">
          {STATUSES.map((status) => (
            <div key={status} className="contents">
              <dt className="font-mono">{status}</dt>
              <dd className="text-slate-700">{t(`status${status}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
