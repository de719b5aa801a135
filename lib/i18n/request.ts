import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';

// Read once per process and locale in production; the dev server re-reads them so edits show up.
const cache = new Map<string, ReturnType<typeof loadMessages>>();

// The chosen language lives in a cookie; without one, the browser's Accept-Language decides.
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  if (!cache.has(locale) || process.env.NODE_ENV !== 'production') cache.set(locale, loadMessages(locale));
  const messages = cache.get(locale)!;
  return { locale, messages, timeZone: 'UTC' };
});
