import type { z } from 'zod';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { HTTP_STATUS, isAppError } from '@/lib/errors';

/** The API's error shape: { error: { code, message, fields } }, with the matching status code. */
export function apiError(status: number, code: string, message: string, fields?: Record<string, string[]>, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status, headers });
}

export function apiValidationError(error: z.ZodError): Response {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join('.') || 'body'] ??= []).push(issue.message);
  const first = error.issues[0];
  return apiError(400, 'INVALID', first ? first.message : 'Invalid request', fields);
}

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Sign in or send a valid API token.',
  NOT_FOUND: 'Not found.',
  FORBIDDEN: 'Your role does not allow this.',
  CONFLICT: 'This was changed by someone else in the meantime.',
  RATE_LIMITED: 'Too many requests.',
};

/** The database is stopped or restarting: a clear, retryable answer instead of a 500 with a stack. */
export function databaseUnavailable(): Response {
  console.warn('Database unavailable: answering 503');
  return apiError(503, 'DATABASE_UNAVAILABLE', 'The database is not answering; try again in a moment.', undefined, { 'Retry-After': '5' });
}

/** Maps a thrown error to a response: AppErrors to their status, an unreachable database to 503, anything else to a logged 500. */
export function apiErrorFrom(error: unknown): Response {
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (isAppError(error)) return apiError(HTTP_STATUS[error.code], error.code, MESSAGES[error.code] ?? error.message);
  console.error(error);
  return apiError(500, 'INTERNAL', 'Something went wrong; nothing was changed.');
}
