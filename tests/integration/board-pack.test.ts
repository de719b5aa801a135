import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { createDemoOrganization } from '@/lib/seed/demo';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { changedMonthsSince, createSnapshot, deleteSnapshot, getSnapshot, getSnapshotPdf, listSnapshots, renderLivePack } from '@/lib/data/snapshots';
import { loadMessages } from '@/lib/i18n/messages';
import { testDb } from '../support/db';

// The demo organisation is the seed article's case study: over its last 12 months (Dec 2025 – Nov
// 2026, with "today" fixed) ROI is 80 % and churn avoided 270 000 €.
const PERIOD = { from: '2025-12', to: '2026-11', includeLeaderboard: false };

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  // French figures use narrow and plain no-break spaces; assertions use ordinary spaces.
  return text.replace(/[\u202F\u00A0]/g, ' ').replace(/[ \t]+/g, ' ');
}

function sectionHeadings(locale: 'en' | 'fr'): string[] {
  const sections = (loadMessages(locale).boardPack as { sections: Record<string, string> }).sections;
  return Object.entries(sections).filter(([key]) => key !== 'leaderboard').map(([, heading]) => heading);
}

describe('board packs', () => {
  let owner: ReturnType<typeof callerOf>;
  let organizationId: string;

  beforeAll(async () => {
    await testDb().organization.deleteMany({ where: { slug: 'demo' } });
    await testDb().user.deleteMany({ where: { email: 'demo@tenure.local' } });
    const demo = await createDemoOrganization(testDb(), { password: 'demo password for tests', today: new Date(Date.UTC(2026, 11, 3)) });
    organizationId = demo.organizationId;
    const user = await testDb().user.findUniqueOrThrow({ where: { email: demo.email }, select: { id: true, email: true, name: true, locale: true } });
    owner = callerOf(user);
  }, 120_000);

  it('writes the case study in French for a French organisation, with every section', async () => {
    const { id } = await createSnapshot(owner, 'demo', PERIOD);
    const text = await pdfText((await getSnapshotPdf(owner, 'demo', id)).pdf);
    expect(text).toContain('80 %');
    expect(text).toContain('270 000 €');
    expect(text).toContain('Le ROI est passé de');
    expect(text).toMatch(/Page 2 sur \d+/);
    for (const heading of sectionHeadings('fr')) expect(text).toContain(heading);
    expect(text).not.toContain('Classement des CSM');
  });

  it('writes it in English for an English organisation, with the leaderboard when asked', async () => {
    await testDb().organization.update({ where: { id: organizationId }, data: { defaultLocale: 'en' } });
    try {
      const { pdf } = await renderLivePack(owner, 'demo', { ...PERIOD, includeLeaderboard: true });
      const text = await pdfText(pdf);
      expect(text).toContain('80%');
      expect(text).toContain('€270,000');
      expect(text).toContain('ROI rose from');
      for (const heading of sectionHeadings('en')) expect(text).toContain(heading);
      expect(text).toMatch(/Page 2 \/ \d+/);
      expect(text).toContain('CSM leaderboard');
      expect(text).toContain('Camille Durand');
    } finally {
      await testDb().organization.update({ where: { id: organizationId }, data: { defaultLocale: 'fr' } });
    }
  }, 60_000);

  it('lists the method settings actually used in the methodology', async () => {
    const before = await pdfText((await renderLivePack(owner, 'demo', PERIOD)).pdf);
    expect(before).toContain('coûts directs × 1,3');
    expect(before).toContain('28 %, saisi par l’équipe');
    await testDb().methodSettings.update({ where: { organizationId }, data: { indirectCostCoefficient: '1.45', countCacSaved: true } });
    try {
      const after = await pdfText((await renderLivePack(owner, 'demo', PERIOD)).pdf);
      expect(after).toContain('coûts directs × 1,45');
      expect(after).not.toContain('coûts directs × 1,3');
      expect(after).toContain('Churn évité, Expansion attribuable au CS, Économie de CAC');
    } finally {
      await testDb().methodSettings.update({ where: { organizationId }, data: { indirectCostCoefficient: '1.3', countCacSaved: false } });
    }
  }, 60_000);

  it('never changes a snapshot when a month is edited afterwards, and reports that month', async () => {
    const { id, checksum } = await createSnapshot(owner, 'demo', PERIOD);
    const before = await getSnapshot(owner, 'demo', id);
    const pdfBefore = (await getSnapshotPdf(owner, 'demo', id)).pdf;
    expect(await changedMonthsSince(before)).toEqual([]);
    expect(before.figures.range.roiPct.value).toBe('80');

    const june = new Date(Date.UTC(2026, 5, 1));
    const report = await testDb().monthlyReport.findUniqueOrThrow({ where: { organizationId_month: { organizationId, month: june } }, select: { loadedSalaries: true } });
    await testDb().monthlyReport.update({ where: { organizationId_month: { organizationId, month: june } }, data: { loadedSalaries: report.loadedSalaries.plus(5000) } });
    try {
      const after = await getSnapshot(owner, 'demo', id);
      const pdfAfter = (await getSnapshotPdf(owner, 'demo', id)).pdf;
      expect(Buffer.compare(pdfAfter, pdfBefore)).toBe(0);
      expect(after.checksum).toBe(checksum);
      expect(after.figures).toEqual(before.figures);
      expect(after.inputs).toEqual(before.inputs);
      expect(await changedMonthsSince(after)).toEqual(['2026-06']);
      // An event logged later in another month shows up too.
      const account = await testDb().account.findFirstOrThrow({ where: { organizationId }, select: { id: true } });
      const february = new Date(Date.UTC(2026, 1, 1));
      const event = await testDb().churnEvent.create({ data: { organizationId, accountId: account.id, date: new Date(Date.UTC(2026, 1, 10)), month: february, kind: 'CONTRACTION', arrLost: 1200 }, select: { id: true } });
      expect(await changedMonthsSince(after)).toEqual(['2026-02', '2026-06']);
      await testDb().churnEvent.delete({ where: { id: event.id } });
      expect(Buffer.compare((await getSnapshotPdf(owner, 'demo', id)).pdf, pdfBefore)).toBe(0);
      // The live figures did move: the snapshot is what stayed still.
      const live = await renderLivePack(owner, 'demo', PERIOD);
      expect(live.model.range.roiPct.value).not.toBe('80');
    } finally {
      await testDb().monthlyReport.update({ where: { organizationId_month: { organizationId, month: june } }, data: { loadedSalaries: report.loadedSalaries } });
    }
  }, 60_000);

  it('lets editors create, only owners delete (audited), and hides snapshots from other organisations', async () => {
    const editor = await addMember(testDb(), organizationId, 'EDITOR');
    const viewer = await addMember(testDb(), organizationId, 'VIEWER');
    const { id } = await createSnapshot(callerOf(editor.user), 'demo', { from: '2026-09', to: '2026-11', includeLeaderboard: false });
    await expect(createSnapshot(callerOf(viewer.user), 'demo', PERIOD)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The leaderboard names people: only an owner puts it in front of the board.
    await expect(createSnapshot(callerOf(editor.user), 'demo', { ...PERIOD, includeLeaderboard: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getSnapshot(owner, 'demo', 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listSnapshots(callerOf(viewer.user), 'demo')).map((s) => s.id)).toContain(id);

    const stranger = await makeUser(testDb());
    const elsewhere = await makeOrganization(testDb(), stranger);
    await expect(getSnapshot(callerOf(stranger), 'demo', id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getSnapshot(callerOf(stranger), elsewhere.slug, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getSnapshotPdf(callerOf(stranger), elsewhere.slug, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteSnapshot(callerOf(stranger), elsewhere.slug, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await expect(deleteSnapshot(callerOf(editor.user), 'demo', id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await deleteSnapshot(owner, 'demo', id);
    await expect(getSnapshot(owner, 'demo', id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await testDb().auditEntry.findFirst({ where: { organizationId, action: 'boardSnapshot.delete', entityId: id } });
    expect(audit?.actorUserId).toBe(owner.userId);
  }, 60_000);
});
