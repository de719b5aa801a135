import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { serveBoard } from '@/lib/board-cache/serve-board';
import { malformedActionRefusal } from '@/lib/http/action-body';
import { crossSiteRefusal } from '@/lib/http/same-origin';

// Signed-out visitors of the signed-in area go to sign-in (pages check membership themselves).
const signedInArea = withAuth({ pages: { signIn: '/sign-in' } });

const inSignedInArea = (pathname: string) => pathname === '/orgs' || pathname.startsWith('/orgs/');
// A shared board page (not its PDF).
const isBoardPage = (pathname: string) => /^\/board\/[^/]+\/?$/.test(pathname);

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  // Cross-site writes first: a forged action or API write gets a clean 403, signed in or not.
  const refusal = crossSiteRefusal({ method: request.method, headers: request.headers, pathname: request.nextUrl.pathname });
  if (refusal) return refusal;
  // A server action body Next's decoder could not read gets a 400 here instead of a 500 there.
  const malformed = await malformedActionRefusal(request);
  if (malformed) return malformed;
  if (inSignedInArea(request.nextUrl.pathname)) return signedInArea(request as NextRequestWithAuth, event);
  // Counted, and served from the board page cache when it can be.
  if (isBoardPage(request.nextUrl.pathname)) return serveBoard(request);
  return NextResponse.next();
}

export const config = {
  matcher: [
    '/orgs/:path*',
    '/board/:token',
    // Server actions can be posted to any page: every request carrying Next-Action comes here.
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
    // Cookie-authenticated route handlers (bearer-token API calls are left alone).
    { source: '/api/:path*', missing: [{ type: 'header', key: 'authorization' }] },
  ],
};
