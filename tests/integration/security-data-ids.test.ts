import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@/lib/auth/caller';
import { orgAccess, orgAccessById, principalAccess } from '@/lib/data/access';
import { revokeApiToken } from '@/lib/data/api-tokens';
import { deleteAccount, deleteAccountTx, getAccount, upsertAccount, upsertAccountTx } from '@/lib/data/entries/accounts';
import { deleteChurnEvent, deleteChurnEventTx, upsertChurnEvent, upsertChurnEventTx } from '@/lib/data/entries/churn-events';
import { deleteCsm, deleteCsmTx, getCsm, upsertCsm, upsertCsmTx } from '@/lib/data/entries/csms';
import { deleteDeal, deleteDealTx, upsertDeal, upsertDealTx } from '@/lib/data/entries/deals';
import { deleteSave, deleteSaveTx, upsertSave, upsertSaveTx } from '@/lib/data/entries/saves';
import { acceptInvitation, acceptInvitationTx, describeInvitation, revokeInvitation } from '@/lib/data/invitations';
import { changeMemberRole, removeMember } from '@/lib/data/memberships';
import { createSnapshotShareLink, isUnlocked, listSnapshotShareLinks, openBoard, openShareLink, openSnapshotShareLink, revokeShareLink, unlockShareLink } from '@/lib/data/share-links';
import { deleteSnapshot, getSnapshot, getSnapshotPdf } from '@/lib/data/snapshots';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

/**
 * The data layer does not trust its callers for the shape of ids, slugs and tokens (they come from
 * URLs, forms, server-action arguments and JSON): anything that cannot name a row is NOT_FOUND (or
 * the function's "nothing" answer), never a Prisma or PostgreSQL error, and nothing is written.
 */
const UUID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
const BAD_IDS: unknown[] = [
  'not-a-uuid', '', ' ', "1' OR '1'='1", 'x'.repeat(5000), '\u0000', `${UUID}\u0000`, `${UUID} `, ` ${UUID}`, `${UUID.slice(0, -1)}g`, `{${UUID}}`,
  '00000000000000000000000000000000', '%00', '../../etc/passwd', '😀', 42, -1, Number.NaN, null, true, {}, { id: UUID }, [UUID], { $ne: null },
];
const BAD_SLUGS: unknown[] = ['', 'Demo', 'a\u0000b', 'x'.repeat(5000), "a' OR '1'='1", 'org/../x', '%', 7, null, {}, ['org'], { contains: '' }];

type Outcome = 'NOT_FOUND' | 'INVITATION_INVALID' | 'null' | 'empty' | 'false' | 'unknown';
let owner: Caller;
let slug: string;
let organizationId: string;

const ACCOUNT = { name: 'Target', startDate: '2025-01-01', mrr: '1' };
const CSM = { name: 'Target', startDate: '2025-01-01' };
const CHURN = { accountExternalId: 'ids-acc', date: '2026-03-05', kind: 'FULL' as const, arrLost: '1' };
const SAVE = { accountExternalId: 'ids-acc', date: '2026-03-05', arrSaved: '1' };
const DEAL = { accountExternalId: 'ids-acc', date: '2026-03-05', type: 'UPSELL' as const, arrAdded: '1', attribution: 'CS_SOURCED' as const };
const inTx = <T,>(work: (tx: Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0], access: Awaited<ReturnType<typeof principalAccess>>) => Promise<T>) =>
  principalAccess(owner, slug, 'OWNER').then((access) => db().$transaction((tx) => work(tx, access)));

