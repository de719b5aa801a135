import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '@/lib/i18n/locales';

export type Messages = Record<string, Record<string, unknown>>;

/**
 * Interface strings live in messages/<locale>/<area>.json (one file per product area, so areas can
 * change independently). Each file holds top-level namespaces; a namespace defined twice is an error.
 */
export function loadMessages(locale: Locale, root = path.join(process.cwd(), 'messages')): Messages {
  const dir = path.join(root, locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const content = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Messages;
    for (const [namespace, value] of Object.entries(content)) {
      if (namespace in messages) throw new Error(`Message namespace "${namespace}" is defined twice (${locale}/${file})`);
      messages[namespace] = value;
    }
  }
  return messages;
}
