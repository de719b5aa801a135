/** Per token (or signed-in user): requests per window. */
export const API_RATE_LIMIT = { limit: 600, windowSeconds: 60 };
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Requests a minute from one address with an invalid token, before 429. */
export const BAD_TOKEN_LIMIT = 30;
