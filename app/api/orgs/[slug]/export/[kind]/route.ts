import { getLocale } from 'next-intl/server';
import { getCaller } from '@/lib/auth/caller';
import { apiError, apiErrorFrom } from '@/lib/http/api-error';
import { csvLanguage, csvResponse } from '@/lib/import/csv-response';
import { exportCsv } from '@/lib/import/export';
import { isImportKind } from '@/lib/import/kinds';

/** GET /api/orgs/{slug}/export/{kind}?lang=fr|en — a list as CSV, in the import's format (members only). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; kind: string }> }) {
  const caller = await getCaller();
  if (!caller) return apiError(401, 'UNAUTHENTICATED', 'Sign in to export.');
  const { slug, kind } = await params;
  if (!isImportKind(kind)) return apiError(404, 'NOT_FOUND', 'Not found.');
  try {
    const csv = await exportCsv(caller, slug, kind, csvLanguage(new URL(request.url), await getLocale()));
    return csvResponse(csv, `${slug}-${kind}-${new Date().toISOString().slice(0, 10)}.csv`);
  } catch (error) {
    return apiErrorFrom(error);
  }
}
