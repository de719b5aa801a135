import { getCaller } from '@/lib/auth/caller';
import { exportOrganization } from '@/lib/data/organization-export';
import { apiError, apiErrorFrom } from '@/lib/http/api-error';

/** GET /api/orgs/{slug}/export.zip — all of the organisation's data, for its owners. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const caller = await getCaller();
  if (!caller) return apiError(401, 'UNAUTHENTICATED', 'Sign in to export data.');
  try {
    const { filename, zip } = await exportOrganization(caller, (await params).slug);
    return new Response(Buffer.from(zip), {
      headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' },
    });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
