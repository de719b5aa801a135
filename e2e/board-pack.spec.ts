import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_EMAIL } from '../lib/seed/demo';
import { demoPassword, screenshot, signIn } from './support';

test.use({ locale: 'en-GB' });
// A cold render (worker start, fonts) can take several seconds on a busy machine.
test.setTimeout(120_000);

async function signInAsDemo(page: Page) {
  await signIn(page, DEMO_EMAIL, demoPassword());
  await expect(page).toHaveURL(/\/orgs\/[a-z0-9-]+/, { timeout: 15_000 });
}

/** A board member's browser: no session, no cookies. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  return context.newPage();
}

test('an owner creates a board pack, downloads its PDF and shares it with the board', async ({ page, browser }) => {
  await signInAsDemo(page);
  await page.goto('/orgs/demo/board-packs');
  await expect(page.getByRole('heading', { name: 'Board packs', level: 1 })).toBeVisible();
  await expect(page.getByLabel('From')).toHaveValue('2025-12');
  await expect(page.getByLabel('To')).toHaveValue('2026-11');
  await screenshot(page, 'board-pack-1-form');

  // Generating shows progress, then the new snapshot's page opens.
  await page.getByTestId('create-board-pack').click();
  await expect(page.getByRole('status').filter({ hasText: 'Generating the PDF' })).toBeVisible();
  await screenshot(page, 'board-pack-2-generating');
  await expect(page).toHaveURL(/\/orgs\/demo\/board-packs\/[0-9a-f-]{36}$/, { timeout: 90_000 });
  await expect(page.getByTestId('changed-months')).toHaveText('No month has changed since this pack was taken.');
  const checksum = (await page.getByTestId('board-pack-checksum').textContent())?.trim() ?? '';
  expect(checksum).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('snapshot-figures')).toContainText('80');
  await screenshot(page, 'board-pack-3-snapshot');

  // The stored PDF: through the browser's download, and its headers.
  const download = page.waitForEvent('download');
  await page.getByTestId('download-board-pack').click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(20_000);
  const href = (await page.getByTestId('download-board-pack').getAttribute('href'))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(Buffer.compare(await response.body(), bytes)).toBe(0);

  // Share it: the link is shown once.
  await page.getByLabel('Name').fill('Board meeting, December');
  await page.getByTestId('share-board-pack').click();
  const field = page.getByTestId('snapshot-share-link-url');
  await expect(field).toHaveValue(/\/board\/[A-Za-z0-9_-]{43}$/);
  const link = await field.inputValue();
  await page.reload();
  await expect(page.getByTestId('snapshot-share-links')).toContainText('Board meeting, December');
  await screenshot(page, 'board-pack-4-shared');

  // A board member with no account: the frozen figures and the same PDF bytes, read-only.
  const board = await freshPage(browser);
  await board.goto(link);
  await expect(board.getByTestId('shared-snapshot-title')).toContainText('Rapport au board'); // the demo organisation's packs are French
  await expect(board.getByTestId('snapshot-figures')).toContainText('80');
  await expect(board.getByRole('button')).toHaveCount(0);
  await screenshot(board, 'board-pack-5-board-view');
  const shared = await board.request.get((await board.getByTestId('shared-snapshot-download').getAttribute('href'))!);
  expect(shared.status()).toBe(200);
  expect(shared.headers()['content-type']).toBe('application/pdf');
  expect(Buffer.compare(await shared.body(), bytes)).toBe(0);

  // Revoked: the board view and its PDF are gone.
  await page.getByRole('button', { name: 'Revoke the link “Board meeting, December”' }).click();
  await expect(page.getByTestId('snapshot-share-links')).toContainText('Revoked');
  expect((await board.goto(link))?.status()).toBe(404);
  expect((await board.request.get(`${link}/pdf`)).status()).toBe(404);
  await board.context().close();
});

test('the dashboard downloads a live PDF of the period it shows', async ({ page }) => {
  await signInAsDemo(page);
  await page.goto('/orgs/demo');
  const link = page.getByTestId('dashboard-download-pdf');
  await expect(link).toHaveAttribute('href', '/api/orgs/demo/board-pack.pdf?from=2025-12&to=2026-11');
  await screenshot(page, 'board-pack-6-dashboard-toolbar');
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).length).toBeGreaterThan(20_000);
});
