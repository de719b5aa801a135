'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { callerOrThrow } from '@/lib/auth/caller';
import { deleteAccount, upsertAccount } from '@/lib/data/entries/accounts';
import { deleteCsm, upsertCsm } from '@/lib/data/entries/csms';
import { formFields, invalid } from '@/lib/actions/result';
import { accountInputSchema, csmInputSchema } from '@/lib/validation/entries';
import { entryFailed, type EntryState } from './outcome';

export async function saveAccountAction(slug: string, id: string | null, _prev: EntryState, formData: FormData): Promise<EntryState> {
  const parsed = accountInputSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await upsertAccount(await callerOrThrow(), slug, parsed.data, id ?? undefined);
  } catch (error) {
    return entryFailed(error);
  }
  revalidatePath(`/orgs/${slug}`, 'layout');
  return { ok: true, message: (await getTranslations('entry'))('accountSaved') };
}

export async function deleteAccountAction(slug: string, id: string, _prev: EntryState, _formData: FormData): Promise<EntryState> {
  try {
    await deleteAccount(await callerOrThrow(), slug, id);
  } catch (error) {
    return entryFailed(error);
  }
  revalidatePath(`/orgs/${slug}`, 'layout');
  return { ok: true, message: (await getTranslations('entry'))('deleted') };
}

export async function saveCsmAction(slug: string, id: string | null, _prev: EntryState, formData: FormData): Promise<EntryState> {
  const parsed = csmInputSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await upsertCsm(await callerOrThrow(), slug, parsed.data, id ?? undefined);
  } catch (error) {
    return entryFailed(error);
  }
  revalidatePath(`/orgs/${slug}`, 'layout');
  return { ok: true, message: (await getTranslations('entry'))('csmSaved') };
}

export async function deleteCsmAction(slug: string, id: string, _prev: EntryState, _formData: FormData): Promise<EntryState> {
  try {
    await deleteCsm(await callerOrThrow(), slug, id);
  } catch (error) {
    return entryFailed(error);
  }
  revalidatePath(`/orgs/${slug}`, 'layout');
  return { ok: true, message: (await getTranslations('entry'))('deleted') };
}
