import 'server-only';
import type { z } from 'zod';
import { HTTP_STATUS, isAppError } from '@/lib/errors';
import { apiError, databaseUnavailable } from '@/lib/http/api-error';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { errorText, fieldErrors, validationText } from '@/lib/api/messages';

/** Thrown inside an API handler when the request does not match its schema: becomes a 400. */
export class ApiValidationError extends Error {
  constructor(readonly fields: Record<string, string[]>, message = 'The request is invalid: see fields.') {
    super(message);
    this.name = 'ApiValidationError';
  }

  static from(error: z.ZodError): ApiValidationError {
    const fields = fieldErrors(error);
    const first = Object.entries(fields)[0];
    return new ApiValidationError(fields, first ? `${first[0]}: ${first[1][0]}` : undefined);
  }
}

/** Parses with a shared zod schema or throws ApiValidationError (400 with the fields named). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ApiValidationError.from(parsed.error);
  return parsed.data;
}

// Fields named by a data-layer INVALID error ({ field: 'accountExternalId' } or { fields: {...} }).
function detailFields(details: Record<string, unknown> | undefined, message: string): Record<string, string[]> | undefined {
  if (!details) return undefined;
  if (details.fields && typeof details.fields === 'object') {
    return Object.fromEntries(Object.entries(details.fields as Record<string, unknown>).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map((m) => validationText(String(m)))]));
  }
  if (typeof details.field === 'string') return { [details.field]: [validationText(message)] };
  return undefined;
}

/**
 * Any thrown error → the API's JSON error. Schema failures are 400; an INVALID raised by the data
 * layer (an unknown account or CSM: well-formed but unprocessable) is 422; other AppErrors keep their
 * status; a database that cannot be reached is a 503 with Retry-After; anything else is a logged 500.
 */
export function apiErrorResponse(error: unknown): Response {
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (error instanceof ApiValidationError) return apiError(400, 'INVALID', error.message, error.fields);
  if (isAppError(error)) {
    if (error.code === 'INVALID') {
      const text = validationText(error.message);
      return apiError(422, 'UNPROCESSABLE', text, detailFields(error.details, error.message));
    }
    return apiError(HTTP_STATUS[error.code], error.code, errorText(error.code, error.message), detailFields(error.details, error.message));
  }
  console.error(error);
  return apiError(500, 'INTERNAL', 'Something went wrong; nothing was changed.');
}
