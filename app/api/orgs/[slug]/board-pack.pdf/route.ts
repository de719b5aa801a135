import type { NextRequest } from 'next/server';
import { getCaller } from '@/lib/auth/caller';
import { renderLivePack } from '@/lib/data/snapshots';
import { isAppError } from '@/lib/errors';
import { apiError, apiErrorFrom, apiValidationError } from '@/lib/http/api-error';
import { periodQuerySchema } from '@/lib/validation/period';

/**
 * GET /api/orgs/{slug}/board-pack.pdf?from=YYYY-MM&to=YYYY-MM — a live board pack of the dashboard's
 * period, rendered now and not stored (take a snapshot to freeze it). Signed-in members only; anyone
 * else gets 404. Renders queue one at a time per process, so this waits rather than piling up.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const caller = await getCaller();
  if (!caller) return apiError(404, 'NOT_FOUND', 'Not found.');
  const search = request.nextUrl.searchParams;
  const parsed = periodQuerySchema.safeParse({ from: search.get('from') ?? undefined, to: search.get('to') ?? undefined });
  if (!parsed.success) return apiValidationError(parsed.error);
  try {
    const { pdf, model } = await renderLivePack(caller, slug, parsed.data);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="board-pack-${slug}-${model.from}-${model.to}.pdf"`,
        'Content-Length': String(pdf.length),
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND') || isAppError(error, 'FORBIDDEN')) return apiError(404, 'NOT_FOUND', 'Not found.');
    return apiErrorFrom(error);
  }
}
