import { z } from 'zod';
import { singleLineText } from '@/lib/validation/text';

const optional = (value: string | undefined) => (value ? value : undefined);

/** A board link's name, expiry day and optional password: shared by dashboard and snapshot links. */
export const shareLinkFieldsSchema = z.object({
  label: singleLineText(100),
  expiresOn: z.string().trim().optional().transform(optional).pipe(z.iso.date({ error: 'invalidInput' }).optional()),
  password: z
    .string()
    .optional()
    .transform(optional)
    .pipe(z.string().min(10, { error: 'passwordTooShort' }).max(200, { error: 'tooLong' }).optional()),
});

/** The dashboard link also chooses what it shows; checkboxes arrive as 'on' or not at all. */
export const dashboardShareLinkSchema = shareLinkFieldsSchema.extend({
  includeLeaderboard: z.string().optional().transform((v) => v === 'on'),
  includeDrafts: z.string().optional().transform((v) => v === 'on'),
});

/** A link works through the whole of its expiry day (UTC). */
export function expiryFromDay(expiresOn: string | undefined): Date | null {
  return expiresOn ? new Date(`${expiresOn}T23:59:59.999Z`) : null;
}
