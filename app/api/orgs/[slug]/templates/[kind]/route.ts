import { getLocale } from 'next-intl/server';
import { getCaller } from '@/lib/auth/caller';
import { orgAccess } from '@/lib/data/access';
import { apiError, apiErrorFrom } from '@/lib/http/api-error';
import { templateCsv } from '@/lib/import/csv';
import { csvLanguage, csvResponse } from '@/lib/import/csv-response';
import { isImportKind } from '@/lib/import/kinds';

/** GET /api/orgs/{slug}/templates/{kind}?lang=fr|en — an empty CSV the import reads, with an example row. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; kind: string }> }) {
  const caller = await getCaller();
  if (!caller) return apiError(401, 'UNAUTHENTICATED', 'Sign in to download templates.');
  const { slug, kind } = await params;
  if (!isImportKind(kind)) return apiError(404, 'NOT_FOUND', 'Not found.');
  try {
    await orgAccess(caller, slug, 'VIEWER');
    const language = csvLanguage(new URL(request.url), await getLocale());
    return csvResponse(templateCsv(kind, language), `tenure-${kind}-template-${language}.csv`);
  } catch (error) {
    return apiErrorFrom(error);
  }
}
