import 'server-only';
import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import pLimit from 'p-limit';
import { BOARD_PROOF_COOKIE, openBoard } from '@/lib/data/share-links';
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/locales';
import { monthKey } from '@/lib/months';
import { cachedBoardPage, type CachedPage } from './page-cache';
import { countBoardView } from './view-counter';

/** Marks this process's own render requests, which go straight to the page. Never leaves the process. */
const RENDER_HEADER = 'x-tenure-board-render';
const renderSecret = randomBytes(24).toString('base64url');

/** Headers of the rendered page that belong to one response only, or that this module sets itself. */
const NOT_REPLAYED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'set-cookie']);

/** Longer queries are not cached: they are not what the board's own controls produce. */
const MAX_CACHED_QUERY = 300;

/**
 * Board views handled at once by this process; the rest wait their turn, first come first served.
 * Without this, 200 viewers arriving together all start at once and interleave on the event loop:
 * every other request (an owner's board pack, an editor's save) then waits behind each step of all
 * 200, and the slowest viewers wait longest. The cached path costs a few milliseconds of CPU and
 * one indexed read; 16 at once keep the process busy while some of them wait on PostgreSQL.
 */
const boardSlots = pLimit(16);

/** This server's own address (Next sets both when `next start` listens). */
const selfOrigin = () => process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

/** The query as the page reads it, in a stable order, without Next's cache-busting parameter. */
function normalisedQuery(request: NextRequest): string {
  const params = [...request.nextUrl.searchParams].filter(([name]) => name !== '_rsc').sort(([a], [b]) => a.localeCompare(b));
  return new URLSearchParams(params).toString();
}

/** Renders the page through this same server, with only what the page reads from the request. */
async function renderThroughSelf(request: NextRequest, locale: string, proof: string | undefined): Promise<CachedPage | null> {
  const url = new URL(request.nextUrl.pathname + request.nextUrl.search, selfOrigin());
  const cookies = [`${LOCALE_COOKIE}=${locale}`, ...(proof ? [`${BOARD_PROOF_COOKIE}=${proof}`] : [])];
  const headers: Record<string, string> = { [RENDER_HEADER]: renderSecret, cookie: cookies.join('; '), 'accept-encoding': 'identity' };
  const forwardedProto = request.headers.get('x-forwarded-proto');
  if (forwardedProto) headers['x-forwarded-proto'] = forwardedProto;
  const response = await fetch(url, { headers, redirect: 'manual', cache: 'no-store' });
  if (response.status !== 200) return null;
  const body = new Uint8Array(await response.arrayBuffer());
  const replayed = [...response.headers].filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase()));
  return { body, headers: replayed, renderedAt: Date.now() };
}

/**
 * The proxy's part of a shared board (`GET /board/{token}`). A board is the same page for every
 * viewer of a link, so a live, unlocked link's page is served from a per-process cache keyed by the
 * link and its settings, the organisation's data version (bumped in the same transaction as any
 * change to its figures), the language and the query: an edit shows on the very next request, and
 * 200 board members opening the link at once cost one render. Views are counted here, cached or
 * not. Everything else (unknown, revoked or expired links, the password form, client-side
 * navigations, server actions, this process's own render) goes to the page, which decides.
 */
export async function serveBoard(request: NextRequest): Promise<NextResponse> {
  if (request.method !== 'GET' || request.headers.get(RENDER_HEADER) === renderSecret) return NextResponse.next();
  return boardSlots(() => serveBoardInTurn(request));
}

async function serveBoardInTurn(request: NextRequest): Promise<NextResponse> {
  const token = request.nextUrl.pathname.split('/')[2] ?? '';
  const proof = request.cookies.get(BOARD_PROOF_COOKIE)?.value;
  const board = await openBoard(token, proof);
  if (!board) return NextResponse.next();
  const prefetch = request.headers.has('next-router-prefetch');
  if (!prefetch) await countBoardView(board.linkId);
  const query = normalisedQuery(request);
  // The dev server renders every time: code changes must show without a data change.
  if (prefetch || request.headers.has('rsc') || query.length > MAX_CACHED_QUERY || process.env.NODE_ENV !== 'production') return NextResponse.next();

  const locale = resolveLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language'));
  const key = [board.linkId, board.variant, board.dataVersion, locale, monthKey(new Date()), query].join('|');
  let rendered = false;
  const page = await cachedBoardPage(key, () => {
    rendered = true;
    return renderThroughSelf(request, locale, proof);
  });
  if (!page) return NextResponse.next();

  const response = new NextResponse(page.body, { status: 200 });
  for (const [name, value] of page.headers) response.headers.set(name, value);
  // For operators and tests: whether this request rendered the page or found it cached.
  response.headers.set('x-tenure-board-cache', rendered ? 'miss' : 'hit');
  return response;
}
