'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callerOrThrow } from '@/lib/auth/caller';
import { acceptInvitation, createInvitation, revokeInvitation } from '@/lib/data/invitations';
import { invitationSchema } from '@/lib/validation/auth';
import { failed, formFields, invalid, type ActionState } from '@/lib/actions/result';
import { isAppError } from '@/lib/errors';
import { appOrigin } from '@/lib/http/app-origin';

export async function createInvitationAction(slug: string, _prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  const parsed = invitationSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { token } = await createInvitation(await callerOrThrow(), slug, parsed.data);
    revalidatePath(`/orgs/${slug}/settings`);
    return { ok: true, data: { link: `${await appOrigin()}/invite/${token}` } };
  } catch (error) {
    return failed(error);
  }
}

export async function revokeInvitationAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = z.object({ invitationId: z.uuid({ error: 'notFound' }) }).safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await revokeInvitation(await callerOrThrow(), slug, parsed.data.invitationId);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/orgs/${slug}/settings`);
  return { ok: true, message: (await getTranslations('settings'))('revoked') };
}

export async function acceptInvitationAction(token: string, _prev: ActionState): Promise<ActionState> {
  let slug: string;
  try {
    slug = (await acceptInvitation(await callerOrThrow(), token)).slug;
  } catch (error) {
    if (isAppError(error, 'INVITATION_INVALID')) {
      const t = await getTranslations('invite');
      return { ok: false, message: t.has(error.message) ? t(error.message) : t('unknown') };
    }
    return failed(error);
  }
  redirect(`/orgs/${slug}`);
}
