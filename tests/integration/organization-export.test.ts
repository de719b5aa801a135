import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportOrganization } from '@/lib/data/organization-export';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { testDb } from '../support/db';

describe('organisation export', () => {
  it('gives the owner every kind of data as JSON in a zip, without any secret', async () => {
    const owner = await makeUser(testDb());
    const org = await makeOrganization(testDb(), owner);
    const other = await makeOrganization(testDb(), owner, { name: 'Other' });
    const account = await testDb().account.create({ data: { organizationId: org.id, name: 'Mine', startDate: new Date('2026-01-01T00:00:00Z') } });
    await testDb().account.create({ data: { organizationId: other.id, name: 'Not mine', startDate: new Date('2026-01-01T00:00:00Z') } });
    await testDb().expansionDeal.create({ data: { organizationId: org.id, accountId: account.id, date: new Date('2026-01-05T00:00:00Z'), month: new Date('2026-01-01T00:00:00Z'), type: 'UPSELL', arrAdded: 1200, attribution: 'CS_SOURCED', attributionPct: 100 } });
    await testDb().apiToken.create({ data: { organizationId: org.id, name: 'zapier', tokenHash: 'secret-hash-value', tokenPrefix: 'tnr_abcd', scope: 'READ' } });

    const { filename, zip } = await exportOrganization(callerOf(owner), org.slug);
    expect(filename).toMatch(new RegExp(`^tenure-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['organization.json', 'members.json', 'monthly-reports.json', 'accounts.json', 'expansion-deals.json', 'audit-log.json', 'api-tokens.json']));
    const accounts = JSON.parse(strFromU8(files['accounts.json']!)) as { name: string }[];
    expect(accounts.map((a) => a.name)).toEqual(['Mine']);
    const everything = Object.values(files).map((f) => strFromU8(f)).join('\n');
    expect(everything).not.toContain('secret-hash-value');
    expect(everything).not.toMatch(/passwordHash|tokenHash/);
    expect(await testDb().auditEntry.count({ where: { organizationId: org.id, action: 'organization.export' } })).toBe(1);
  });

  it('is for owners only', async () => {
    const owner = await makeUser(testDb());
    const org = await makeOrganization(testDb(), owner);
    const editor = await addMember(testDb(), org.id, 'EDITOR');
    const stranger = await makeUser(testDb());
    await expect(exportOrganization(callerOf(editor.user), org.slug)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(exportOrganization(callerOf(stranger), org.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