/** Every data-layer function that takes a caller-supplied id or token, and its answer to a bad one. */
const BY_ID: Record<string, [Outcome, (id: string) => Promise<unknown>]> = {
  orgAccessById: ['NOT_FOUND', (id) => orgAccessById(owner, id)],
  revokeApiToken: ['NOT_FOUND', (id) => revokeApiToken(owner, slug, id)],
  upsertAccount: ['NOT_FOUND', (id) => upsertAccount(owner, slug, ACCOUNT, id)],
  upsertAccountTx: ['NOT_FOUND', (id) => inTx((tx, a) => upsertAccountTx(tx, a, ACCOUNT, id))],
  deleteAccount: ['NOT_FOUND', (id) => deleteAccount(owner, slug, id)],
  deleteAccountTx: ['NOT_FOUND', (id) => inTx((tx, a) => deleteAccountTx(tx, a, id))],
  getAccount: ['null', (id) => getAccount(owner, slug, id)],
  upsertCsm: ['NOT_FOUND', (id) => upsertCsm(owner, slug, CSM, id)],
  upsertCsmTx: ['NOT_FOUND', (id) => inTx((tx, a) => upsertCsmTx(tx, a, CSM, id))],
  deleteCsm: ['NOT_FOUND', (id) => deleteCsm(owner, slug, id)],
  deleteCsmTx: ['NOT_FOUND', (id) => inTx((tx, a) => deleteCsmTx(tx, a, id))],
  getCsm: ['null', (id) => getCsm(owner, slug, id)],
  upsertChurnEvent: ['NOT_FOUND', (id) => upsertChurnEvent(owner, slug, CHURN, id)],
  upsertChurnEventTx: ['NOT_FOUND', (id) => inTx((tx, a) => upsertChurnEventTx(tx, a, CHURN, id))],
  deleteChurnEvent: ['NOT_FOUND', (id) => deleteChurnEvent(owner, slug, id)],
  deleteChurnEventTx: ['NOT_FOUND', (id) => inTx((tx, a) => deleteChurnEventTx(tx, a, id))],
  upsertSave: ['NOT_FOUND', (id) => upsertSave(owner, slug, SAVE, id)],
  upsertSaveTx: ['NOT_FOUND', (id) => inTx((tx, a) => upsertSaveTx(tx, a, SAVE, id))],
  deleteSave: ['NOT_FOUND', (id) => deleteSave(owner, slug, id)],
  deleteSaveTx: ['NOT_FOUND', (id) => inTx((tx, a) => deleteSaveTx(tx, a, id))],
  upsertDeal: ['NOT_FOUND', (id) => upsertDeal(owner, slug, DEAL, id)],
  upsertDealTx: ['NOT_FOUND', (id) => inTx((tx, a) => upsertDealTx(tx, a, DEAL, id))],
  deleteDeal: ['NOT_FOUND', (id) => deleteDeal(owner, slug, id)],
  deleteDealTx: ['NOT_FOUND', (id) => inTx((tx, a) => deleteDealTx(tx, a, id))],
  revokeInvitation: ['NOT_FOUND', (id) => revokeInvitation(owner, slug, id)],
  describeInvitation: ['unknown', (token) => describeInvitation(token)],
  acceptInvitation: ['INVITATION_INVALID', (token) => acceptInvitation(owner, token)],
  acceptInvitationTx: ['INVITATION_INVALID', (token) => db().$transaction((tx) => acceptInvitationTx(tx, owner, token))],
  changeMemberRole: ['NOT_FOUND', (id) => changeMemberRole(owner, slug, id, 'VIEWER')],
  removeMember: ['NOT_FOUND', (id) => removeMember(owner, slug, id)],
  createSnapshotShareLink: ['NOT_FOUND', (id) => createSnapshotShareLink(owner, slug, id, { label: 'x', expiresAt: null, password: null })],
  listSnapshotShareLinks: ['empty', (id) => listSnapshotShareLinks(owner, slug, id)],
  revokeShareLink: ['NOT_FOUND', (id) => revokeShareLink(owner, slug, id)],
  openShareLink: ['null', (token) => openShareLink(token)],
  openSnapshotShareLink: ['null', (token) => openSnapshotShareLink(token)],
  isUnlocked: ['false', (token) => isUnlocked(token, 'proof')],
  openBoard: ['null', (token) => openBoard(token, 'proof')],
  unlockShareLink: ['null', (token) => unlockShareLink(token, 'password')],
  getSnapshot: ['NOT_FOUND', (id) => getSnapshot(owner, slug, id)],
  getSnapshotPdf: ['NOT_FOUND', (id) => getSnapshotPdf(owner, slug, id)],
  deleteSnapshot: ['NOT_FOUND', (id) => deleteSnapshot(owner, slug, id)],
};

