import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../../lib/db/client';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import type { Role } from '../../lib/generated/prisma/enums';
import { addMember, makeOrganization, makeUser, uniqueSuffix } from '../../lib/seed/factories';

/**
 * Fixtures for the security specs, written straight into the e2e database (the app under test runs
 * on it): two organisations, each with a row of every kind, members of every role, API tokens,
 * share links and an invitation. Tokens are hashed exactly as lib/data does (sha256, hex).
 */
export { FACTORY_PASSWORD } from '../../lib/seed/factories';

let client: PrismaClient | undefined;

export function e2eDb(): PrismaClient {
  if (!client) {
    const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? '.data/e2e');
    const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    const port = Number(process.env.E2E_PG_PORT ?? 54331);
    client = createDb(`postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/tenure`, 4);
  }
  return client;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const MONTH = '2026-03';
const monthDate = new Date(`${MONTH}-01T00:00:00Z`);
const day = new Date(`${MONTH}-10T00:00:00Z`);

async function makeApiToken(db: PrismaClient, organizationId: string, scope: 'READ' | 'WRITE', revoked = false) {
  const token = `tnr_${randomBytes(32).toString('base64url')}`;
  const row = await db.apiToken.create({
    data: { organizationId, name: `sec-${scope.toLowerCase()}${revoked ? '-revoked' : ''}`, scope, tokenHash: sha256(token), tokenPrefix: token.slice(0, 10), revokedAt: revoked ? new Date() : null },
    select: { id: true },
  });
  return { id: row.id, token };
}

async function makeShareLink(db: PrismaClient, organizationId: string, state: 'live' | 'expired' | 'revoked') {
  const token = randomBytes(32).toString('base64url');
  const row = await db.shareLink.create({
    data: {
      organizationId,
      target: 'DASHBOARD',
      label: `sec ${state}`,
      tokenHash: sha256(token),
      expiresAt: state === 'expired' ? new Date(Date.now() - 60_000) : new Date(Date.now() + 86_400_000),
      revokedAt: state === 'revoked' ? new Date() : null,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

export type OrgFixture = Awaited<ReturnType<typeof seedOrganization>>;

/** One organisation with a row of everything a route can name. */
export async function seedOrganization(db: PrismaClient, label: string, text: { note?: string } = {}) {
  const owner = await makeUser(db, { name: `${label} owner` });
  const org = await makeOrganization(db, owner, { name: `Security ${label} ${uniqueSuffix()}` });
  const members: Record<Exclude<Role, 'OWNER'>, Awaited<ReturnType<typeof addMember>>> = {
    EDITOR: await addMember(db, org.id, 'EDITOR'),
    VIEWER: await addMember(db, org.id, 'VIEWER'),
  };
  const ownerMembership = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: owner.id }, select: { id: true } });
  const organizationId = org.id;
  const month = await db.monthlyReport.create({
    data: { organizationId, month: monthDate, csmFte: 2, loadedSalaries: 20000, startArr: 1_000_000, startCustomers: 50, managedClients: 50, notes: text.note ?? null },
    select: { id: true },
  });
  const csm = await db.csm.create({ data: { organizationId, name: `${label} CSM`, startDate: new Date('2025-01-01'), externalId: `csm-${label}` }, select: { id: true } });
  const account = await db.account.create({
    data: { organizationId, name: `${label} Account`, startDate: new Date('2025-01-15'), mrr: 2500, csmId: csm.id, externalId: `acc-${label}` },
    select: { id: true },
  });
  const deal = await db.expansionDeal.create({
    data: { organizationId, accountId: account.id, csmId: csm.id, date: day, month: monthDate, type: 'UPSELL', arrAdded: 12000, attribution: 'CS_SOURCED', attributionPct: 100, externalId: `deal-${label}` },
    select: { id: true },
  });
  const churnEvent = await db.churnEvent.create({
    data: { organizationId, accountId: account.id, date: day, month: monthDate, kind: 'CONTRACTION', arrLost: 1000, externalId: `churn-${label}` },
    select: { id: true },
  });
  const save = await db.save.create({
    data: { organizationId, accountId: account.id, date: day, month: monthDate, arrSaved: 5000, externalId: `save-${label}` },
    select: { id: true },
  });
  // A stored board pack: the bytes are a stand-in, the routes serve them as they are.
  const pdf = Buffer.from(`%PDF-1.4\n% security fixture ${label}\n%%EOF\n`);
  const snapshot = await db.boardSnapshot.create({
    data: {
      organizationId,
      title: `${label} pack`,
      periodFrom: monthDate,
      periodTo: monthDate,
      locale: 'en',
      settings: {},
      inputs: { months: [] },
      figures: {},
      pdf,
      checksum: createHash('sha256').update(pdf).digest('hex'),
    },
    select: { id: true },
  });
  const invitationToken = randomBytes(32).toString('base64url');
  const invitation = await db.invitation.create({
    data: { organizationId, email: `invitee-${uniqueSuffix()}@example.test`, role: 'VIEWER', tokenHash: sha256(invitationToken), expiresAt: new Date(Date.now() + 86_400_000) },
    select: { id: true },
  });
  return {
    org,
    owner,
    ownerMembershipId: ownerMembership.id,
    editor: members.EDITOR,
    viewer: members.VIEWER,
    ids: { month: month.id, csm: csm.id, account: account.id, deal: deal.id, churnEvent: churnEvent.id, save: save.id, snapshot: snapshot.id, invitation: invitation.id },
    invitationToken,
    tokens: {
      read: await makeApiToken(db, organizationId, 'READ'),
      write: await makeApiToken(db, organizationId, 'WRITE'),
      revoked: await makeApiToken(db, organizationId, 'WRITE', true),
    },
    links: {
      live: await makeShareLink(db, organizationId, 'live'),
      expired: await makeShareLink(db, organizationId, 'expired'),
      revoked: await makeShareLink(db, organizationId, 'revoked'),
    },
  };
}

/**
 * md5 of every row the organisation owns, table by table, in a fixed order. Equal before and after
 * a request ⇒ the request changed nothing.
 */
export const ORG_TABLES = ['Organization', 'Membership', 'Invitation', 'MethodSettings', 'Csm', 'MonthlyReport', 'Account', 'ChurnEvent', 'Save', 'ExpansionDeal', 'ShareLink', 'ApiToken', 'BoardSnapshot', 'AuditEntry'] as const;

export async function organizationChecksum(db: PrismaClient, organizationId: string): Promise<string> {
  const parts: string[] = [];
  for (const table of ORG_TABLES) {
    const column = table === 'Organization' ? 'id' : 'organizationId';
    // lastUsedAt moves on authenticated requests by design: it is not data the caller sent.
    const row = table === 'ApiToken'
      ? await db.$queryRawUnsafe<{ sum: string | null }[]>(`SELECT md5(string_agg(md5(concat_ws('|', id, name, "tokenHash", scope, "revokedAt")), ',' ORDER BY id)) AS sum FROM "ApiToken" WHERE "organizationId" = $1::uuid`, organizationId)
      : await db.$queryRawUnsafe<{ sum: string | null }[]>(`SELECT md5(string_agg(md5(t::text), ',' ORDER BY t::text)) AS sum FROM "${table}" t WHERE "${column}" = $1::uuid`, organizationId);
    parts.push(`${table}:${row[0]?.sum ?? 'empty'}`);
  }
  return sha256(parts.join(';'));
}
