import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, isSameOrigin, needsSameOrigin } from '@/lib/http/same-origin';

const req = (method: string, pathname: string, headers: Record<string, string>) => ({ method, pathname, headers: new Headers(headers) });

describe('which requests must come from this site', () => {
  it('every non-GET server action, and cookie writes under /api; never reads nor bearer-token calls', () => {
    expect(needsSameOrigin(req('POST', '/orgs/acme/team', { 'next-action': 'abc' }))).toBe(true);
    expect(needsSameOrigin(req('POST', '/sign-up', { 'next-action': 'abc' }))).toBe(true);
    expect(needsSameOrigin(req('POST', '/api/auth/callback/credentials', {}))).toBe(true);
    expect(needsSameOrigin(req('DELETE', '/api/v1/orgs/acme/accounts/1', { cookie: 'x=1' }))).toBe(true);
    expect(needsSameOrigin(req('PUT', '/api/v1/orgs/acme/months/2026-01', { authorization: 'Bearer tnr_x' }))).toBe(false);
    expect(needsSameOrigin(req('GET', '/api/orgs/acme/export.zip', {}))).toBe(false);
    expect(needsSameOrigin(req('HEAD', '/orgs/acme', { 'next-action': 'abc' }))).toBe(false);
    expect(needsSameOrigin(req('POST', '/orgs/acme', {}))).toBe(false);
  });
});

describe('same origin', () => {
  it('matches Origin against Host', () => {
    expect(isSameOrigin(new Headers({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
    expect(isSameOrigin(new Headers({ origin: 'http://LOCALHOST:3000', host: 'localhost:3000' }))).toBe(true);
    expect(isSameOrigin(new Headers({ origin: 'http://localhost:3001', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'https://evil.example', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'http://localhost:3000.evil.example', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'null', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'not a url', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'http://localhost:3000' }))).toBe(false);
  });

  it('behind a reverse proxy: X-Forwarded-Host and X-Forwarded-Proto (first hop) win over Host', () => {
    expect(isSameOrigin(new Headers({ origin: 'https://tenure.example', host: 'app:3000', 'x-forwarded-host': 'tenure.example', 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isSameOrigin(new Headers({ origin: 'https://tenure.example', host: 'tenure.example', 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(isSameOrigin(new Headers({ origin: 'http://tenure.example', host: 'tenure.example', 'x-forwarded-proto': 'https' }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'https://app:3000', host: 'app:3000', 'x-forwarded-host': 'tenure.example' }))).toBe(false);
  });

  it('without Origin: Sec-Fetch-Site decides when a browser sent it, else the request is not a browser’s', () => {
    expect(isSameOrigin(new Headers({ host: 'localhost:3000' }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: 'localhost:3000', 'sec-fetch-site': 'same-site' }))).toBe(false);
  });
});

describe('the refusal', () => {
  it('is a 403: plain text for an action, the API error shape under /api', async () => {
    const action = crossSiteRefusal(req('POST', '/orgs/acme', { 'next-action': 'abc', origin: 'https://evil.example', host: 'localhost:3000' }));
    expect(action?.status).toBe(403);
    expect(await action?.text()).toMatch(/Cross-site request refused/);
    const api = crossSiteRefusal(req('POST', '/api/v1/orgs/acme/accounts', { origin: 'https://evil.example', host: 'localhost:3000' }));
    expect(api?.status).toBe(403);
    expect(await api?.json()).toMatchObject({ error: { code: 'CROSS_SITE' } });
    expect(crossSiteRefusal(req('POST', '/orgs/acme', { 'next-action': 'abc', origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBeNull();
  });
});
