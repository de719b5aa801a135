'use server';

import { redirect } from 'next/navigation';
import { callerOrThrow } from '@/lib/auth/caller';
import { createOrganization } from '@/lib/data/organizations';
import { newOrganizationSchema } from '@/lib/validation/auth';
import { failed, formFields, invalid, type ActionState } from '@/lib/actions/result';

export async function createOrganizationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const fields = formFields(formData);
  const parsed = newOrganizationSchema.safeParse({ ...fields, slug: fields.slug || undefined });
  if (!parsed.success) return invalid(parsed.error);
  let slug: string;
  try {
    slug = (await createOrganization(await callerOrThrow(), parsed.data)).slug;
  } catch (error) {
    return failed(error);
  }
  redirect(`/orgs/${slug}`);
}
