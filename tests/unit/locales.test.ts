import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';
import { safeCallbackUrl } from '@/lib/http/safe-callback-url';
import { slugify } from '@/lib/data/slug';

describe('language from the browser', () => {
  it('picks the best supported language by quality', () => {
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(localeFromAcceptLanguage('de-DE,en-GB;q=0.7,fr;q=0.5')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0.2,fr-CA;q=0.9')).toBe('fr');
    expect(localeFromAcceptLanguage('de,es')).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
});

describe('callback URLs after sign-in', () => {
  it('stay on this site', () => {
    expect(safeCallbackUrl('/orgs/acme/settings')).toBe('/orgs/acme/settings');
    expect(safeCallbackUrl('https://evil.example')).toBe('/orgs');
    expect(safeCallbackUrl('//evil.example')).toBe('/orgs');
    expect(safeCallbackUrl('/\\evil.example')).toBe('/orgs');
    expect(safeCallbackUrl(undefined)).toBe('/orgs');
  });
});

describe('organisation slugs', () => {
  it('are lowercase ASCII words joined by hyphens', () => {
    expect(slugify('Démo — SaaS B2B')).toBe('demo-saas-b2b');
    expect(slugify('  Acme (France) ')).toBe('acme-france');
    expect(slugify('!')).toBe('org-new');
  });
});
