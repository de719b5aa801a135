import { z } from 'zod';
import { singleLineText } from '@/lib/validation/text';

/** What an owner types to create an API token. Messages are i18n keys under "validation.". */
export const apiTokenInputSchema = z.object({
  name: singleLineText(80),
  scope: z.enum(['READ', 'WRITE'], { error: 'choice' }),
});
export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;

export const apiTokenRevokeSchema = z.object({ tokenId: z.uuid({ error: 'notFound' }) });

/** Tokens look like tnr_<43 base64url characters>: recognisable in logs and by secret scanners. */
export const API_TOKEN_PREFIX = 'tnr_';
