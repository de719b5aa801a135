import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { failed, type ActionState } from '@/lib/actions/result';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';

/** What an entry form gets back; a conflict carries who changed the month and when. */
export type EntryState<T = undefined> =
  | ActionState<T>
  | { ok: false; message: string; errors?: Record<string, string[]>; conflict: { updatedBy: string | null; updatedAt: string; version: number } };

const REFERENCE_FIELDS: Record<string, string> = { unknownAccount: 'accountId', unknownCsm: 'csmId' };

/**
 * AppError → message. Unknown references become a message on the picker that chose them; a
 * conflict names the person (or token) and the time, so the editor knows to reload.
 */
export async function entryFailed(error: unknown): Promise<EntryState<never>> {
  if (isAppError(error, 'INVALID') && error.message in REFERENCE_FIELDS) {
    const t = await getTranslations('validation');
    const field = REFERENCE_FIELDS[error.message]!;
    return { ok: false, message: t('invalidInput'), errors: { [field]: [t(error.message)] } };
  }
  if (isAppError(error, 'CONFLICT') && error.details && 'version' in error.details) {
    const t = await getTranslations('monthEntry');
    const locale = (await getLocale()) as Locale;
    const details = error.details as { updatedBy: string | null; updatedAt: string; version: number };
    const at = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(details.updatedAt));
    return {
      ok: false,
      message: t('conflict', { who: details.updatedBy ?? t('someone'), time: `${at} UTC`, date: formatDateTime(new Date(details.updatedAt), locale) }),
      conflict: details,
    };
  }
  return failed(error);
}
