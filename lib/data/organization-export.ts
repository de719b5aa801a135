import 'server-only';
import { strToU8, zipSync } from 'fflate';
import type { Caller } from '@/lib/auth/caller';
import { db } from '@/lib/db';
import { orgAccess } from '@/lib/data/access';
import { actorOf, recordAudit } from '@/lib/data/audit';

/**
 * Everything an organisation holds, for its owner: one JSON file per kind of data in a zip, plus the
 * board-pack PDFs. Secrets never leave: password, token and link hashes are not exported.
 */
export async function exportOrganization(caller: Caller, slug: string): Promise<{ filename: string; zip: Uint8Array }> {
  const { organization } = await orgAccess(caller, slug, 'OWNER');
  const where = { organizationId: organization.id };
  const prisma = db();
  const [org, members, invitations, settings, csms, months, accounts, churnEvents, saves, deals, shareLinks, apiTokens, snapshots, audit] = await Promise.all([
    prisma.organization.findUniqueOrThrow({ where: { id: organization.id }, select: { id: true, name: true, slug: true, currency: true, defaultLocale: true, fiscalYearStartMonth: true, createdAt: true } }),
    prisma.membership.findMany({ where, select: { role: true, createdAt: true, user: { select: { name: true, email: true } } } }),
    prisma.invitation.findMany({ where, select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, createdAt: true } }),
    prisma.methodSettings.findUnique({ where }),
    prisma.csm.findMany({ where, orderBy: { name: 'asc' } }),
    prisma.monthlyReport.findMany({ where, orderBy: { month: 'asc' } }),
    prisma.account.findMany({ where, orderBy: { name: 'asc' } }),
    prisma.churnEvent.findMany({ where, orderBy: { date: 'asc' } }),
    prisma.save.findMany({ where, orderBy: { date: 'asc' } }),
    prisma.expansionDeal.findMany({ where, orderBy: { date: 'asc' } }),
    prisma.shareLink.findMany({ where, select: { id: true, target: true, snapshotId: true, label: true, expiresAt: true, includeLeaderboard: true, includeDrafts: true, viewCount: true, lastViewedAt: true, revokedAt: true, createdAt: true } }),
    prisma.apiToken.findMany({ where, select: { id: true, name: true, tokenPrefix: true, scope: true, lastUsedAt: true, revokedAt: true, createdAt: true } }),
    prisma.boardSnapshot.findMany({ where, select: { id: true, title: true, periodFrom: true, periodTo: true, locale: true, settings: true, inputs: true, figures: true, checksum: true, createdAt: true, pdf: true } }),
    prisma.auditEntry.findMany({ where, orderBy: { createdAt: 'asc' } }),
  ]);
  const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));
  const files: Record<string, Uint8Array> = {
    'organization.json': json(org),
    'members.json': json(members.map((m) => ({ name: m.user.name, email: m.user.email, role: m.role, since: m.createdAt }))),
    'invitations.json': json(invitations),
    'method-settings.json': json(settings),
    'csms.json': json(csms),
    'monthly-reports.json': json(months),
    'accounts.json': json(accounts),
    'churn-events.json': json(churnEvents),
    'saves.json': json(saves),
    'expansion-deals.json': json(deals),
    'share-links.json': json(shareLinks),
    'api-tokens.json': json(apiTokens),
    'board-packs.json': json(snapshots.map(({ pdf: _pdf, ...rest }) => rest)),
    'audit-log.json': json(audit),
  };
  for (const snapshot of snapshots) files[`board-packs/${snapshot.id}.pdf`] = new Uint8Array(snapshot.pdf);
  await prisma.$transaction((tx) =>
    recordAudit(tx, { organizationId: organization.id, actor: actorOf(caller), action: 'organization.export', entityType: 'Organization', entityId: organization.id }),
  );
  const date = new Date().toISOString().slice(0, 10);
  return { filename: `tenure-${organization.slug}-${date}.zip`, zip: zipSync(files, { level: 6 }) };
}
