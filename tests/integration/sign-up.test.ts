import { describe, expect, it } from 'vitest';
import { verifyCredentials, signUp } from '@/lib/data/users';
import { FACTORY_PASSWORD, makeUser, uniqueSuffix } from '@/lib/seed/factories';
import { newOrganizationSchema, signUpSchema } from '@/lib/validation/auth';
import { testDb } from '../support/db';

const PASSWORD = 'a long enough password';

/** A fresh client address, so the per-IP sign-in limit of one test never touches another. */
function freshIp(): string {
  const n = parseInt(uniqueSuffix(), 16);
  return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The messages zod gives for one field. */
function messagesFor(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string): string[] {
  return (result.error?.issues ?? []).filter((i) => i.path[0] === field).map((i) => i.message);
}

/** Inserts a user with `email` in a transaction left open until the returned function rolls it back. */
async function holdEmail(email: string): Promise<() => Promise<void>> {
  let held!: () => void;
  let release!: () => void;
  const isHeld = new Promise<void>((resolve) => { held = resolve; });
  const released = new Promise<void>((resolve) => { release = resolve; });
  const rollback = new Error('rollback');
  const transaction = testDb()
    .$transaction(async (tx) => {
      await tx.user.create({ data: { email, name: 'Holder', passwordHash: 'not-a-hash' } });
      held();
      await released;
      throw rollback;
    }, { timeout: 20_000 })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  await isHeld;
  return async () => {
    release();
    await transaction;
  };
}

/** Waits until `count` sessions of the test database are blocked on a lock. */
async function waitForLockWaiters(count: number) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const rows = await testDb().$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((rows[0]?.waiting ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Expected ${count} sessions waiting on a lock`);
}

describe('signUp', () => {
  it('creates the user, their organisation, an OWNER membership and default method settings', async () => {
    const email = `founder-${uniqueSuffix()}@example.test`;
    const organizationName = `Founder Co ${uniqueSuffix()}`;
    const input = signUpSchema.parse({ name: 'Founder', email, password: PASSWORD, organizationName, locale: 'fr' });

    const result = await signUp(input);

    const prisma = testDb();
    const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId }, select: { email: true, name: true, locale: true, passwordHash: true } });
    expect(user).toMatchObject({ email, name: 'Founder', locale: 'fr' });
    expect(user.passwordHash).not.toContain(PASSWORD);

    const organization = await prisma.organization.findUniqueOrThrow({
      where: { slug: result.slug },
      select: { id: true, name: true, currency: true, defaultLocale: true, isDemo: true, memberships: { select: { userId: true, role: true } }, methodSettings: true },
    });
    expect(organization).toMatchObject({ name: organizationName, currency: 'EUR', defaultLocale: 'fr', isDemo: false });
    expect(organization.memberships).toEqual([{ userId: result.userId, role: 'OWNER' }]);
    expect(organization.methodSettings?.indirectCostCoefficient.toString()).toBe('1.3');
    expect(organization.methodSettings?.indirectCostMode).toBe('COEFFICIENT');
    expect(result.slug).toMatch(/^founder-co-[0-9a-f]{8}$/);

    const audit = await prisma.auditEntry.findMany({ where: { organizationId: organization.id }, select: { action: true, actorUserId: true } });
    expect(audit).toEqual([{ action: 'organization.create', actorUserId: result.userId }]);

    await expect(verifyCredentials({ email, password: PASSWORD, ip: freshIp() })).resolves.toMatchObject({ id: result.userId });
  });

  it('two organisations with the same name get different slugs', async () => {
    const organizationName = `Twin Co ${uniqueSuffix()}`;
    const first = await signUp(signUpSchema.parse({ name: 'One', email: `one-${uniqueSuffix()}@example.test`, password: PASSWORD, organizationName }));
    const second = await signUp(signUpSchema.parse({ name: 'Two', email: `two-${uniqueSuffix()}@example.test`, password: PASSWORD, organizationName }));
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug.startsWith(`${first.slug}-`)).toBe(true);
  });

  it('a taken email ⇒ EMAIL_TAKEN and nothing is written', async () => {
    const existing = await makeUser(testDb());
    const prisma = testDb();
    const usersBefore = await prisma.user.count();
    const organizationsBefore = await prisma.organization.count();
    const organizationName = `Squatter ${uniqueSuffix()}`;

    // The schema lowercases, so a different case is the same address.
    const input = signUpSchema.parse({ name: 'Squatter', email: existing.email.toUpperCase(), password: PASSWORD, organizationName });
    await expect(signUp(input)).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });

    expect(await prisma.user.count()).toBe(usersBefore);
    expect(await prisma.organization.count()).toBe(organizationsBefore);
    expect(await prisma.organization.findFirst({ where: { name: organizationName } })).toBeNull();
    // The existing account is untouched: its password still works.
    await expect(verifyCredentials({ email: existing.email, password: FACTORY_PASSWORD, ip: freshIp() })).resolves.toMatchObject({ id: existing.id });
  });
  it('two simultaneous sign-ups with one email: one succeeds, the other gets EMAIL_TAKEN, not a database error', async () => {
    const email = `race-${uniqueSuffix()}@example.test`;
    const organizationName = `Race ${uniqueSuffix()}`;
    const input = signUpSchema.parse({ name: 'Racer', email, password: PASSWORD, organizationName });
    // An uncommitted row with the same email makes both sign-ups pass their "is it taken?" check and
    // then wait on the unique index, which is the window two real requests can hit.
    const release = await holdEmail(email);
    const both = Promise.allSettled([signUp(input), signUp(input)]);
    await waitForLockWaiters(2);
    await release();
    const results = await both;

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => (r.reason as { code?: string }).code)).toEqual(['EMAIL_TAKEN']);
    expect(await testDb().user.count({ where: { email } })).toBe(1);
    expect(await testDb().organization.count({ where: { name: organizationName } })).toBe(1);
  });
});

describe('verifyCredentials', () => {
  it('returns the user for the right password, without any secret', async () => {
    const user = await makeUser(testDb());
    const verified = await verifyCredentials({ email: user.email, password: FACTORY_PASSWORD, ip: freshIp() });
    expect(verified).toEqual({ id: user.id, email: user.email, name: user.name, sessionVersion: 0 });
  });

  it('ignores case and surrounding spaces in the email', async () => {
    const user = await makeUser(testDb());
    const verified = await verifyCredentials({ email: `  ${user.email.toUpperCase()} `, password: FACTORY_PASSWORD, ip: freshIp() });
    expect(verified?.id).toBe(user.id);
  });

  it('returns null for a wrong password, an unknown email and empty input', async () => {
    const user = await makeUser(testDb());
    const ip = freshIp();
    expect(await verifyCredentials({ email: user.email, password: `${FACTORY_PASSWORD}!`, ip })).toBeNull();
    expect(await verifyCredentials({ email: `nobody-${uniqueSuffix()}@example.test`, password: FACTORY_PASSWORD, ip })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: '', ip })).toBeNull();
    expect(await verifyCredentials({ email: '', password: FACTORY_PASSWORD, ip })).toBeNull();
  });

  it('after 10 failed attempts for an account, even the right password returns null', async () => {
    const user = await makeUser(testDb(), { email: `locked-${uniqueSuffix()}@example.test` });
    for (let attempt = 0; attempt < 10; attempt++) {
      // A new address each time: it is the account's counter that must stop this.
      expect(await verifyCredentials({ email: user.email, password: `wrong-${attempt}`, ip: freshIp() })).toBeNull();
    }
    expect(await verifyCredentials({ email: user.email, password: FACTORY_PASSWORD, ip: freshIp() })).toBeNull();
    // Another account is not affected.
    const other = await makeUser(testDb());
    expect(await verifyCredentials({ email: other.email, password: FACTORY_PASSWORD, ip: freshIp() })).toMatchObject({ id: other.id });
  });

  it('an address that has used up its 50 attempts is refused even with the right password', async () => {
    const user = await makeUser(testDb());
    const ip = freshIp();
    // Fifty real failures would cost fifty password hashes; start the address's window full instead.
    await testDb().rateLimitBucket.create({
      data: { key: `sign-in:ip:${ip}`, count: 50, windowStart: new Date(), expiresAt: new Date(Date.now() + 15 * 60_000) },
    });
    expect(await verifyCredentials({ email: user.email, password: FACTORY_PASSWORD, ip })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: FACTORY_PASSWORD, ip: freshIp() })).toMatchObject({ id: user.id });
  });

  it('a successful sign-in resets the account’s failure count', async () => {
    const user = await makeUser(testDb());
    const ip = freshIp();
    for (let attempt = 0; attempt < 9; attempt++) {
      expect(await verifyCredentials({ email: user.email, password: `wrong-${attempt}`, ip })).toBeNull();
    }
    expect(await verifyCredentials({ email: user.email, password: FACTORY_PASSWORD, ip })).toMatchObject({ id: user.id });
    for (let attempt = 0; attempt < 9; attempt++) {
      expect(await verifyCredentials({ email: user.email, password: `wrong-again-${attempt}`, ip })).toBeNull();
    }
    expect(await verifyCredentials({ email: user.email, password: FACTORY_PASSWORD, ip })).toMatchObject({ id: user.id });
  });
});

describe('signUpSchema', () => {
  const valid = { name: 'Ada', email: 'ada@example.test', password: PASSWORD, organizationName: 'Analytical Engines' };

  it('accepts a complete sign-up and normalises the email', () => {
    const parsed = signUpSchema.parse({ ...valid, email: '  Ada@Example.TEST ' });
    expect(parsed.email).toBe('ada@example.test');
  });

  it('rejects a malformed email with "email"', () => {
    expect(messagesFor(signUpSchema.safeParse({ ...valid, email: 'not-an-email' }), 'email')).toEqual(['email']);
  });

  it('rejects a short password with "passwordTooShort"', () => {
    expect(messagesFor(signUpSchema.safeParse({ ...valid, password: 'short' }), 'password')).toEqual(['passwordTooShort']);
  });

  it('requires an organisation name without an invitation, not with one', () => {
    const { organizationName: _omitted, ...withoutOrganization } = valid;
    expect(messagesFor(signUpSchema.safeParse(withoutOrganization), 'organizationName')).toEqual(['required']);
    expect(messagesFor(signUpSchema.safeParse({ ...valid, organizationName: '   ' }), 'organizationName')).toEqual(['required']);
    expect(signUpSchema.safeParse({ ...withoutOrganization, invitationToken: 'some-token' }).success).toBe(true);
  });
});

describe('newOrganizationSchema', () => {
  it.each(['Bad Slug', '-x', 'a', 'UPPER', 'x'.repeat(41), 'trailing-'])('rejects the slug %j with "slugInvalid"', (slug) => {
    const result = newOrganizationSchema.safeParse({ name: 'Acme', slug });
    expect(result.success).toBe(false);
    const messages = messagesFor(result, 'slug');
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(messages)).toEqual(new Set(['slugInvalid']));
  });

  it.each(['acme-2', 'ab', 'x'.repeat(40)])('accepts the slug %j', (slug) => {
    const result = newOrganizationSchema.safeParse({ name: 'Acme', slug });
    expect(result.success).toBe(true);
    expect(result.data?.slug).toBe(slug);
  });

  it('fills currency and locale defaults', () => {
    expect(newOrganizationSchema.parse({ name: 'Acme' })).toEqual({ name: 'Acme', currency: 'EUR', defaultLocale: 'en' });
  });
});
