import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';

/**
 * Factories shared by integration tests, Playwright fixtures and benchmarks. Each call makes its own
 * uniquely named rows, so tests can run in any order against one database.
 */
let cachedHash: Promise<string> | undefined;
export const FACTORY_PASSWORD = 'correct horse battery staple';

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function makeUser(prisma: PrismaClient, overrides: { email?: string; name?: string } = {}) {
  cachedHash ??= hashPassword(FACTORY_PASSWORD);
  const suffix = uniqueSuffix();
  return prisma.user.create({
    data: { email: overrides.email ?? `user-${suffix}@example.test`, name: overrides.name ?? `User ${suffix}`, passwordHash: await cachedHash },
    select: { id: true, email: true, name: true, locale: true },
  });
}

export async function makeOrganization(prisma: PrismaClient, owner: { id: string }, overrides: { name?: string; slug?: string } = {}) {
  const suffix = uniqueSuffix();
  return prisma.organization.create({
    data: {
      name: overrides.name ?? `Org ${suffix}`,
      slug: overrides.slug ?? `org-${suffix}`,
      memberships: { create: { userId: owner.id, role: 'OWNER' } },
      methodSettings: { create: {} },
    },
    select: { id: true, name: true, slug: true },
  });
}

export async function addMember(prisma: PrismaClient, organizationId: string, role: Role) {
  const user = await makeUser(prisma);
  const membership = await prisma.membership.create({ data: { organizationId, userId: user.id, role }, select: { id: true } });
  return { user, membershipId: membership.id };
}

/** A caller as lib/data expects it, from a factory user. */
export function callerOf(user: { id: string; email: string; name: string; locale?: string | null }) {
  return { userId: user.id, email: user.email, name: user.name, locale: user.locale ?? null };
}
