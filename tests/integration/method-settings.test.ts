import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { readMethodSettings, updateMethodSettings } from '@/lib/data/method-settings';
import { resolveBaseline } from '@/lib/data/metrics';
import { methodSettingsSchema } from '@/lib/validation/method-settings';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

const input = methodSettingsSchema.parse({
  baselineMode: 'MANUAL', baselineAnnualChurnPct: '25', indirectCostMode: 'ITEMISED', indirectCostCoefficient: '1.4',
  grossMarginPct: '75', averageCac: '3000', influencedAttributionPct: '60', countChurnAvoided: 'on', countCacSaved: 'on', sameMonthChurnRule: 'COUNT',
});

describe('method settings', () => {
  it('are changed by owners, with the values before and after in the audit log', async () => {
    const owner = await makeUser(testDb());
    const org = await makeOrganization(testDb(), owner);
    await updateMethodSettings(callerOf(owner), org.slug, input);
    const stored = await readMethodSettings(org.id);
    expect(stored).toMatchObject({ baselineAnnualChurnPct: '25', indirectCostMode: 'ITEMISED', grossMarginPct: '75', countExpansion: false, countCacSaved: true, sameMonthChurnRule: 'COUNT' });
    const audit = await testDb().auditEntry.findFirstOrThrow({ where: { organizationId: org.id, action: 'settings.method' } });
    expect(audit.before).toMatchObject({ indirectCostCoefficient: '1.3', countExpansion: true });
    expect(audit.after).toMatchObject({ indirectCostCoefficient: '1.4', countExpansion: false });
  });

  it('cannot be changed by an editor or a viewer, nor by a member of another organisation', async () => {
    const owner = await makeUser(testDb());
    const org = await makeOrganization(testDb(), owner);
    const editor = await addMember(testDb(), org.id, 'EDITOR');
    const viewer = await addMember(testDb(), org.id, 'VIEWER');
    const outsider = await makeUser(testDb());
    await makeOrganization(testDb(), outsider);
    await expect(updateMethodSettings(callerOf(editor.user), org.slug, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateMethodSettings(callerOf(viewer.user), org.slug, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateMethodSettings(callerOf(outsider), org.slug, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await readMethodSettings(org.id)).baselineAnnualChurnPct).toBe('0');
  });

  it('compute the baseline from a reference period of the organisation’s own data', async () => {
    const owner = await makeUser(testDb());
    const org = await makeOrganization(testDb(), owner);
    const account = await testDb().account.create({ data: { organizationId: org.id, name: 'A', startDate: new Date('2024-01-01T00:00:00Z') } });
    for (const month of ['2025-01', '2025-02', '2025-03']) {
      const first = new Date(`${month}-01T00:00:00Z`);
      await testDb().monthlyReport.create({ data: { organizationId: org.id, month: first, startArr: 1_200_000 } });
      // 28 000 lost a month on 1.2 M€ = 28 % a year.
      await testDb().churnEvent.create({ data: { organizationId: org.id, accountId: account.id, date: first, month: first, kind: 'CONTRACTION', arrLost: 28_000 } });
    }
    await updateMethodSettings(callerOf(owner), org.slug, { ...input, baselineMode: 'REFERENCE_PERIOD', baselineReferenceFrom: '2025-01', baselineReferenceTo: '2025-03' });
    const baseline = await resolveBaseline(org.id, await readMethodSettings(org.id));
    expect(baseline.mode).toBe('REFERENCE_PERIOD');
    expect(baseline.referenceMonths).toBe(3);
    expect(baseline.pct.equals(new Decimal(28))).toBe(true);
  });
});
