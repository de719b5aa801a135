import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganization, makeUser } from '@/lib/seed/factories';
import { hashPassword } from '@/lib/auth/password';
import { hashShareToken, unlockShareLink } from '@/lib/data/share-links';
import { appDir, distDir, startServer, type RunningServer } from '@/bench/server';
import { testDb } from '../support/db';

/**
 * The shared board's page cache (lib/board-cache), through a production server: a board is served
 * from the cache only while nothing it shows has changed, only to whoever may see it, and every
 * view is counted. Needs the production build `npm test` makes before the integration suite.
 */
process.env.NEXT_DIST_DIR ??= '.next';
const port = Number(process.env.TENURE_MULTI_PROCESS_PORT ?? 3336) + 5;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const csCost = (html: string) => /data-testid="kpi-cs-cost-value"[^>]*>([^<]+)</.exec(html)?.[1];

type Board = { organizationId: string; token: string; linkId: string };

async function makeBoard(options: { password?: string } = {}): Promise<Board> {
  const prisma = testDb();
  const owner = await makeUser(prisma);
  const org = await makeOrganization(prisma, owner);
  for (const month of ['2026-01', '2026-02', '2026-03']) {
    await prisma.monthlyReport.create({ data: { organizationId: org.id, month: d(`${month}-01`), startArr: 1_000_000, startCustomers: 100, csmFte: 2, loadedSalaries: 10_000 } });
  }
  const token = randomBytes(32).toString('base64url');
  const link = await prisma.shareLink.create({
    data: {
      organizationId: org.id,
      target: 'DASHBOARD',
      label: 'Board',
      tokenHash: hashShareToken(token),
      passwordHash: options.password ? await hashPassword(options.password) : null,
      includeLeaderboard: false,
      includeDrafts: true,
    },
    select: { id: true },
  });
  return { organizationId: org.id, token, linkId: link.id };
}

describe('the shared board page cache', () => {
  let server: RunningServer;
  const view = (board: Board, init: RequestInit & { query?: string } = {}) => fetch(`${server.url}/board/${board.token}${init.query ?? ''}`, init);

  beforeAll(async () => {
    if (!existsSync(path.join(appDir(), distDir(), 'BUILD_ID'))) throw new Error(`No production build in ${path.join(appDir(), distDir())}: run \`npm run build\` first (npm test does).`);
    server = await startServer(process.env.DATABASE_URL!, port, randomBytes(32).toString('base64url'));
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('renders once, then serves the same page from the cache and counts every view', async () => {
    const board = await makeBoard();
    const first = await view(board);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-tenure-board-cache')).toBe('miss');
    const html = await first.text();
    expect(csCost(html)).toBeTruthy();
    const second = await view(board);
    expect(second.headers.get('x-tenure-board-cache')).toBe('hit');
    expect(await second.text()).toBe(html);
    // The security headers of the rendered page come with the cached one.
    expect(second.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(second.headers.get('content-type')).toContain('text/html');
    await view(board).then((r) => r.text());
    // Views within a second are written together, at the end of that second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const link = await testDb().shareLink.findUniqueOrThrow({ where: { id: board.linkId } });
    expect(link.viewCount).toBe(3);
    expect(link.lastViewedAt).not.toBeNull();
  }, 60_000);

  it('shows an edit on the very next view, and leaves other organisations’ pages alone', async () => {
    const [board, other] = [await makeBoard(), await makeBoard()];
    const before = await (await view(board)).text();
    const otherBefore = await (await view(other)).text();
    // A change made outside this server, as another app process would make it.
    await testDb().monthlyReport.updateMany({ where: { organizationId: board.organizationId, month: d('2026-03-01') }, data: { loadedSalaries: 50_000 } });
    const after = await view(board);
    expect(after.headers.get('x-tenure-board-cache')).toBe('miss');
    const afterHtml = await after.text();
    expect(csCost(afterHtml)).not.toBe(csCost(before));
    const otherAfter = await view(other);
    expect(otherAfter.headers.get('x-tenure-board-cache')).toBe('hit');
    expect(await otherAfter.text()).toBe(otherBefore);
  }, 60_000);

  it('answers 404 the moment a cached link is revoked or expires', async () => {
    const [revoked, expired] = [await makeBoard(), await makeBoard()];
    for (const board of [revoked, expired]) {
      await (await view(board)).text();
      expect((await view(board)).headers.get('x-tenure-board-cache')).toBe('hit');
    }
    await testDb().shareLink.update({ where: { id: revoked.linkId }, data: { revokedAt: new Date() } });
    await testDb().shareLink.update({ where: { id: expired.linkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const board of [revoked, expired]) {
      const response = await view(board);
      expect(response.status).toBe(404);
      expect(response.headers.get('x-tenure-board-cache')).toBeNull();
      expect(csCost(await response.text())).toBeUndefined();
    }
  }, 60_000);

  it('serves a password-protected board only to a browser that gave the password', async () => {
    const board = await makeBoard({ password: 'board secret 42' });
    const result = await unlockShareLink(board.token, 'board secret 42');
    if (!result?.ok) throw new Error('unlock failed');
    const unlocked = { headers: { cookie: `tenure-board=${result.proof}` } };
    expect(csCost(await (await view(board, unlocked)).text())).toBeTruthy();
    expect((await view(board, unlocked)).headers.get('x-tenure-board-cache')).toBe('hit');
    for (const cookie of ['', `tenure-board=${result.proof}x`, 'tenure-board=forged']) {
      const response = await view(board, { headers: { cookie } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-tenure-board-cache')).toBeNull();
      const html = await response.text();
      expect(html).toContain('type="password"');
      expect(csCost(html)).toBeUndefined();
    }
  }, 60_000);

  it('keeps each language and each period apart', async () => {
    const board = await makeBoard();
    const en = await (await view(board, { headers: { cookie: 'tenure-locale=en' } })).text();
    const fr = await (await view(board, { headers: { cookie: 'tenure-locale=fr' } })).text();
    expect(en).toContain('<html lang="en"');
    expect(fr).toContain('<html lang="fr"');
    const browserFr = await view(board, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(browserFr.headers.get('x-tenure-board-cache')).toBe('hit');
    expect(await browserFr.text()).toBe(fr);
    const january = await view(board, { query: '?period=month:2026-01', headers: { cookie: 'tenure-locale=en' } });
    expect(january.headers.get('x-tenure-board-cache')).toBe('miss');
    expect(csCost(await january.text())).not.toBe(csCost(en));
  }, 60_000);
});
