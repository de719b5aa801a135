import { expect, test } from '@playwright/test';
import { DEMO_EMAIL } from '../lib/seed/demo';
import { demoPassword, signIn, signUp, uniqueEmail } from './support';

test('the metrics route answers members with every figure explained, and others with 401 or 404', async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get('/api/orgs/demo/metrics')).status()).toBe(401);

  await signIn(page, DEMO_EMAIL, demoPassword());
  await expect(page).toHaveURL(/\/orgs\/demo/);
  const body = await (await page.request.get('/api/orgs/demo/metrics')).json();
  // The default period is the 12 months ending with the latest logged month: the case study.
  expect(body.period.monthsWithFigures).toBe(12);
  expect(Number(body.range.roiPct.value)).toBeCloseTo(80, 2);
  expect(Number(body.range.churnAvoided.value)).toBeCloseTo(270000, 2);
  expect(body.range.churnAvoided.explanation.formula.fr).toMatch(/churn annuel de référence/);
  expect(body.range.churnAvoided.explanation.formula.en).toMatch(/baseline/i);
  expect(body.range.churnAvoided.explanation.inputs.length).toBeGreaterThan(0);
  expect(body.months).toHaveLength(12);
  expect(body.months[11].rolling12.complete).toBe(true);

  const bad = await page.request.get('/api/orgs/demo/metrics?from=2024-13');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/^from must be a month/);
  const reversed = await page.request.get('/api/orgs/demo/metrics?from=2026-06&to=2026-01');
  expect((await reversed.json()).error.message).toBe('from must not be after to');

  const outsider = await (await page.context().browser()!.newContext()).newPage();
  await signUp(outsider, { name: 'Outsider', email: uniqueEmail('metrics'), organization: 'Metrics Outsider' });
  expect((await outsider.request.get('/api/orgs/demo/metrics')).status()).toBe(404);
});

test('pages carry the security headers', async ({ request }) => {
  const response = await request.get('/sign-in');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['strict-transport-security']).toBeUndefined();
  const overHttps = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
  expect(overHttps.headers()['strict-transport-security']).toContain('max-age=');
});
