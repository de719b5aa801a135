import 'server-only';
import { createHash } from 'node:crypto';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { principalAccess, type OrgRef, type Principal } from '@/lib/data/access';
import { requireUuid } from '@/lib/data/ids';
import { recordAudit } from '@/lib/data/audit';
import type { OpenSnapshotLink } from '@/lib/data/share-links';
import { AppError } from '@/lib/errors';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { latestLoggedMonth } from '@/lib/data/metrics';
import { addMonths, monthKey, monthStart } from '@/lib/months';
import { monthAggregates } from '@/lib/queries/month-aggregates';
import type { BoardPackModel } from '@/lib/pdf/board-pack-model';
import { loadBoardPack, storedMonth, type BoardPackInputs, type StoredMonthInputs } from '@/lib/pdf/load-board-pack';
import { renderBoardPack } from '@/lib/pdf/render-board-pack';
import { packTranslator } from '@/lib/pdf/translator';
import { packFormat } from '@/lib/pdf/pdf-format';

export type SnapshotRequest = { from: string; to: string; includeLeaderboard: boolean; locale?: Locale };

/** A malformed id cannot name a snapshot: NOT_FOUND, like any id of another organisation. */
const snapshotId = requireUuid;

const listSelect = { id: true, title: true, periodFrom: true, periodTo: true, locale: true, checksum: true, createdAt: true, createdById: true } as const;

function orgLocale(organization: OrgRef, requested?: Locale): Locale {
  return requested ?? (isLocale(organization.defaultLocale) ? organization.defaultLocale : 'en');
}

async function authorName(principal: Principal): Promise<string> {
  if ('kind' in principal) return principal.name;
  return principal.name || principal.email;
}

/** The period a pack covers by default: the 12 months ending with the latest logged month. */
export async function defaultPackPeriod(organizationId: string): Promise<{ from: string; to: string }> {
  const to = (await latestLoggedMonth(organizationId)) ?? addMonths(monthKey(new Date()), -1);
  return { from: addMonths(to, -11), to };
}

/**
 * A live pack, not stored: for the dashboard's "Download PDF". Any member; the leaderboard only
 * for owners, as in snapshots. A missing bound defaults like the dashboard's period.
 */
export async function renderLivePack(caller: Caller, slug: string, request: Partial<SnapshotRequest>): Promise<{ pdf: Buffer; model: BoardPackModel }> {
  const { organization, role } = await principalAccess(caller, slug, 'VIEWER');
  if (request.includeLeaderboard && role !== 'OWNER') throw new AppError('FORBIDDEN');
  const fallback = await defaultPackPeriod(organization.id);
  const to = request.to ?? (request.from ? addMonths(request.from, 11) : fallback.to);
  const from = request.from ?? addMonths(to, -11);
  if (from > to) throw new AppError('INVALID', 'from must not be after to');
  const { model } = await loadBoardPack(organization, { from, to, includeLeaderboard: request.includeLeaderboard ?? false, locale: orgLocale(organization, request.locale), preparedBy: await authorName(caller) });
  return { pdf: await renderBoardPack(model), model };
}

/**
 * Takes a snapshot (owners and editors): computes every figure now, renders the PDF, then stores
 * period, settings, inputs, figures, PDF, checksum and author together in one transaction. Nothing
 * recomputes a snapshot afterwards, so later edits to the data cannot change it.
 */
export async function createSnapshot(principal: Principal, slug: string, request: SnapshotRequest): Promise<{ id: string; checksum: string }> {
  const { organization, actor, role } = await principalAccess(principal, slug, 'EDITOR');
  // The leaderboard names people: only an owner decides to show it to the board.
  if (request.includeLeaderboard && role !== 'OWNER') throw new AppError('FORBIDDEN');
  if (request.from > request.to) throw new AppError('INVALID', 'from must not be after to');
  const locale = orgLocale(organization, request.locale);
  const { model, inputs } = await loadBoardPack(organization, { ...request, locale, preparedBy: await authorName(principal) });
  const pdf = await renderBoardPack(model);
  const checksum = createHash('sha256').update(pdf).digest('hex');
  const f = packFormat(locale, organization.currency);
  const title = packTranslator(locale)('title') + ' ' + packTranslator(locale)('periodRange', { from: f.month(request.from, 'short'), to: f.month(request.to, 'short') });
  return db().$transaction(async (tx) => {
    const snapshot = await tx.boardSnapshot.create({
      data: {
        organizationId: organization.id,
        title,
        periodFrom: monthStart(request.from),
        periodTo: monthStart(request.to),
        locale,
        settings: model.settings,
        inputs,
        figures: model,
        pdf: new Uint8Array(pdf),
        checksum,
        createdById: 'kind' in principal ? null : principal.userId,
      },
      select: { id: true, checksum: true },
    });
    await recordAudit(tx, {
      organizationId: organization.id,
      actor,
      action: 'boardSnapshot.create',
      entityType: 'BoardSnapshot',
      entityId: snapshot.id,
      after: { title, from: request.from, to: request.to, locale, includeLeaderboard: request.includeLeaderboard, checksum },
    });
    return snapshot;
  });
}

export type SnapshotSummary = { id: string; title: string; from: string; to: string; locale: string; checksum: string; createdAt: Date; author: string | null };

async function authors(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, u.name || u.email]));
}

/** Snapshots of an organisation, newest first (any member). */
export async function listSnapshots(principal: Principal, slug: string): Promise<SnapshotSummary[]> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const rows = await db().boardSnapshot.findMany({ where: { organizationId: organization.id }, orderBy: { createdAt: 'desc' }, select: listSelect });
  const names = await authors(rows.map((r) => r.createdById));
  return rows.map((r) => ({ id: r.id, title: r.title, from: monthKey(r.periodFrom), to: monthKey(r.periodTo), locale: r.locale, checksum: r.checksum, createdAt: r.createdAt, author: r.createdById ? (names.get(r.createdById) ?? null) : null }));
}

