/** Errors lib/ throws on purpose; actions and routes turn them into messages and status codes. */
export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INVALID'
  | 'RATE_LIMITED'
  | 'LAST_OWNER'
  | 'INVITATION_INVALID'
  | 'EMAIL_TAKEN'
  | 'SLUG_TAKEN'
  | 'MONTH_CLOSED';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID: 400,
  RATE_LIMITED: 429,
  LAST_OWNER: 409,
  INVITATION_INVALID: 410,
  EMAIL_TAKEN: 409,
  SLUG_TAKEN: 409,
  MONTH_CLOSED: 409,
};

/** A Prisma unique-constraint violation (P2002), e.g. two requests creating the same row at once. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002';
}
