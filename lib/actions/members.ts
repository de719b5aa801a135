'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { callerOrThrow } from '@/lib/auth/caller';
import { changeMemberRole, removeMember } from '@/lib/data/memberships';
import { memberRemovalSchema, roleChangeSchema } from '@/lib/validation/auth';
import { failed, formFields, invalid, type ActionState } from '@/lib/actions/result';

export async function changeRoleAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = roleChangeSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await changeMemberRole(await callerOrThrow(), slug, parsed.data.membershipId, parsed.data.role);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/orgs/${slug}/settings`);
  return { ok: true, message: (await getTranslations('settings'))('roleChanged') };
}

export async function removeMemberAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = memberRemovalSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await removeMember(await callerOrThrow(), slug, parsed.data.membershipId);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/orgs/${slug}/settings`);
  return { ok: true, message: (await getTranslations('settings'))('memberRemoved') };
}
