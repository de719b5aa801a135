import { cookies } from 'next/headers';
import { BOARD_PROOF_COOKIE, isUnlocked, openSnapshotShareLink } from '@/lib/data/share-links';
import { getSharedSnapshotPdf } from '@/lib/data/snapshots';
import { apiError } from '@/lib/http/api-error';

/**
 * GET /board/{token}/pdf — the stored PDF bytes of the snapshot a board link shares. Unknown,
 * revoked or expired links, dashboard links and locked password links all answer 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await openSnapshotShareLink(token);
  if (!link || !(await isUnlocked(token, (await cookies()).get(BOARD_PROOF_COOKIE)?.value))) return apiError(404, 'NOT_FOUND', 'Not found.');
  const stored = await getSharedSnapshotPdf(link);
  if (!stored) return apiError(404, 'NOT_FOUND', 'Not found.');
  const name = `${stored.title}.pdf`;
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '').replace(/\s+/g, ' ').trim() || 'board-pack.pdf';
  return new Response(new Uint8Array(stored.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Content-Length': String(stored.pdf.length),
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
      ETag: `"${stored.checksum}"`,
    },
  });
}
