import 'server-only';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Caller } from '@/lib/auth/caller';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { isUuid, requireUuid, tokenText } from '@/lib/data/ids';
import { orgAccess, type OrgRef } from '@/lib/data/access';
import { actorOf, recordAudit } from '@/lib/data/audit';
import type { DashboardGrant } from '@/lib/data/dashboard-data';
import { hitRateLimit, resetRateLimit } from '@/lib/rate-limit';

/** The cookie that proves this browser gave a board link's password. */
export const BOARD_PROOF_COOKIE = 'tenure-board';

/** Wrong passwords allowed per link and window, before the link refuses every attempt. */
export const PASSWORD_ATTEMPTS = 5;
export const PASSWORD_WINDOW_SECONDS = 15 * 60;

export type ShareLinkInput = {
  label: string;
  expiresAt: Date | null;
  password: string | null;
  includeLeaderboard: boolean;
  includeDrafts: boolean;
};

export type ShareLinkState = 'active' | 'expired' | 'revoked';

/** What the owner's list shows: never the token or a hash. */
export type ShareLinkSummary = {
  id: string;
  label: string;
  state: ShareLinkState;
  hasPassword: boolean;
  includeLeaderboard: boolean;
  includeDrafts: boolean;
  expiresAt: Date | null;
  viewCount: number;
  lastViewedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

/** A link that opens the board: its organisation and what the owner chose to show. */
export type OpenShareLink = {
  id: string;
  label: string;
  organization: OrgRef;
  includeLeaderboard: boolean;
  includeDrafts: boolean;
  passwordProtected: boolean;
};

const orgSelect = { id: true, name: true, slug: true, currency: true, defaultLocale: true, fiscalYearStartMonth: true, isDemo: true } as const;

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function stateOf(link: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): ShareLinkState {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && link.expiresAt <= now) return 'expired';
  return 'active';
}

/** Owner only. The token (32 random bytes, base64url) is returned once; only its sha256 is stored. */
/**
 * Inserts a link with a fresh token (returned once, stored as sha256) and its audit entry, in one
 * transaction; dashboard and snapshot links differ only in what they point at and show.
 */
async function insertShareLink(
  caller: Caller,
  organizationId: string,
  input: { label: string; expiresAt: Date | null; password?: string | null },
  target: { target: 'DASHBOARD' | 'SNAPSHOT'; snapshotId?: string; includeLeaderboard: boolean; includeDrafts: boolean },
  audited: Record<string, unknown>,
): Promise<{ id: string; token: string }> {
  if (input.expiresAt && input.expiresAt <= new Date()) throw new AppError('INVALID', 'The expiry date is in the past');
  const token = randomBytes(32).toString('base64url');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db().$transaction(async (tx) => {
    const link = await tx.shareLink.create({
      data: { organizationId, ...target, label: input.label, tokenHash: hashShareToken(token), passwordHash, expiresAt: input.expiresAt, createdById: caller.userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId,
      actor: actorOf(caller),
      action: 'shareLink.create',
      entityType: 'ShareLink',
      entityId: link.id,
      after: { label: input.label, ...audited, expiresAt: input.expiresAt, passwordProtected: passwordHash !== null },
    });
    return { id: link.id, token };
  });
}

export async function createShareLink(caller: Caller, slug: string, input: ShareLinkInput): Promise<{ id: string; token: string }> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  const shows = { includeLeaderboard: input.includeLeaderboard, includeDrafts: input.includeDrafts };
  return insertShareLink(caller, organization.id, input, { target: 'DASHBOARD', ...shows }, shows);
}

