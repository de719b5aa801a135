'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { callerOrThrow } from '@/lib/auth/caller';
import { closeMonth, reopenMonth, upsertMonth } from '@/lib/data/entries/months';
import { formFields, invalid } from '@/lib/actions/result';
import { monthInputSchema, monthKeyField, reopenInputSchema } from '@/lib/validation/entries';
import { entryFailed, type EntryState } from './outcome';

function revalidateMonth(slug: string, month: string) {
  revalidatePath(`/orgs/${slug}/months`);
  revalidatePath(`/orgs/${slug}/months/${month}`);
  revalidatePath(`/orgs/${slug}`);
}

export async function saveMonthAction(slug: string, _prev: EntryState<{ version: number }>, formData: FormData): Promise<EntryState<{ version: number }>> {
  const parsed = monthInputSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  let version: number;
  try {
    ({ version } = await upsertMonth(await callerOrThrow(), slug, parsed.data));
  } catch (error) {
    return entryFailed(error);
  }
  revalidateMonth(slug, parsed.data.month);
  return { ok: true, message: (await getTranslations('monthEntry'))('saved'), data: { version } };
}

export async function closeMonthAction(slug: string, month: string, _prev: EntryState, _formData: FormData): Promise<EntryState> {
  const parsed = monthKeyField().safeParse(month);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await closeMonth(await callerOrThrow(), slug, parsed.data);
  } catch (error) {
    return entryFailed(error);
  }
  revalidateMonth(slug, parsed.data);
  return { ok: true, message: (await getTranslations('monthEntry'))('closedDone') };
}

export async function reopenMonthAction(slug: string, month: string, _prev: EntryState, formData: FormData): Promise<EntryState> {
  const parsed = reopenInputSchema.safeParse({ month, reason: formFields(formData).reason ?? '' });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await reopenMonth(await callerOrThrow(), slug, parsed.data.month, parsed.data.reason);
  } catch (error) {
    return entryFailed(error);
  }
  revalidateMonth(slug, parsed.data.month);
  return { ok: true, message: (await getTranslations('monthEntry'))('reopenedDone') };
}
