'use server';

import { cookies } from 'next/headers';
import { getCaller } from '@/lib/auth/caller';
import { setUserLocale } from '@/lib/data/users';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/locales';

/** Switches the interface language: a cookie for this browser, and the user's preference. */
export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
  const caller = await getCaller();
  if (caller) await setUserLocale(caller.userId, locale);
}
