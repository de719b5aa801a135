import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_EMAIL } from '../lib/seed/demo';
import { demoPassword, screenshot, signIn } from './support';

test.use({ locale: 'en-GB' });

const BASE = () => test.info().project.use.baseURL ?? 'http://localhost:3000';

async function signInAsDemo(page: Page) {
  await signIn(page, DEMO_EMAIL, demoPassword());
  await expect(page).toHaveURL(/\/orgs\/[a-z0-9-]+/, { timeout: 15_000 });
}

/** A board member's browser: no session, no cookies. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  return context.newPage();
}

async function createBoardLink(page: Page, options: { label: string; password?: string; leaderboard?: boolean }): Promise<string> {
  await page.goto('/orgs/demo/sharing');
  await page.getByLabel('Name').fill(options.label);
  if (options.password) await page.getByLabel('Password (optional)').fill(options.password);
  if (options.leaderboard) await page.getByLabel('Show the CSM leaderboard').check();
  await page.getByRole('button', { name: 'Create the link' }).click();
  const field = page.getByTestId('share-link-url');
  await expect(field).toHaveValue(/\/board\/[A-Za-z0-9_-]{43}$/);
  return field.inputValue();
}

test('the demo dashboard shows the case study: ROI ≈ 80 % and churn avoided ≈ 270 k€', async ({ page }) => {
  await signInAsDemo(page);
  await page.goto('/orgs/demo');
  await expect(page.getByTestId('kpi-roi-value')).toHaveText('80%');
  await expect(page.getByTestId('kpi-churn-avoided-value')).toHaveText('€270k');
  await expect(page.getByTestId('kpi-expansion-value')).toHaveText('€180k');
  await expect(page.getByTestId('kpi-cs-cost-value')).toHaveText('€250k');
  await expect(page.getByRole('heading', { name: 'ROI over time' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The 10-point ROI tracking checklist' })).toBeVisible();
  await expect(page.getByTestId('leaderboard')).toBeVisible();
});

test('changing the period changes the URL and the figures', async ({ page }) => {
  await signInAsDemo(page);
  await page.goto('/orgs/demo');
  const churn = page.getByTestId('kpi-churn-avoided-value');
  await expect(churn).toHaveText('€270k');
  const picker = page.getByLabel('Period', { exact: true });
  const quarter = await picker.locator('optgroup[label="Quarters"] option').nth(1).getAttribute('value');
  await picker.selectOption(quarter!);
  await expect(page).toHaveURL(new RegExp(`period=${encodeURIComponent(quarter!)}`));
  await expect(churn).not.toHaveText('€270k');
  await page.getByLabel('Compare with').selectOption('last-year');
  await expect(page).toHaveURL(/compare=last-year/);
  // A copied link reproduces the view.
  const copied = page.url();
  await page.goto('/orgs/demo');
  await page.goto(copied);
  await expect(picker).toHaveValue(quarter!);
  await expect(churn).not.toHaveText('€270k');
  // Nonsense in the URL falls back to the default period, never an error.
  await page.goto('/orgs/demo?period=month:2026-13&compare=yesterday');
  await expect(churn).toHaveText('€270k');
});

test('every figure opens its explanation, with the keyboard too', async ({ page }) => {
  await signInAsDemo(page);
  await page.goto('/orgs/demo');
  const explanation = page.getByTestId('explain-churnAvoided').first();
  await explanation.locator('summary').focus();
  await page.keyboard.press('Enter');
  const panel = explanation.getByRole('note');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Formula');
  await expect(panel).toContainText('Baseline annual churn');
  await screenshot(page, 'dashboard-explanation');
});

test('an owner shares the board; a fresh browser opens it without signing in; revoked, it answers 404', async ({ page, browser }) => {
  await signInAsDemo(page);
  const label = `Board ${Date.now()}`;
  const link = await createBoardLink(page, { label });

  const board = await freshPage(browser);
  const response = await board.goto(link);
  expect(response?.status()).toBe(200);
  await expect(board.getByTestId('board-organization')).toHaveText(/Démo/);
  await expect(board.getByTestId('kpi-roi-value')).toHaveText('80%');
  await expect(board.getByTestId('leaderboard')).toHaveCount(0);
  await expect(board.locator('.recharts-surface').first()).toBeVisible();
  await expect(board.getByRole('link', { name: 'Monthly figures' })).toHaveCount(0);
  await expect(board.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await screenshot(board, 'board-shared-view');
  // The board's client components get their messages too: an explanation opens, worded.
  const explanation = board.getByTestId('explain-churnAvoided').first();
  await explanation.locator('summary').click();
  await expect(explanation.getByRole('note')).toContainText('Formula');
  await expect(board.getByText('Show the figures as a table').first()).toBeVisible();

  await page.goto('/orgs/demo/sharing');
  const row = page.getByTestId(`share-link-${label}`);
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: `Revoke the link “${label}”` }).click();
  await expect(row).toContainText('Revoked');
  await screenshot(page, 'sharing-page');

  const after = await board.goto(link);
  expect(after?.status()).toBe(404);
  await board.context().close();
});

test('a password-protected link asks for its password first', async ({ page, browser }) => {
  await signInAsDemo(page);
  const link = await createBoardLink(page, { label: `Protected ${Date.now()}`, password: 'the board password', leaderboard: true });

  const board = await freshPage(browser);
  await board.goto(link);
  await expect(board.getByLabel('Password')).toBeVisible();
  await expect(board.getByTestId('kpi-roi-value')).toHaveCount(0);
  await screenshot(board, 'board-password');
  await board.getByLabel('Password').fill('not the password');
  await board.getByRole('button', { name: 'Open the dashboard' }).click();
  await expect(board.getByText('Wrong password.')).toHaveAttribute('role', 'alert');
  await board.getByLabel('Password').fill('the board password');
  await board.getByRole('button', { name: 'Open the dashboard' }).click();
  await expect(board.getByTestId('kpi-roi-value')).toHaveText('80%');
  await expect(board.getByTestId('leaderboard')).toBeVisible();
  await board.context().close();
});

test('screenshots: the dashboard in English and French at 1440, 1024 and 390 px', async ({ page }) => {
  await signInAsDemo(page);
  for (const locale of ['en', 'fr'] as const) {
    await page.context().addCookies([{ name: 'tenure-locale', value: locale, url: BASE() }]);
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/orgs/demo');
      await expect(page.getByTestId('kpi-roi-value')).toHaveText(locale === 'fr' ? '80 %' : '80%');
      await expect(page.getByTestId('checklist-score')).toBeVisible();
      // Charts draw once their container is measured: wait for them before the picture.
      await expect(page.locator('.recharts-surface')).toHaveCount(6);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `no horizontal scrolling at ${width}px`).toBeLessThanOrEqual(0);
      await screenshot(page, `dashboard-${locale}-${width}`);
    }
  }
});
