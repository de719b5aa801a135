'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { callerOrThrow } from '@/lib/auth/caller';
import type { PrincipalAccess } from '@/lib/data/access';
import { deleteChurnEvent, upsertChurnEventTx } from '@/lib/data/entries/churn-events';
import { deleteDeal, upsertDealTx } from '@/lib/data/entries/deals';
import { withNewAccount } from '@/lib/data/entries/new-account';
import { deleteSave, upsertSaveTx } from '@/lib/data/entries/saves';
import type { Tx } from '@/lib/data/entries/shared';
import { formFields, invalid } from '@/lib/actions/result';
import { accountInputSchema, churnEventInputSchema, dealInputSchema, saveInputSchema } from '@/lib/validation/entries';
import { entryFailed, type EntryState } from './outcome';

export type EventKind = 'churn' | 'save' | 'deal';

type Writer<I> = (tx: Tx, access: PrincipalAccess, input: I, id?: string) => Promise<{ id: string; created: boolean }>;

const NEW_ACCOUNT = '__new__';

/**
 * One shape for the three event forms: parse with the shared schema, check the date is in the month
 * being edited, create the picked-on-the-fly account in the same transaction, revalidate.
 */
async function saveEvent<S extends z.ZodType>(slug: string, month: string, id: string | null, schema: S, write: Writer<z.output<S>>, formData: FormData): Promise<EntryState> {
  const fields = formFields(formData);
  const creatingAccount = fields.accountId === NEW_ACCOUNT;
  const parsed = schema.safeParse({ ...fields, accountId: creatingAccount ? undefined : fields.accountId, ...(creatingAccount ? { accountExternalId: '(new)' } : {}) });
  const account = creatingAccount
    ? accountInputSchema.safeParse({ name: fields.newAccountName ?? '', startDate: fields.date, mrr: '0', csmId: fields.csmId })
    : null;
  if (!parsed.success) return invalid(parsed.error);
  if (account && !account.success) {
    const result = await invalid(account.error);
    return result && !result.ok ? { ...result, errors: { newAccountName: result.errors?.name ?? result.errors?.form ?? [] } } : result;
  }
  const input = parsed.data as z.output<S> & { date: string; accountExternalId?: string };
  if (input.date.slice(0, 7) !== month) {
    const t = await getTranslations('validation');
    return { ok: false, message: t('invalidInput'), errors: { date: [t('dateOutsideMonth')] } };
  }
  try {
    await withNewAccount(await callerOrThrow(), slug, account?.success ? account.data : null, (tx, access, newAccountId) =>
      write(tx, access, newAccountId ? { ...input, accountId: newAccountId, accountExternalId: undefined } : input, id ?? undefined));
  } catch (error) {
    return entryFailed(error);
  }
  revalidateEvents(slug, month);
  return { ok: true, message: (await getTranslations('eventEntry'))('saved') };
}

function revalidateEvents(slug: string, month: string) {
  revalidatePath(`/orgs/${slug}/months/${month}`);
  revalidatePath(`/orgs/${slug}/deals`);
  revalidatePath(`/orgs/${slug}/accounts`);
  revalidatePath(`/orgs/${slug}`);
}

export async function saveChurnEventAction(slug: string, month: string, id: string | null, _prev: EntryState, formData: FormData): Promise<EntryState> {
  return saveEvent(slug, month, id, churnEventInputSchema, upsertChurnEventTx, formData);
}

export async function saveSaveAction(slug: string, month: string, id: string | null, _prev: EntryState, formData: FormData): Promise<EntryState> {
  return saveEvent(slug, month, id, saveInputSchema, upsertSaveTx, formData);
}

export async function saveDealAction(slug: string, month: string, id: string | null, _prev: EntryState, formData: FormData): Promise<EntryState> {
  return saveEvent(slug, month, id, dealInputSchema, upsertDealTx, formData);
}

export async function deleteEventAction(slug: string, month: string, kind: EventKind, id: string, _prev: EntryState, _formData: FormData): Promise<EntryState> {
  try {
    const principal = await callerOrThrow();
    if (kind === 'churn') await deleteChurnEvent(principal, slug, id);
    else if (kind === 'save') await deleteSave(principal, slug, id);
    else await deleteDeal(principal, slug, id);
  } catch (error) {
    return entryFailed(error);
  }
  revalidateEvents(slug, month);
  return { ok: true, message: (await getTranslations('eventEntry'))('deleted') };
}
