'use server';

import { getLocale } from 'next-intl/server';
import { signUpSchema } from '@/lib/validation/auth';
import { signUp } from '@/lib/data/users';
import { failed, formFields, invalid, type ActionState } from '@/lib/actions/result';

/** Sign-up: creates the user and their organisation (or joins an invitation's). The form then signs in. */
export async function signUpAction(_prev: ActionState<{ slug: string }>, formData: FormData): Promise<ActionState<{ slug: string }>> {
  const fields = formFields(formData);
  const parsed = signUpSchema.safeParse({
    ...fields,
    organizationName: fields.organizationName || undefined,
    invitationToken: fields.invitationToken || undefined,
    locale: await getLocale(),
  });
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { slug } = await signUp(parsed.data);
    return { ok: true, data: { slug } };
  } catch (error) {
    return failed(error);
  }
}
