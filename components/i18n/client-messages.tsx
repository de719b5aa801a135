import type { ReactNode } from 'react';
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import { getMessages } from 'next-intl/server';

/** `{ a: { b, c } }` keeping only the dotted paths asked for (`'a.b'`), so the rest never ships. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let value: AbstractIntlMessages | string | undefined = messages;
    for (const key of keys) value = typeof value === 'object' ? value[key] : undefined;
    if (value === undefined) continue;
    let to = picked;
    for (const key of keys.slice(0, -1)) to = (to[key] ??= {}) as AbstractIntlMessages;
    to[keys.at(-1)!] = value;
  }
  return picked;
}

/**
 * The messages client components may use below this point: all of them (the signed-in app and its
 * forms), or `only` the namespaces listed. Every message handed to the client is serialised into
 * every page, so pages with few client components (the shared board) list what they use.
 */
export async function ClientMessages({ only, children }: { only?: readonly string[]; children: ReactNode }) {
  if (!only) return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), only)}>{children}</NextIntlClientProvider>;
}
