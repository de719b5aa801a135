import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Caller } from '@/lib/auth/caller';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { actorOf, recordAudit } from '@/lib/data/audit';
import { memberOf } from '@/lib/data/access';
import { slugify } from '@/lib/data/slug';
import type { NewOrganizationInput } from '@/lib/validation/auth';
import type { Role } from '@/lib/data/roles';

export type OrganizationSummary = { id: string; name: string; slug: string; role: Role };

export async function listOrganizations(caller: Caller): Promise<OrganizationSummary[]> {
  const rows = await db().membership.findMany({
    where: { userId: caller.userId },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
    orderBy: { organization: { name: 'asc' } },
  });
  return rows.map((r) => ({ ...r.organization, role: r.role }));
}

async function freeSlug(tx: Tx, wanted: string | undefined, name: string): Promise<string> {
  if (wanted) {
    const taken = await tx.organization.findUnique({ where: { slug: wanted }, select: { id: true } });
    if (taken) throw new AppError('SLUG_TAKEN');
    return wanted;
  }
  const base = slugify(name);
  const taken = await tx.organization.findUnique({ where: { slug: base }, select: { id: true } });
  return taken ? `${base}-${randomBytes(3).toString('hex')}` : base;
}

/** Creates an organisation with default method settings; the caller becomes its owner. */
export async function createOrganizationTx(tx: Tx, caller: Caller, input: Omit<NewOrganizationInput, 'slug'> & { slug?: string }) {
  const slug = await freeSlug(tx, input.slug, input.name);
  const organization = await tx.organization.create({
    data: {
      name: input.name,
      slug,
      currency: input.currency,
      defaultLocale: input.defaultLocale,
      memberships: { create: { userId: caller.userId, role: 'OWNER' } },
      methodSettings: { create: {} },
    },
    select: { id: true, name: true, slug: true },
  });
  await recordAudit(tx, {
    organizationId: organization.id,
    actor: actorOf(caller),
    action: 'organization.create',
    entityType: 'Organization',
    entityId: organization.id,
    after: { name: organization.name, slug, currency: input.currency, defaultLocale: input.defaultLocale },
  });
  return organization;
}

export async function createOrganization(caller: Caller, input: NewOrganizationInput) {
  return db().$transaction((tx) => createOrganizationTx(tx, caller, input));
}

/** Is the caller a member of any organisation? (Used to route a fresh sign-in.) */
export async function firstOrganizationSlug(caller: Caller): Promise<string | null> {
  const org = await db().organization.findFirst({ where: memberOf(caller), select: { slug: true }, orderBy: { createdAt: 'asc' } });
  return org?.slug ?? null;
}
