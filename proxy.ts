import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import type { NextFetchEvent, NextRequest } from 'next/server';
import { serveBoard } from '@/lib/board-cache/serve-board';

// Signed-out visitors of the signed-in area go to sign-in (pages check membership themselves).
const signedInArea = withAuth({ pages: { signIn: '/sign-in' } });

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  // A shared board page (not its PDF): counted, and served from the page cache when it can be.
  if (/^\/board\/[^/]+\/?$/.test(request.nextUrl.pathname)) return serveBoard(request);
  return signedInArea(request as NextRequestWithAuth, event);
}

export const config = { matcher: ['/orgs/:path*', '/board/:token'] };
