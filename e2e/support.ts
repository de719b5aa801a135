import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'a long enough password';

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/** The demo password `npm start` generated and printed, kept in the e2e data directory. */
export function demoPassword(): string {
  return readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e', 'demo-password'), 'utf8').trim();
}

export async function signUp(page: Page, options: { name: string; email: string; organization: string }) {
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill(options.name);
  await page.getByLabel('Email', { exact: true }).fill(options.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Organisation name').fill(options.organization);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/orgs\/[a-z0-9-]+$/);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
