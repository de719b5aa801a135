import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';

/** Who is asking: the signed-in user, as the data layer needs them. */
export type Caller = { userId: string; email: string; name: string; locale: string | null };

/**
 * The signed-in user, or null. The session cookie alone is not trusted: the user must still exist
 * and the session must not have been revoked (sessionVersion bumped).
 */
export const getCaller = cache(async (): Promise<Caller | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const user = await db().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, locale: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.user.sessionVersion) return null;
  return { userId: user.id, email: user.email, name: user.name, locale: user.locale };
});

/** For pages: the caller, or a redirect to sign-in that comes back here. */
export async function requireCaller(returnTo?: string): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : '/sign-in');
  return caller;
}

/** For actions and route handlers: the caller, or an UNAUTHENTICATED error. */
export async function callerOrThrow(): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) throw new AppError('UNAUTHENTICATED');
  return caller;
}
