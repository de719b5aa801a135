'use server';

import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callerOrThrow } from '@/lib/auth/caller';
import { BOARD_PROOF_COOKIE, createShareLink, revokeShareLink, unlockShareLink } from '@/lib/data/share-links';
import { failed, formFields, invalid, type ActionState } from '@/lib/actions/result';
import { appOrigin } from '@/lib/http/app-origin';
import { dashboardShareLinkSchema, expiryFromDay } from '@/lib/validation/share-links';

export async function createShareLinkAction(slug: string, _prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  const parsed = dashboardShareLinkSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { label, expiresOn, password, includeLeaderboard, includeDrafts } = parsed.data;
  const expiresAt = expiryFromDay(expiresOn);
  try {
    const { token } = await createShareLink(await callerOrThrow(), slug, { label, expiresAt, password: password ?? null, includeLeaderboard, includeDrafts });
    revalidatePath(`/orgs/${slug}/sharing`);
    return { ok: true, data: { link: `${await appOrigin()}/board/${token}` } };
  } catch (error) {
    return failed(error);
  }
}

export async function revokeShareLinkAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = z.object({ linkId: z.uuid({ error: 'notFound' }) }).safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await revokeShareLink(await callerOrThrow(), slug, parsed.data.linkId);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/orgs/${slug}/sharing`);
  return { ok: true, message: (await getTranslations('sharing'))('revoked') };
}

/** The board's password form: a right password leaves a proof cookie scoped to this board's path. */
export async function unlockBoardAction(token: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const password = formFields(formData).password;
  const t = await getTranslations('sharing.board');
  if (typeof password !== 'string' || password.length === 0 || password.length > 200) return { ok: false, message: t('wrongPassword') };
  const result = await unlockShareLink(token, password);
  if (result === null) return { ok: false, message: t('gone') };
  if (!result.ok) {
    return { ok: false, message: result.reason === 'rateLimited' ? t('rateLimited', { minutes: Math.ceil((result.retryAfterSeconds ?? 60) / 60) }) : t('wrongPassword') };
  }
  const h = await headers();
  (await cookies()).set(BOARD_PROOF_COOKIE, result.proof, {
    httpOnly: true,
    sameSite: 'lax',
    secure: h.get('x-forwarded-proto') === 'https' || (process.env.NEXTAUTH_URL ?? '').startsWith('https:'),
    path: `/board/${token}`,
    maxAge: 12 * 3600,
  });
  redirect(`/board/${token}`);
}
