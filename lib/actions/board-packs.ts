'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callerOrThrow } from '@/lib/auth/caller';
import { createSnapshot, deleteSnapshot } from '@/lib/data/snapshots';
import { createSnapshotShareLink, revokeShareLink } from '@/lib/data/share-links';
import { appOrigin } from '@/lib/http/app-origin';
import { expiryFromDay, shareLinkFieldsSchema } from '@/lib/validation/share-links';
import { failed, formFields, invalid, type ActionState } from '@/lib/actions/result';
import { periodQuerySchema } from '@/lib/validation/period';

// The form's period: both months required, then the shared period rules (order, at most 120 months).
const createBoardPackSchema = z
  .object({ from: z.string().min(1, { error: 'required' }), to: z.string().min(1, { error: 'required' }), includeLeaderboard: z.literal('on').optional() })
  .superRefine((value, ctx) => {
    const parsed = periodQuerySchema.safeParse({ from: value.from, to: value.to });
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

/** Takes a snapshot, then opens it. Rendering may wait behind other renders: the form shows progress. */
export async function createBoardPackAction(slug: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = createBoardPackSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  let id: string;
  try {
    ({ id } = await createSnapshot(await callerOrThrow(), slug, { from: parsed.data.from, to: parsed.data.to, includeLeaderboard: parsed.data.includeLeaderboard === 'on' }));
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/orgs/${slug}/board-packs`);
  redirect(`/orgs/${slug}/board-packs/${id}`);
}

export async function deleteBoardPackAction(slug: string, id: string, _prev: ActionState): Promise<ActionState> {
  try {
    await deleteSnapshot(await callerOrThrow(), slug, id);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/orgs/${slug}/board-packs`);
  redirect(`/orgs/${slug}/board-packs`);
}

/** Owners share one snapshot with the board; the link (with its token) is returned this once. */
export async function createSnapshotShareLinkAction(slug: string, id: string, _prev: ActionState<{ link: string }>, formData: FormData): Promise<ActionState<{ link: string }>> {
  const parsed = shareLinkFieldsSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { label, expiresOn, password } = parsed.data;
  const expiresAt = expiryFromDay(expiresOn);
  try {
    const { token } = await createSnapshotShareLink(await callerOrThrow(), slug, id, { label, expiresAt, password: password ?? null });
    revalidatePath(`/orgs/${slug}/board-packs/${id}`);
    return { ok: true, data: { link: `${await appOrigin()}/board/${token}` } };
  } catch (error) {
    return failed(error);
  }
}

export async function revokeSnapshotShareLinkAction(slug: string, id: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = z.object({ linkId: z.uuid({ error: 'notFound' }) }).safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await revokeShareLink(await callerOrThrow(), slug, parsed.data.linkId);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/orgs/${slug}/board-packs/${id}`);
  return { ok: true, message: (await getTranslations('sharing'))('revoked') };
}
