import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { isAppError } from '@/lib/errors';

/** What every server action returns to its form (next-learn's shape, typed). */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; errors?: Record<string, string[]> }
  | null;

/** Turns a zod failure into per-field messages in the caller's language. */
export async function invalid(error: z.ZodError): Promise<ActionState<never>> {
  const t = await getTranslations('validation');
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    const key = issue.message;
    const text = t.has(key) ? t(key) : t('invalidInput');
    (errors[field] ??= []).push(text);
  }
  return { ok: false, message: t('invalidInput'), errors };
}

/** Turns an AppError into a message; anything else is logged and reported as unexpected. */
export async function failed(error: unknown): Promise<ActionState<never>> {
  const t = await getTranslations('errors');
  if (isAppError(error)) return { ok: false, message: t.has(error.code) ? t(error.code) : t('unexpected') };
  console.error(error);
  return { ok: false, message: t('unexpected') };
}

/**
 * FormData → plain object of strings, for zod. An action's arguments are whatever the request
 * encoded, not what its type says: anything but FormData is an empty form (required fields fail).
 */
export function formFields(formData: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!(formData instanceof FormData)) return fields;
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$ACTION')) fields[key] = value;
  return fields;
}
