import { getCaller } from '@/lib/auth/caller';
import { getSnapshotPdf } from '@/lib/data/snapshots';
import { apiError, apiErrorFrom } from '@/lib/http/api-error';
import { isAppError } from '@/lib/errors';

/**
 * GET /api/orgs/{slug}/board-packs/{id}/pdf — the snapshot's stored bytes, exactly as taken.
 * Signed-in members only; anyone else gets 404, so the route never confirms that a pack exists.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const caller = await getCaller();
  if (!caller) return apiError(404, 'NOT_FOUND', 'Not found.');
  try {
    const { pdf, title, checksum } = await getSnapshotPdf(caller, slug, id);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(`${title}.pdf`),
        'Content-Length': String(pdf.length),
        'Cache-Control': 'private, no-store',
        ETag: `"${checksum}"`,
      },
    });
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND') || isAppError(error, 'FORBIDDEN')) return apiError(404, 'NOT_FOUND', 'Not found.');
    return apiErrorFrom(error);
  }
}

/** An ASCII fallback name plus the exact UTF-8 one (RFC 6266), so accents survive the download. */
function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '').replace(/\s+/g, ' ').trim() || 'board-pack.pdf';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
