'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { callerOrThrow } from '@/lib/auth/caller';
import { updateMethodSettings } from '@/lib/data/method-settings';
import { methodSettingsSchema } from '@/lib/validation/method-settings';
import { failed, formFields, invalid, type ActionState } from '@/lib/actions/result';

export async function updateMethodSettingsAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const parsed = methodSettingsSchema.safeParse({
    ...fields,
    baselineReferenceFrom: fields.baselineReferenceFrom || undefined,
    baselineReferenceTo: fields.baselineReferenceTo || undefined,
  });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await updateMethodSettings(await callerOrThrow(), slug, parsed.data);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/orgs/${slug}`, 'layout');
  return { ok: true, message: (await getTranslations('method'))('saved') };
}
