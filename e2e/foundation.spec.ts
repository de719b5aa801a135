import { expect, test } from '@playwright/test';
import { DEMO_EMAIL } from '../lib/seed/demo';
import { PASSWORD, demoPassword, screenshot, signIn, signUp, uniqueEmail } from './support';

test.use({ locale: 'en-GB' });

test('a visitor signs up and lands in their new organisation, as owner, with the app shell', async ({ page }) => {
  const email = uniqueEmail('owner');
  await signUp(page, { name: 'Nadia Owner', email, organization: 'Acme Success' });
  await expect(page.getByRole('combobox', { name: 'Switch organisation' })).toHaveValue(/acme-success/);
  await expect(page.getByTestId('current-role')).toHaveText('Owner');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const area of ['Dashboard', 'Monthly figures', 'Accounts', 'Deals', 'Team', 'Settings']) {
    await expect(nav.getByRole('link', { name: area })).toBeVisible();
  }
  await screenshot(page, 'dashboard-new-organisation');
});

test('sign out, then sign in again; a wrong password says nothing about which part was wrong', async ({ page }) => {
  const email = uniqueEmail('back');
  await signUp(page, { name: 'Back Again', email, organization: 'Back Again Co' });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/orgs');
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email, 'not the password');
  const formAlert = page.locator('form').getByRole('alert');
  await expect(formAlert).toHaveText('Email or password is incorrect.');
  await signIn(page, uniqueEmail('nobody'), PASSWORD);
  await expect(formAlert).toHaveText('Email or password is incorrect.');

  await signIn(page, email);
  await expect(page).toHaveURL(/\/orgs\/back-again-co/);
  await screenshot(page, 'sign-in-landing');
});

test('an owner invites a viewer, who accepts in another browser and sees no editing controls', async ({ page, browser }) => {
  const ownerEmail = uniqueEmail('inviter');
  await signUp(page, { name: 'Ines Inviter', email: ownerEmail, organization: 'Board Ready SAS' });
  await page.getByRole('link', { name: 'Settings' }).click();
  const viewerEmail = uniqueEmail('viewer');
  await page.getByLabel('Email', { exact: true }).fill(viewerEmail);
  await page.getByLabel('Role', { exact: true }).selectOption('VIEWER');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await page.getByTestId('invitation-link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await screenshot(page, 'settings-invitation');

  const viewerContext = await browser.newContext({ locale: 'en-GB' });
  const viewer = await viewerContext.newPage();
  await viewer.goto(link);
  await expect(viewer.getByRole('heading', { name: 'Join Board Ready SAS on Tenure' })).toBeVisible();
  await viewer.getByLabel('Your name').fill('Victor Viewer');
  await viewer.getByLabel('Password').fill(PASSWORD);
  await viewer.getByRole('button', { name: 'Create account' }).click();
  await expect(viewer).toHaveURL(/\/orgs\/board-ready-sas/);
  await expect(viewer.getByTestId('current-role')).toContainText('Viewer');
  await viewer.getByRole('link', { name: 'Settings' }).click();
  await expect(viewer.getByRole('heading', { name: 'Members' })).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Change role' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Create invitation link' })).toHaveCount(0);
  await screenshot(viewer, 'viewer-settings');

  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole('main').getByRole('alert')).toHaveText('This invitation has already been used.');
  await viewerContext.close();

  // The owner sees the new member.
  await page.reload();
  await expect(page.getByTestId(`member-${viewerEmail}`)).toBeVisible();
});

test('the demo login from npm start opens the demo organisation, in French by default for a French browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(DEMO_EMAIL);
  await page.getByLabel('Mot de passe').fill(demoPassword());
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/orgs\/demo$/);
  await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Chiffres mensuels' })).toBeVisible();
  await page.getByRole('link', { name: 'Chiffres mensuels' }).click();
  await expect(page.getByRole('row')).toHaveCount(25);
  // French formatting: non-breaking group separators and the euro sign after the amount.
  await expect(page.locator('td').filter({ hasText: /^\s*\d[\s\u202f]\d{3}[\s\u202f]\d{3}[\s\u00a0]€\s*$/ }).first()).toBeVisible();
  await screenshot(page, 'demo-months-fr');

  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('link', { name: 'Monthly figures' })).toBeVisible();
  await expect(page.locator('td').filter({ hasText: /^\s*€\d,\d{3},\d{3}\s*$/ }).first()).toBeVisible();
  await screenshot(page, 'demo-months-en');
  await context.close();
});

test('a member of one organisation gets a 404 for another organisation’s pages', async ({ page }) => {
  await signUp(page, { name: 'Outsider', email: uniqueEmail('outsider'), organization: 'Outsider Ltd' });
  for (const path of ['/orgs/demo', '/orgs/demo/months', '/orgs/demo/settings', '/orgs/demo/accounts']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText('Page not found')).toBeVisible();
  }
});