export type SnapshotDetails = SnapshotSummary & { organizationId: string; figures: BoardPackModel; inputs: BoardPackInputs; pdfBytes: number };

/** One snapshot, by id, only within an organisation the caller belongs to: any other id is NOT_FOUND. */
export async function getSnapshot(principal: Principal, slug: string, id: string): Promise<SnapshotDetails> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const row = await db().boardSnapshot.findFirst({ where: { id: snapshotId(id), organizationId: organization.id }, select: { ...listSelect, organizationId: true, figures: true, inputs: true } });
  if (!row) throw new AppError('NOT_FOUND');
  const [size] = await db().$queryRaw<{ bytes: number }[]>`SELECT octet_length("pdf")::int AS bytes FROM "BoardSnapshot" WHERE "id" = ${row.id}::uuid`;
  const names = await authors([row.createdById]);
  return {
    id: row.id,
    title: row.title,
    from: monthKey(row.periodFrom),
    to: monthKey(row.periodTo),
    locale: row.locale,
    checksum: row.checksum,
    createdAt: row.createdAt,
    author: row.createdById ? (names.get(row.createdById) ?? null) : null,
    organizationId: row.organizationId,
    figures: row.figures as unknown as BoardPackModel,
    inputs: row.inputs as unknown as BoardPackInputs,
    pdfBytes: size?.bytes ?? 0,
  };
}

/** The stored PDF bytes, exactly as rendered when the snapshot was taken. */
export async function getSnapshotPdf(principal: Principal, slug: string, id: string): Promise<{ pdf: Buffer; title: string; checksum: string }> {
  const { organization } = await principalAccess(principal, slug, 'VIEWER');
  const row = await db().boardSnapshot.findFirst({ where: { id: snapshotId(id), organizationId: organization.id }, select: { pdf: true, title: true, checksum: true } });
  if (!row) throw new AppError('NOT_FOUND');
  return { pdf: Buffer.from(row.pdf), title: row.title, checksum: row.checksum };
}

export type SharedSnapshot = Pick<SnapshotDetails, 'id' | 'title' | 'from' | 'to' | 'locale' | 'checksum' | 'createdAt' | 'figures' | 'pdfBytes'>;

/**
 * The snapshot a board link opens (the link was checked by openSnapshotShareLink): its frozen
 * figures, never recomputed. Scoped by the link's organisation and snapshot, nothing else.
 */
export async function getSharedSnapshot(link: OpenSnapshotLink): Promise<SharedSnapshot | null> {
  const row = await db().boardSnapshot.findFirst({ where: { id: link.snapshotId, organizationId: link.organization.id }, select: { ...listSelect, figures: true } });
  if (!row) return null;
  const [size] = await db().$queryRaw<{ bytes: number }[]>`SELECT octet_length("pdf")::int AS bytes FROM "BoardSnapshot" WHERE "id" = ${row.id}::uuid`;
  return { id: row.id, title: row.title, from: monthKey(row.periodFrom), to: monthKey(row.periodTo), locale: row.locale, checksum: row.checksum, createdAt: row.createdAt, figures: row.figures as unknown as BoardPackModel, pdfBytes: size?.bytes ?? 0 };
}

/** The stored PDF bytes of the snapshot a board link opens. */
export async function getSharedSnapshotPdf(link: OpenSnapshotLink): Promise<{ pdf: Buffer; title: string; checksum: string } | null> {
  const row = await db().boardSnapshot.findFirst({ where: { id: link.snapshotId, organizationId: link.organization.id }, select: { pdf: true, title: true, checksum: true } });
  return row ? { pdf: Buffer.from(row.pdf), title: row.title, checksum: row.checksum } : null;
}

/** Owners only; the audit log keeps what was deleted (without the PDF bytes). */
export async function deleteSnapshot(principal: Principal, slug: string, id: string): Promise<void> {
  const { organization, actor } = await principalAccess(principal, slug, 'OWNER');
  await db().$transaction(async (tx) => {
    const row = await tx.boardSnapshot.findFirst({ where: { id: snapshotId(id), organizationId: organization.id }, select: listSelect });
    if (!row) throw new AppError('NOT_FOUND');
    await tx.boardSnapshot.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      organizationId: organization.id,
      actor,
      action: 'boardSnapshot.delete',
      entityType: 'BoardSnapshot',
      entityId: row.id,
      before: { title: row.title, from: monthKey(row.periodFrom), to: monthKey(row.periodTo), checksum: row.checksum, createdAt: row.createdAt },
    });
  });
}

function sameMonth(a: StoredMonthInputs | undefined, b: StoredMonthInputs | undefined): boolean {
  if (!a || !b) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

/**
 * Months whose inputs differ now from what the snapshot stored: edited figures or events, months
 * logged or deleted since. Compared over every month the pack read (including comparison periods).
 */
export async function changedMonthsSince(snapshot: Pick<SnapshotDetails, 'organizationId' | 'inputs'>): Promise<string[]> {
  const { from, to, months } = snapshot.inputs;
  const current = await monthAggregates(snapshot.organizationId, from, to);
  const before = new Map(months.map((m) => [String(m.month), m]));
  const now = new Map(current.map((m) => [m.month, storedMonth(m)]));
  const all = [...new Set([...before.keys(), ...now.keys()])].sort();
  return all.filter((month) => !sameMonth(before.get(month), now.get(month)));
}
