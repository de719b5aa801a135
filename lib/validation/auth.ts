import { z } from 'zod';
import { ROLES } from '@/lib/data/roles';
import { singleLineText } from '@/lib/validation/text';

// Messages are i18n keys under "validation."; actions translate them into the caller's language.
export const emailSchema = z
  .string({ error: 'required' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'required' })
  .max(254, { error: 'tooLong' })
  .pipe(z.email({ error: 'email' }));

export const passwordSchema = z
  .string({ error: 'required' })
  .min(10, { error: 'passwordTooShort' })
  .max(200, { error: 'tooLong' });

export const personNameSchema = singleLineText(100);

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const slugSchema = z
  .string({ error: 'required' })
  .trim()
  .min(2, { error: 'slugInvalid' })
  .max(40, { error: 'slugInvalid' })
  .regex(SLUG_PATTERN, { error: 'slugInvalid' });

export const organizationNameSchema = singleLineText(100);

export const signUpSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    organizationName: singleLineText(100, 0).optional(),
    invitationToken: z.string().trim().max(200).optional(),
    locale: z.enum(['en', 'fr']).optional(),
  })
  .superRefine((value, ctx) => {
    // Without an invitation, sign-up creates the user's first organisation, which needs a name.
    if (!value.invitationToken && !value.organizationName) {
      ctx.addIssue({ code: 'custom', path: ['organizationName'], message: 'required' });
    }
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const newOrganizationSchema = z.object({
  name: organizationNameSchema,
  slug: slugSchema.optional(),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { error: 'currencyInvalid' }).default('EUR'),
  defaultLocale: z.enum(['en', 'fr'], { error: 'localeInvalid' }).default('en'),
});
export type NewOrganizationInput = z.infer<typeof newOrganizationSchema>;

export const roleSchema = z.enum(ROLES as ['OWNER', 'EDITOR', 'VIEWER'], { error: 'roleInvalid' });

export const invitationSchema = z.object({ email: emailSchema, role: roleSchema });
export type InvitationInput = z.infer<typeof invitationSchema>;

export const roleChangeSchema = z.object({ membershipId: z.uuid({ error: 'notFound' }), role: roleSchema });
export const memberRemovalSchema = z.object({ membershipId: z.uuid({ error: 'notFound' }) });
