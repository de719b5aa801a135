'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { callerOrThrow } from '@/lib/auth/caller';
import { createApiToken, revokeApiToken } from '@/lib/data/api-tokens';
import { apiTokenInputSchema, apiTokenRevokeSchema } from '@/lib/api/token-schema';
import { failed, formFields, invalid, type ActionState } from '@/lib/actions/result';

/** Owners create a token; it is returned once, for the page to show and never again. */
export async function createApiTokenAction(slug: string, _prev: ActionState<{ token: string; name: string }>, formData: FormData): Promise<ActionState<{ token: string; name: string }>> {
  const parsed = apiTokenInputSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { token, summary } = await createApiToken(await callerOrThrow(), slug, parsed.data);
    revalidatePath(`/orgs/${slug}/settings/api-tokens`);
    return { ok: true, message: (await getTranslations('apiTokens'))('created'), data: { token, name: summary.name } };
  } catch (error) {
    return failed(error);
  }
}

export async function revokeApiTokenAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = apiTokenRevokeSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await revokeApiToken(await callerOrThrow(), slug, parsed.data.tokenId);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/orgs/${slug}/settings/api-tokens`);
  return { ok: true, message: (await getTranslations('apiTokens'))('revoked') };
}