export async function listShareLinks(caller: Caller, slug: string): Promise<ShareLinkSummary[]> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  const rows = await db().shareLink.findMany({
    where: { organizationId: organization.id, target: 'DASHBOARD' },
    select: { id: true, label: true, passwordHash: true, includeLeaderboard: true, includeDrafts: true, expiresAt: true, viewCount: true, lastViewedAt: true, revokedAt: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
  const now = new Date();
  return rows.map(({ passwordHash, ...row }) => ({ ...row, hasPassword: passwordHash !== null, state: stateOf(row, now) }));
}

export type SnapshotShareLinkInput = Pick<ShareLinkInput, 'label' | 'expiresAt' | 'password'>;

/** A snapshot link opens one frozen board pack, read-only: its figures and its stored PDF. */
export type OpenSnapshotLink = { id: string; label: string; organization: OrgRef; snapshotId: string; passwordProtected: boolean };

/**
 * Owner only: a board link to one snapshot of the organisation, with the same rules as dashboard
 * links (token returned once, sha256 stored, optional expiry and password, revocable, audited).
 * A snapshot of another organisation is NOT_FOUND.
 */
export async function createSnapshotShareLink(caller: Caller, slug: string, snapshotId: string, input: SnapshotShareLinkInput): Promise<{ id: string; token: string }> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  requireUuid(snapshotId);
  const snapshot = await db().boardSnapshot.findFirst({ where: { id: snapshotId, organizationId: organization.id }, select: { id: true } });
  if (!snapshot) throw new AppError('NOT_FOUND');
  // A snapshot shows what it froze: the dashboard's leaderboard and draft options do not apply.
  return insertShareLink(
    caller,
    organization.id,
    input,
    { target: 'SNAPSHOT', snapshotId: snapshot.id, includeLeaderboard: false, includeDrafts: true },
    { target: 'SNAPSHOT', snapshotId: snapshot.id },
  );
}

/** The board links of one snapshot (owner only), newest first; never a token or a hash. */
export async function listSnapshotShareLinks(caller: Caller, slug: string, snapshotId: string): Promise<ShareLinkSummary[]> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  if (!isUuid(snapshotId)) return [];
  const rows = await db().shareLink.findMany({
    where: { organizationId: organization.id, target: 'SNAPSHOT', snapshotId },
    select: { id: true, label: true, passwordHash: true, includeLeaderboard: true, includeDrafts: true, expiresAt: true, viewCount: true, lastViewedAt: true, revokedAt: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
  const now = new Date();
  return rows.map(({ passwordHash, ...row }) => ({ ...row, hasPassword: passwordHash !== null, state: stateOf(row, now) }));
}

/** Owner only; from this moment the link answers 404. */
export async function revokeShareLink(caller: Caller, slug: string, id: string): Promise<void> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  await db().$transaction(async (tx) => {
    const updated = await tx.shareLink.updateMany({ where: { id: requireUuid(id), organizationId: organization.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (updated.count === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { organizationId: organization.id, actor: actorOf(caller), action: 'shareLink.revoke', entityType: 'ShareLink', entityId: id });
  });
}

async function findLink(token: string) {
  const text = tokenText(token);
  if (text === null) return null;
  return db().shareLink.findUnique({
    where: { tokenHash: hashShareToken(text) },
    select: { id: true, label: true, target: true, snapshotId: true, tokenHash: true, passwordHash: true, expiresAt: true, revokedAt: true, includeLeaderboard: true, includeDrafts: true, organization: { select: orgSelect } },
  });
}

/** The link a token opens, or null when unknown, revoked, expired or not a dashboard link. */
export async function openShareLink(token: string): Promise<OpenShareLink | null> {
  const link = await findLink(token);
  if (!link || link.target !== 'DASHBOARD' || stateOf(link) !== 'active') return null;
  return {
    id: link.id,
    label: link.label,
    organization: link.organization,
    includeLeaderboard: link.includeLeaderboard,
    includeDrafts: link.includeDrafts,
    passwordProtected: link.passwordHash !== null,
  };
}

/** The snapshot link a token opens, or null when unknown, revoked, expired or not a snapshot link. */
export async function openSnapshotShareLink(token: string): Promise<OpenSnapshotLink | null> {
  const link = await findLink(token);
  if (!link || link.target !== 'SNAPSHOT' || !link.snapshotId || stateOf(link) !== 'active') return null;
  return { id: link.id, label: link.label, organization: link.organization, snapshotId: link.snapshotId, passwordProtected: link.passwordHash !== null };
}

/**
 * Proof that this browser gave the right password, kept in a cookie: an HMAC of the token hash
 * keyed by the password hash, so it cannot be forged without the hash and dies with the link.
 */
function unlockProof(link: { tokenHash: string; passwordHash: string }): string {
  return createHmac('sha256', link.passwordHash).update(link.tokenHash).digest('base64url');
}

function proofMatches(link: { tokenHash: string; passwordHash: string | null }, proof: string | undefined): boolean {
  if (link.passwordHash === null) return true;
  if (!proof) return false;
  const expected = Buffer.from(unlockProof({ tokenHash: link.tokenHash, passwordHash: link.passwordHash }));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function isUnlocked(token: string, proof: string | undefined): Promise<boolean> {
  const link = await findLink(token);
  if (!link || stateOf(link) !== 'active') return false;
  return proofMatches(link, proof);
}

/**
 * A board request that may see the board: the link is live and, if it has a password, this browser
 * proved it. `variant` is everything about the link and its organisation that changes the page
 * (besides the data, the language and the query), so a cached page is never served after it changed;
 * `dataVersion` is the organisation's, read in the same statement.
 */
export type OpenBoard = { linkId: string; organizationId: string; dataVersion: string; variant: string };

type BoardRow = {
  id: string;
  target: string;
  snapshotId: string | null;
  tokenHash: string;
  passwordHash: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  includeLeaderboard: boolean;
  includeDrafts: boolean;
  organizationId: string;
  dataVersion: string;
  name: string;
  slug: string;
  currency: string;
  defaultLocale: string;
  fiscalYearStartMonth: number;
};

/** One indexed read per board view: it runs for every viewer, cached page or not. */
export async function openBoard(token: string, proof: string | undefined): Promise<OpenBoard | null> {
  const text = tokenText(token);
  if (text === null) return null;
  const [link] = await db().$queryRaw<BoardRow[]>`
    SELECT l."id", l."target"::text AS "target", l."snapshotId", l."tokenHash", l."passwordHash", l."expiresAt", l."revokedAt",
           l."includeLeaderboard", l."includeDrafts", o."id" AS "organizationId", o."dataVersion"::text AS "dataVersion",
           o."name", o."slug", o."currency", o."defaultLocale"::text AS "defaultLocale", o."fiscalYearStartMonth"
    FROM "ShareLink" l JOIN "Organization" o ON o."id" = l."organizationId"
    WHERE l."tokenHash" = ${hashShareToken(text)}`;
  if (!link || stateOf(link) !== 'active' || !proofMatches(link, proof)) return null;
  const variant = JSON.stringify([link.target, link.snapshotId, link.includeLeaderboard, link.includeDrafts, link.name, link.slug, link.currency, link.defaultLocale, link.fiscalYearStartMonth]);
  return { linkId: link.id, organizationId: link.organizationId, dataVersion: link.dataVersion, variant };
}

export type UnlockResult = { ok: true; proof: string } | { ok: false; reason: 'wrong' | 'rateLimited'; retryAfterSeconds?: number };

/**
 * Checks a board password. Every attempt counts against the link (5 per 15 minutes), before the
 * password is even checked, so a locked link cannot be brute-forced; success clears the count.
 */
export async function unlockShareLink(token: string, password: string): Promise<UnlockResult | null> {
  const link = await findLink(token);
  if (!link || stateOf(link) !== 'active') return null;
  if (link.passwordHash === null) return { ok: true, proof: '' };
  const key = `share-link-password:${link.id}`;
  const limit = await hitRateLimit(key, PASSWORD_ATTEMPTS, PASSWORD_WINDOW_SECONDS);
  if (!limit.allowed) {
    await verifyPassword(password, await dummyPasswordHash());
    return { ok: false, reason: 'rateLimited', retryAfterSeconds: limit.retryAfterSeconds };
  }
  if (!(await verifyPassword(password, link.passwordHash))) return { ok: false, reason: 'wrong' };
  await resetRateLimit(key);
  return { ok: true, proof: unlockProof({ tokenHash: link.tokenHash, passwordHash: link.passwordHash }) };
}

/** Counts `views` views of the board (not of the password form), the last one at `at`. */
export async function recordShareLinkView(linkId: string, views = 1, at = new Date()): Promise<void> {
  await db().$executeRaw`UPDATE "ShareLink" SET "viewCount" = "viewCount" + ${views}, "lastViewedAt" = GREATEST(COALESCE("lastViewedAt", ${at}), ${at}) WHERE "id" = ${linkId}::uuid`;
}

/** What a board link may see: its own organisation only, leaderboard and drafts as the owner chose. */
export function grantForShareLink(link: OpenShareLink): DashboardGrant {
  return { organization: link.organization, showLeaderboard: link.includeLeaderboard, includeDrafts: link.includeDrafts, audience: 'board' };
}
