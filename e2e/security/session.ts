import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { FACTORY_PASSWORD } from './fixtures';

export const SESSION_COOKIE = 'next-auth.session-token';

/**
 * A request context signed in through next-auth's credentials endpoint, as the sign-in form does.
 * Each context gets its own X-Forwarded-For, so the per-address sign-in limit never couples tests.
 */
export async function signedInContext(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, email: string, password = FACTORY_PASSWORD): Promise<APIRequestContext> {
  const ip = `10.${rand()}.${rand()}.${rand()}`;
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ip } });
  await signInWith(context, email, password);
  return context;
}

export async function signInWith(context: APIRequestContext, email: string, password = FACTORY_PASSWORD) {
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  const cookie = await sessionCookie(context);
  expect(cookie, `session cookie of ${email}`).toBeDefined();
  return cookie!;
}

export async function sessionCookie(context: APIRequestContext) {
  const { cookies } = await context.storageState();
  return cookies.find((c) => c.name === SESSION_COOKIE);
}

function rand() {
  return Math.floor(Math.random() * 250) + 1;
}
