import { describe, expect, it } from 'vitest';
import { principalAccess } from '@/lib/data/access';
import { createApiToken } from '@/lib/data/api-tokens';
import { commitImport, ImportRejected, previewImport } from '@/lib/import/commit';
import { parseCsvText } from '@/lib/import/csv';
import { exportCsv } from '@/lib/import/export';
import { matchHeaders } from '@/lib/import/headers';
import type { ImportKind } from '@/lib/import/kinds';
import { recordToRow } from '@/lib/import/rows';
import { addMember, callerOf, makeOrganization, makeUser } from '@/lib/seed/factories';
import { POST as importRoute } from '@/app/api/v1/orgs/[slug]/imports/[kind]/route';
import { testDb } from '../support/db';

async function editorOf() {
  const owner = await makeUser(testDb());
  const org = await makeOrganization(testDb(), owner);
  const editor = await addMember(testDb(), org.id, 'EDITOR');
  const access = await principalAccess(callerOf(editor.user), org.slug, 'EDITOR');
  return { org, owner: callerOf(owner), access };
}

function rowsOf(kind: ImportKind, csv: string) {
  const parsed = parseCsvText(csv);
  const mapping = matchHeaders(kind, parsed.headers);
  return parsed.records.map((record, i) => recordToRow(kind, mapping, record, i + 2));
}

const MONTHS_HEADER = 'Mois;ETP CSM;Salaires chargés;Coût des outils;Coût de formation;Autres coûts directs;Coût indirect de management;Coût indirect d’infrastructure;Coût indirect de recrutement;ARR en début de mois;ARR nouveaux clients;Clients en début de mois;Clients gérés';
const monthLine = (month: string, salaries = '30 000,50') => `${month};4;${salaries};2000;500;0;3000;1000;0;1 200 000;40000;120;120`;

async function snapshot(organizationId: string) {
  const db = testDb();
  const [months, audit, deals, accounts] = await Promise.all([
    db.monthlyReport.findMany({ where: { organizationId }, orderBy: { month: 'asc' }, select: { month: true, version: true, updatedAt: true, loadedSalaries: true } }),
    db.auditEntry.count({ where: { organizationId } }),
    db.expansionDeal.findMany({ where: { organizationId }, orderBy: { id: 'asc' }, select: { id: true, updatedAt: true } }),
    db.account.findMany({ where: { organizationId }, orderBy: { id: 'asc' }, select: { id: true, updatedAt: true } }),
  ]);
  return JSON.stringify({ months, audit, deals, accounts });
}

