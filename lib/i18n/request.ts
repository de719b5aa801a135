import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from '@/lib/i18n/locales';

// The chosen language lives in a cookie; without one, the browser's Accept-Language decides.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : (localeFromAcceptLanguage((await headers()).get('accept-language')) ?? DEFAULT_LOCALE);
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: 'UTC' };
});
