import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, screenshot, signUp, uniqueEmail } from './support';

const HEADER = 'Mois;ETP CSM;Salaires chargés;Coût des outils;Coût de formation;Autres coûts directs;Coût indirect de management;Coût indirect d’infrastructure;Coût indirect de recrutement;ARR en début de mois;ARR nouveaux clients;Clients en début de mois;Clients gérés';

/** 24 months of figures, French style (semicolons, decimal commas); `bad` replaces some lines. */
function monthsCsv(bad: Record<number, string> = {}): string {
  const lines = Array.from({ length: 24 }, (_, i) => {
    const month = `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return bad[i] ?? `${month};4;30 000,50;2000;500;0;3000;1000;0;${1_200_000 + i * 10_000};40000;${120 + i};${120 + i}`;
  });
  return [HEADER, ...lines].join('\n');
}

async function chooseFile(page: Page, content: string) {
  await page.getByLabel('CSV file').setInputFiles({ name: 'months.csv', mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeVisible();
  // French headers were matched without help.
  await expect(page.getByLabel('Loaded salaries *')).toHaveValue('2');
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('heading', { name: 'Preview' })).toBeVisible();
}

test('an editor imports 24 months with two bad rows, sees both reasons, fixes the file and imports it', async ({ page, browser }) => {
  await signUp(page, { name: 'Olga Owner', email: uniqueEmail('import-owner'), organization: `Import Co ${Date.now()}` });
  const slug = new URL(page.url()).pathname.split('/')[2]!;
  await page.goto(`/orgs/${slug}/settings`);
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('import-editor'));
  await page.getByLabel('Role', { exact: true }).selectOption('EDITOR');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await page.getByTestId('invitation-link').inputValue();

  const editorContext = await browser.newContext({ locale: 'en-GB' });
  const editor = await editorContext.newPage();
  await editor.goto(link);
  await editor.getByLabel('Your name').fill('Eddie Editor');
  await editor.getByLabel('Password').fill(PASSWORD);
  await editor.getByRole('button', { name: 'Create account' }).click();
  await expect(editor.getByTestId('current-role')).toContainText('Editor');

  await editor.goto(`/orgs/${slug}/import`);
  await expect(editor.getByRole('heading', { name: 'Import from CSV' })).toBeVisible();
  await chooseFile(editor, monthsCsv({ 5: '2024-13;4;30000;2000;500;0;3000;1000;0;1200000;40000;120;120', 12: '2025-01;4;30000;-2000;500;0;3000;1000;0;1200000;40000;120;120' }));
  await expect(editor.getByTestId('import-summary')).toContainText('24 rows: 22 to create, 0 to update, 0 unchanged, 2 invalid.');
  await expect(editor.getByTestId('import-error-line-7')).toContainText('Month');
  await expect(editor.getByTestId('import-error-line-7')).toContainText('YYYY-MM');
  await expect(editor.getByTestId('import-error-line-14')).toContainText('Tools cost');
  await expect(editor.getByTestId('import-error-line-14')).toContainText('negative');
  await expect(editor.getByRole('button', { name: /^Import \d+ rows$/ })).toBeDisabled();
  await screenshot(editor, 'import-preview-errors');

  // Nothing was written by the preview.
  const months = await editor.request.get(`/api/v1/orgs/${slug}/months`);
  expect(await months.json()).toEqual({ data: [], nextCursor: null });

  await editor.goto(`/orgs/${slug}/import`);
  await chooseFile(editor, monthsCsv());
  await expect(editor.getByTestId('import-summary')).toContainText('24 rows: 24 to create, 0 to update, 0 unchanged, 0 invalid.');
  await screenshot(editor, 'import-preview-ok');
  await editor.getByRole('button', { name: 'Import 24 rows' }).click();
  await expect(editor.getByTestId('import-done')).toContainText('Import complete: 24 created, 0 updated, 0 unchanged.');
  await screenshot(editor, 'import-done');

  // The same file again changes nothing.
  await editor.getByRole('button', { name: 'Import another file' }).click();
  await chooseFile(editor, monthsCsv());
  await expect(editor.getByTestId('import-summary')).toContainText('24 unchanged, 0 invalid');
  await expect(editor.getByRole('button', { name: 'Import 0 rows' })).toBeDisabled();
  await editorContext.close();
});

test('an owner creates an API token, sees it once, and revokes it', async ({ page }) => {
  await signUp(page, { name: 'Tom Token', email: uniqueEmail('token-owner'), organization: `Token Co ${Date.now()}` });
  const slug = new URL(page.url()).pathname.split('/')[2]!;
  await page.goto(`/orgs/${slug}/settings/api-tokens`);
  await page.getByLabel('Name', { exact: true }).fill('Zapier');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByTestId('api-token-value').inputValue();
  expect(token).toMatch(/^tnr_[A-Za-z0-9_-]{43}$/);
  await screenshot(page, 'api-token-created');

  const response = await page.request.get(`/api/v1/orgs/${slug}/months`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId('api-token-value')).toHaveCount(0);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Revoke: Zapier' }).click();
  await expect(page.getByTestId('api-token-Zapier')).toContainText('Revoked');
  const refused = await page.request.get(`/api/v1/orgs/${slug}/months`, { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});
