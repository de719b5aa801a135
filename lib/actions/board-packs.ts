'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { callerOrThrow } from '@/lib/auth/caller';
import { createSnapshot, deleteSnapshot } from '@/lib/data/snapshots';
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
