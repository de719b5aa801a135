import { expect, test, type Page } from '@playwright/test';
import { screenshot, signIn, signUp, uniqueEmail } from './support';

test.use({ locale: 'en-GB' });

const MONTH = '2026-03';

/** Every field of the monthly report, typed as a French CS leader would type them. */
const FIGURES: Record<string, string> = {
  'CSM headcount (FTE)': '4',
  'Loaded salaries': '20 000',
  'CS tools': '1 500,50',
  Training: '499,50',
  'Other direct costs': '0',
  'Management time': '0',
  'Infrastructure (offices, IT)': '0',
  'CSM recruiting': '0',
  'ARR at start of month': '2 000 000',
  'New business ARR': '10 000',
  'Customers at start': '120',
  'Customers managed by CS': '118',
  'Average health score (0–100)': '72',
  'Time to value (days)': '30',
  'New feature adoption (%)': '45',
};

async function fillMonth(page: Page) {
  for (const [label, value] of Object.entries(FIGURES)) await page.getByLabel(label, { exact: true }).fill(value);
}

test('an editor logs a complete month by hand, sees the preview, closes it; a second browser gets the conflict', async ({ page, browser }) => {
  const email = uniqueEmail('entry');
  await signUp(page, { name: 'Eva Entry', email, organization: 'Entry Works' });
  const slug = new URL(page.url()).pathname.split('/')[2]!;

  await page.goto(`/orgs/${slug}/months`);
  await page.getByLabel('Log or open a month').fill(MONTH);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/months/${MONTH}$`));

  // The preview runs the engine while typing: direct 22 000 × 1.3 = 28 600.
  await fillMonth(page);
  await expect(page.getByTestId('preview-csCost')).toContainText('€28,600');
  await expect(page.getByTestId('preview-csCost')).toContainText('Direct €22,000 × 1.3');
  await screenshot(page, 'entry-month-typed');

  // A bad value is refused with a message naming the field, and what was typed stays.
  await page.getByLabel('Average health score (0–100)', { exact: true }).fill('120');
  await page.getByRole('button', { name: 'Save figures' }).click();
  await expect(page.getByText('Enter a percentage between 0 and 100.')).toBeVisible();
  await expect(page.getByLabel('Loaded salaries', { exact: true })).toHaveValue('20 000');
  await page.getByLabel('Average health score (0–100)', { exact: true }).fill('72');
  await page.getByRole('button', { name: 'Save figures' }).click();
  await expect(page.getByText('Figures saved.')).toBeVisible();

  // A deal on an account created on the fly; the preview picks it up.
  await page.getByRole('button', { name: 'Log a deal' }).click();
  const deal = page.getByRole('form', { name: 'Log a deal' });
  await deal.getByLabel('Account').selectOption('__new__');
  await deal.getByLabel('New account name').fill('Société Nouvelle');
  await deal.getByLabel('Date').fill(`${MONTH}-15`);
  await deal.getByLabel('ARR added').fill('12 000');
  await deal.getByLabel('CS-sourced (100 %)').check();
  await deal.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('events-deal').getByRole('cell', { name: 'Société Nouvelle', exact: true })).toBeVisible();
  await expect(page.getByTestId('preview-expansionAttributable')).toContainText('€12,000');
  await screenshot(page, 'entry-month-saved');

  // A second browser opens the same month; the first saves a change; the second is refused.
  const other = await browser.newContext({ locale: 'en-GB' });
  const second = await other.newPage();
  await signIn(second, email);
  await expect(second).toHaveURL(/\/orgs\//);
  await second.goto(`/orgs/${slug}/months/${MONTH}`);
  await page.getByLabel('CS tools', { exact: true }).fill('1 600');
  await page.getByRole('button', { name: 'Save figures' }).click();
  await expect(page.getByText('Figures saved.')).toBeVisible();
  await second.getByLabel('Training', { exact: true }).fill('900');
  await second.getByRole('button', { name: 'Save figures' }).click();
  const conflict = second.getByTestId('month-conflict');
  await expect(conflict).toContainText('Eva Entry changed this month at');
  await expect(conflict).toContainText('reload');
  await conflict.scrollIntoViewIfNeeded();
  await screenshot(second, 'entry-month-conflict');
  await conflict.getByRole('button', { name: 'Reload', exact: true }).click();
  await expect(second.getByLabel('CS tools', { exact: true })).toHaveValue('1600');
  await other.close();

  // Closing locks the month: no form, no event controls; the history shows what happened.
  await page.reload();
  await page.getByRole('button', { name: 'Close month' }).click();
  await expect(page.getByTestId('month-closed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save figures' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Log a deal' })).toHaveCount(0);
  await expect(page.getByLabel('Reason for reopening')).toBeVisible();
  await expect(page.getByTestId('month-history')).toContainText('month.close');
  await screenshot(page, 'entry-month-closed');

  // The owner's audit log, reached from the months page.
  await page.goto(`/orgs/${slug}/months`);
  await expect(page.getByRole('row', { name: /March 2026/ })).toContainText('Closed');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit-log')).toContainText('deal.create');
  await screenshot(page, 'entry-audit-log');
});
