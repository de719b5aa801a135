import 'server-only';
import { db } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/auth/password';
import { hitRateLimit, resetRateLimit } from '@/lib/rate-limit';
import type { SignUpInput } from '@/lib/validation/auth';
import { createOrganizationTx } from '@/lib/data/organizations';
import { acceptInvitationTx } from '@/lib/data/invitations';

const SIGN_IN_LIMIT_PER_ACCOUNT = 10;
const SIGN_IN_LIMIT_PER_IP = 50;
const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export type VerifiedUser = { id: string; email: string; name: string; sessionVersion: number };

/**
 * Checks an email and password. Returns null for any failure (unknown email, wrong password,
 * too many attempts), so the sign-in form cannot tell which part was wrong.
 */
export async function verifyCredentials(input: { email: string; password: string; ip: string }): Promise<VerifiedUser | null> {
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password || input.password.length > 200) return null;
  const [perAccount, perIp] = await Promise.all([
    hitRateLimit(`sign-in:account:${email}`, SIGN_IN_LIMIT_PER_ACCOUNT, SIGN_IN_WINDOW_SECONDS),
    hitRateLimit(`sign-in:ip:${input.ip}`, SIGN_IN_LIMIT_PER_IP, SIGN_IN_WINDOW_SECONDS),
  ]);
  if (!perAccount.allowed || !perIp.allowed) return null;
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  // Hash even for unknown emails so the response time does not reveal which accounts exist.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) return null;
  await resetRateLimit(`sign-in:account:${email}`);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * Creates a user and either their first organisation (where they are owner) or, with an invitation,
 * their membership of the inviting organisation. All or nothing.
 */
export async function signUp(input: SignUpInput): Promise<{ userId: string; slug: string }> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError('EMAIL_TAKEN');
    const user = await tx.user
      .create({ data: { email: input.email, name: input.name, passwordHash, locale: input.locale ?? null }, select: { id: true, email: true, name: true } })
      .catch((error: unknown) => {
        // Two sign-ups with one email at the same moment: the unique index decides.
        if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN');
        throw error;
      });
    const caller = { userId: user.id, email: user.email, name: user.name, locale: input.locale ?? null };
    if (input.invitationToken) {
      const { slug } = await acceptInvitationTx(tx, caller, input.invitationToken);
      return { userId: user.id, slug };
    }
    const organization = await createOrganizationTx(tx, caller, {
      name: input.organizationName ?? user.name,
      currency: 'EUR',
      defaultLocale: input.locale ?? 'en',
    });
    return { userId: user.id, slug: organization.slug };
  });
}

/** Ends every session of a user on their next request. */
export async function revokeSessions(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function setUserLocale(userId: string, locale: 'en' | 'fr'): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}
