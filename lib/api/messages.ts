import 'server-only';
import type { z } from 'zod';
import { loadMessages } from '@/lib/i18n/messages';

let english: { validation: Record<string, string>; errors: Record<string, string> } | undefined;

// API clients read English: the interface's own strings, so the API and the forms say the same thing.
function strings() {
  if (!english) {
    try {
      const messages = loadMessages('en');
      english = {
        validation: (messages.validation ?? {}) as Record<string, string>,
        errors: (messages.errors ?? {}) as Record<string, string>,
      };
    } catch (error) {
      // A broken message file must not turn a 400 into a 500: answer with the keys, retry next time.
      console.error('API messages unavailable; answering with message keys.', error);
      return { validation: {}, errors: {} };
    }
  }
  return english;
}

/** A validation key ("negative") as English text; anything that is not a key is returned as is. */
export function validationText(key: string): string {
  return strings().validation[key] ?? key;
}

// Where the interface's wording fits a person on a page, not a client of the API.
const API_WORDING: Record<string, string> = { NOT_FOUND: 'Not found.', UNAUTHENTICATED: 'Send a valid API token.' };

export function errorText(code: string, fallback: string): string {
  return API_WORDING[code] ?? strings().errors[code] ?? fallback;
}

/** zod issues → { "field.path": ["English message", …] }. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join('.') || 'body'] ??= []).push(validationText(issue.message));
  return fields;
}
