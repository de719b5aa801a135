import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages, type Messages } from '@/lib/i18n/messages';
import type { Translate } from './key-messages';
import { pdfText } from './pdf-text';

const cache = new Map<Locale, Messages>();

/** The pack's strings (messages/<locale>/boardpack.json), outside any React request context. */
export function packTranslator(locale: Locale): Translate {
  if (!cache.has(locale) || process.env.NODE_ENV !== 'production') cache.set(locale, loadMessages(locale));
  const translate = createTranslator({ locale, messages: cache.get(locale)!, namespace: 'boardPack' }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return (key, values) => pdfText(translate(key, values));
}