/**
 * Parameters that are not caller-supplied: organisation and user ids come from the caller's access
 * or session, a link id from the link a token opened; the guards and hashes are pure.
 */
const NOT_CALLER_SUPPLIED = new Set(['organizationId', 'userId', 'linkId']);
const PURE = new Set(['requireUuid', 'requireSlug', 'tokenText', 'hashToken', 'hashShareToken', 'isUuid']);

/** `export (async) function name(params)` in every lib/data file, with the id-like parameters. */
function idTakingFunctions(dir = path.resolve('lib/data')): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      found.push(...idTakingFunctions(full));
      continue;
    }
    for (const match of readFileSync(full, 'utf8').matchAll(/export (?:async )?function (\w+)\(([^)]*)\)/g)) {
      const params = match[2]!.split(',').map((p) => p.split(':')[0]!.trim().replace(/\?$/, ''));
      if (!PURE.has(match[1]!) && params.some((p) => /^(id|token)$|Id$/.test(p) && !NOT_CALLER_SUPPLIED.has(p))) found.push(match[1]!);
    }
  }
  return found.sort();
}

async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    const value = await call();
    if (value === null) return 'null';
    if (value === false) return 'false';
    if (Array.isArray(value) && value.length === 0) return 'empty';
    if (typeof value === 'object' && value !== null && 'state' in value) return String(value.state);
    return `resolved ${JSON.stringify(value).slice(0, 80)}`;
  } catch (error) {
    return isAppError(error) ? error.code : `threw ${String(error).slice(0, 200)}`;
  }
}

async function rowCount(): Promise<number> {
  const [row] = await testDb().$queryRawUnsafe<{ n: number }[]>(
    `SELECT ((SELECT count(*) FROM "Account") + (SELECT count(*) FROM "Csm") + (SELECT count(*) FROM "ChurnEvent") + (SELECT count(*) FROM "Save") + (SELECT count(*) FROM "ExpansionDeal")
      + (SELECT count(*) FROM "ShareLink") + (SELECT count(*) FROM "Membership") + (SELECT count(*) FROM "AuditEntry") + (SELECT count(*) FROM "BoardSnapshot"))::int AS n`,
  );
  return row!.n;
}

beforeAll(async () => {
  const user = await makeUser(testDb());
  const org = await makeOrganization(testDb(), user);
  owner = callerOf(user);
  slug = org.slug;
  organizationId = org.id;
  await upsertAccount(owner, slug, { ...ACCOUNT, externalId: 'ids-acc' });
});

describe('malformed ids reaching lib/data', () => {
  it('every function taking a caller-supplied id or token has a declared answer here', () => {
    expect(idTakingFunctions().filter((name) => !(name in BY_ID)), 'functions in lib/data without a row in BY_ID').toEqual([]);
  });

  it.each(Object.entries(BY_ID))('%s answers a malformed id as not found and writes nothing', async (_name, [expected, call]) => {
    const before = await rowCount();
    const wrong: string[] = [];
    for (const id of BAD_IDS) {
      const actual = await outcomeOf(() => call(id as string));
      if (actual !== expected) wrong.push(`${JSON.stringify(id)?.slice(0, 40)}: ${actual}`);
    }
    expect(wrong).toEqual([]);
    expect(await rowCount()).toBe(before);
    // A well-formed id that names nothing gets the same answer (the check is not what refuses it).
    expect(await outcomeOf(() => call(UUID))).toBe(expected);
  });

  it('a slug that cannot be one is NOT_FOUND for users and API tokens alike', async () => {
    const token = { kind: 'token' as const, tokenId: UUID, organizationId, scope: 'WRITE' as const, name: 't' };
    const wrong: string[] = [];
    for (const bad of BAD_SLUGS) {
      for (const [label, call] of [['orgAccess', () => orgAccess(owner, bad as string)], ['principalAccess', () => principalAccess(owner, bad as string)], ['principalAccess (token)', () => principalAccess(token, bad as string)]] as const) {
        const actual = await outcomeOf(call);
        if (actual !== 'NOT_FOUND') wrong.push(`${label} ${JSON.stringify(bad)?.slice(0, 40)}: ${actual}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await orgAccess(owner, slug)).organization.id).toBe(organizationId);
  });
});