describe('CSV import', () => {
  it('imports 24 months from a French file, and re-importing it changes nothing', async () => {
    const { org, access } = await editorOf();
    const lines = Array.from({ length: 24 }, (_, i) => monthLine(`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`));
    const rows = rowsOf('months', [MONTHS_HEADER, ...lines].join('\n'));
    const preview = await previewImport(access, 'months', rows);
    expect(preview.counts).toMatchObject({ total: 24, invalid: 0, create: 24 });
    expect(await testDb().monthlyReport.count({ where: { organizationId: org.id } })).toBe(0);

    expect(await commitImport(access, 'months', rows)).toMatchObject({ create: 24 });
    const stored = await testDb().monthlyReport.findFirstOrThrow({ where: { organizationId: org.id, month: new Date('2024-01-01') } });
    expect(stored.loadedSalaries.toString()).toBe('30000.5');

    const before = await snapshot(org.id);
    const again = await commitImport(access, 'months', rows);
    expect(again).toMatchObject({ create: 0, update: 0, unchanged: 24 });
    expect(await snapshot(org.id)).toBe(before);
  });

  it('writes nothing when one row is bad, and reports every bad row with its reason', async () => {
    const { org, access } = await editorOf();
    const csv = [MONTHS_HEADER, monthLine('2026-01'), monthLine('2026-13'), monthLine('2026-02', '-5'), monthLine('2026-01')].join('\n');
    const rows = rowsOf('months', csv);
    const preview = await previewImport(access, 'months', rows);
    expect(preview.counts).toMatchObject({ total: 4, invalid: 3 });
    const reasons = preview.rows.filter((r) => r.errors.length).map((r) => [r.line, r.errors.map((e) => `${e.field}:${e.message}`)]);
    expect(reasons).toEqual([[3, ['month:month']], [4, ['loadedSalaries:negative']], [5, ['month:duplicateRow']]]);
    await expect(commitImport(access, 'months', rows)).rejects.toBeInstanceOf(ImportRejected);
    expect(await testDb().monthlyReport.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await testDb().auditEntry.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it('resolves accounts and CSMs by name or external id, reports unknown ones, and is scoped to the organisation', async () => {
    const { org, access } = await editorOf();
    const other = await editorOf();
    await testDb().account.create({ data: { organizationId: other.org.id, name: 'Globex', externalId: 'g-1', startDate: new Date('2024-01-01') } });
    const accounts = rowsOf('accounts', 'Account name,External ID,Start date,MRR,CSM\nAcme,a-1,15/01/2025,2500,\nInitech,,2025-02-01,"1,000.50",\n');
    const csms = rowsOf('csms', 'Name,Email,Start date\nAlice Martin,alice@example.test,2024-01-01\n');
    await commitImport(access, 'csms', csms);
    await commitImport(access, 'accounts', accounts);
    expect(await testDb().account.count({ where: { organizationId: org.id } })).toBe(2);

    const deals = rowsOf('deals', [
      'Nom du compte;ID externe du compte;CSM;Date;Type;ARR ajouté;Attribution',
      'Acme;;alice@example.test;10/03/2026;Upsell;12 000,50;CS-sourced',
      ';a-1;Alice Martin;11/03/2026;Cross-sell;3000;Influencé CS',
      'Globex;;;12/03/2026;Upsell;100;Not CS',
      ';g-1;Bob;13/03/2026;Upsell;100;Not CS',
      'Initech;;;2026-02-30;Upsell;100;Not CS',
    ].join('\n'));
    const preview = await previewImport(access, 'deals', deals);
    const reasons = preview.rows.map((r) => r.errors.map((e) => e.message).sort().join(','));
    expect(reasons).toEqual(['', '', 'unknownAccount', 'unknownAccount,unknownCsm', 'date']);
    expect(preview.rows[0]!.values).toMatchObject({ account: 'Acme', csm: 'Alice Martin', arrAdded: '12000.50', type: 'UPSELL' });
    await expect(commitImport(access, 'deals', deals)).rejects.toBeInstanceOf(ImportRejected);
    expect(await testDb().expansionDeal.count({ where: { organizationId: org.id } })).toBe(0);

    const good = deals.slice(0, 2);
    expect(await commitImport(access, 'deals', good)).toMatchObject({ create: 2 });
    const before = await snapshot(org.id);
    expect(await commitImport(access, 'deals', good)).toMatchObject({ create: 0, unchanged: 2 });
    expect(await snapshot(org.id)).toBe(before);
    // The accounts file again: matched by external id and by name, nothing changes.
    expect(await commitImport(access, 'accounts', accounts)).toMatchObject({ create: 0, unchanged: 2 });
    expect(await testDb().account.count({ where: { organizationId: other.org.id } })).toBe(1);
  });

  it('keeps what a file has no column for, and clears what a blank cell empties', async () => {
    const { org, access } = await editorOf();
    await commitImport(access, 'csms', rowsOf('csms', 'Name,Email,Start date\nAlice Martin,alice@example.test,2024-01-01\n'));
    const full = 'External ID,Account name,Start date,MRR,CSM,Segment,Churn date\na-1,Acme,2025-01-15,2500,Alice Martin,Enterprise,\na-2,Globex,2025-02-01,100,Alice Martin,SMB,2026-01-31\n';
    expect(await commitImport(access, 'accounts', rowsOf('accounts', full))).toMatchObject({ create: 2 });
    const stored = () => testDb().account.findMany({ where: { organizationId: org.id }, orderBy: { externalId: 'asc' }, select: { externalId: true, mrr: true, csmId: true, segment: true, churnDate: true } });
    const alice = await testDb().csm.findFirstOrThrow({ where: { organizationId: org.id }, select: { id: true } });

    // No CSM, segment or churn-date column: the MRR changes, the rest stays as stored.
    const partial = rowsOf('accounts', 'External ID,Account name,Start date,MRR\na-1,Acme,2025-01-15,2600\na-2,Globex,2025-02-01,100\n');
    const preview = await previewImport(access, 'accounts', partial);
    expect(preview.counts).toMatchObject({ update: 1, unchanged: 1 });
    expect(await commitImport(access, 'accounts', partial)).toMatchObject({ update: 1, unchanged: 1 });
    expect((await stored()).map((a) => [a.externalId, a.mrr.toString(), a.csmId, a.segment, a.churnDate?.toISOString().slice(0, 10) ?? null])).toEqual([
      ['a-1', '2600', alice.id, 'Enterprise', null],
      ['a-2', '100', alice.id, 'SMB', '2026-01-31'],
    ]);
    expect(await commitImport(access, 'accounts', partial)).toMatchObject({ update: 0, unchanged: 2 });

    // The columns are there but blank: the CSM, segment and churn date are cleared.
    const blank = rowsOf('accounts', 'External ID,Account name,Start date,MRR,CSM,Segment,Churn date\na-2,Globex,2025-02-01,100,,,\n');
    expect(await commitImport(access, 'accounts', blank)).toMatchObject({ update: 1 });
    expect((await stored())[1]).toMatchObject({ csmId: null, segment: null, churnDate: null });

    // A deal keeps its CS share when the file has no share column, and keeps its CSM without a CSM column.
    await commitImport(access, 'deals', rowsOf('deals', 'External ID,Account external ID,CSM,Date,Type,ARR added,Attribution,Attribution %\nd-1,a-1,Alice Martin,2026-03-10,Upsell,1000,CS influenced,35\n'));
    expect(await commitImport(access, 'deals', rowsOf('deals', 'External ID,Account external ID,Date,Type,ARR added,Attribution\nd-1,a-1,2026-03-10,Upsell,1200,CS influenced\n'))).toMatchObject({ update: 1 });
    const deal = await testDb().expansionDeal.findFirstOrThrow({ where: { organizationId: org.id, externalId: 'd-1' } });
    expect([deal.arrAdded.toString(), deal.attributionPct.toString(), deal.csmId]).toEqual(['1200', '35', alice.id]);
  });

  it('refuses rows of a closed month unless they are unchanged', async () => {
    const { org, access } = await editorOf();
    const rows = rowsOf('months', [MONTHS_HEADER, monthLine('2026-01')].join('\n'));
    await commitImport(access, 'months', rows);
    await testDb().monthlyReport.updateMany({ where: { organizationId: org.id }, data: { status: 'CLOSED' } });
    expect(await commitImport(access, 'months', rows)).toMatchObject({ unchanged: 1 });
    const changed = rowsOf('months', [MONTHS_HEADER, monthLine('2026-01', '1')].join('\n'));
    const preview = await previewImport(access, 'months', changed);
    expect(preview.rows[0]!.errors).toEqual([{ field: 'month', message: 'monthClosed' }]);
  });

  it('exports each list in the import format: an edited export imports back onto the same rows', async () => {
    const { org, access } = await editorOf();
    const editor = access.principal;
    const account = await testDb().account.create({ data: { organizationId: org.id, name: 'Acme', startDate: new Date('2025-01-01') } });
    await testDb().save.create({ data: { organizationId: org.id, accountId: account.id, date: new Date('2026-03-04'), month: new Date('2026-03-01'), arrSaved: '1500.5' } });
    for (const language of ['en', 'fr'] as const) {
      const csv = await exportCsv(editor, org.slug, 'saves', language);
      expect(await commitImport(access, 'saves', rowsOf('saves', csv))).toMatchObject({ create: 0, update: 0, unchanged: 1 });
    }
    const csv = await exportCsv(editor, org.slug, 'saves', 'fr');
    expect(csv).toContain('1500,5');
    expect(await commitImport(access, 'saves', rowsOf('saves', csv.replace('1500,5', '1600')))).toMatchObject({ update: 1 });
    const saves = await testDb().save.findMany({ where: { organizationId: org.id } });
    expect(saves.map((s) => s.arrSaved.toString())).toEqual(['1600']);
    const months = await exportCsv(editor, org.slug, 'months', 'en');
    expect(months.split('\r\n')[0]).toContain('Month,CSM FTE,Loaded salaries');
  });

  it('recognises an event without an external id by its content: a corrected row is a new event (as the import screen says)', async () => {
    const { org, access } = await editorOf();
    await testDb().account.create({ data: { organizationId: org.id, name: 'Acme', externalId: 'a-1', startDate: new Date('2025-01-01') } });
    const file = (arr: string) => rowsOf('deals', `Account external ID,Date,Type,ARR added,Attribution\na-1,2026-03-10,Upsell,${arr},CS sourced\n`);
    expect(await commitImport(access, 'deals', file('1000'))).toMatchObject({ create: 1 });
    // With a blank External ID column the row is the same content, so the same event.
    expect(await commitImport(access, 'deals', rowsOf('deals', 'External ID,Account external ID,Date,Type,ARR added,Attribution\n,a-1,2026-03-10,Upsell,1000,CS sourced\n'))).toMatchObject({ create: 0, unchanged: 1 });
    expect(await commitImport(access, 'deals', file('1200'))).toMatchObject({ create: 1, update: 0 });
    const deals = await testDb().expansionDeal.findMany({ where: { organizationId: org.id }, orderBy: { arrAdded: 'asc' } });
    expect(deals.map((d) => [d.arrAdded.toString(), d.externalId?.startsWith('csv-')])).toEqual([['1000', true], ['1200', true]]);
  });

  it('is available to automation through the API, all or nothing', async () => {
    const { org, owner } = await editorOf();
    const { token } = await createApiToken(owner, org.slug, { name: 'bulk', scope: 'WRITE' });
    const rows = rowsOf('months', [MONTHS_HEADER, monthLine('2026-01'), monthLine('2026-02', 'abc')].join('\n'));
    const request = (query: string) => new Request(`http://localhost/api/v1/orgs/${org.slug}/imports/months${query}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ rows }),
    });
    const params = { params: Promise.resolve({ slug: org.slug, kind: 'months' }) };
    const dry = await importRoute(request('?dryRun=true'), params);
    expect(dry.status).toBe(200);
    expect((await dry.json()).counts).toMatchObject({ total: 2, invalid: 1 });
    const commit = await importRoute(request(''), params);
    expect(commit.status).toBe(422);
    const body = await commit.json();
    expect(body.error.rows).toEqual([{ line: 3, action: null, values: expect.any(Object), errors: [{ field: 'loadedSalaries', message: 'number' }] }]);
    expect(await testDb().monthlyReport.count({ where: { organizationId: org.id } })).toBe(0);

    // Another organisation's slug is 404; a read token is 403; nothing is written either way.
    const other = await editorOf();
    const elsewhere = await importRoute(
      new Request(`http://localhost/api/v1/orgs/${other.org.slug}/imports/months`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ rows: rows.slice(0, 1) }) }),
      { params: Promise.resolve({ slug: other.org.slug, kind: 'months' }) },
    );
    expect(elsewhere.status).toBe(404);
    const reader = await createApiToken(owner, org.slug, { name: 'reader', scope: 'READ' });
    const readOnly = await importRoute(
      new Request(`http://localhost/api/v1/orgs/${org.slug}/imports/months`, { method: 'POST', headers: { authorization: `Bearer ${reader.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ rows: rows.slice(0, 1) }) }),
      params,
    );
    expect(readOnly.status).toBe(403);
    expect(await testDb().monthlyReport.count({ where: { organizationId: { in: [org.id, other.org.id] } } })).toBe(0);
  });
});
