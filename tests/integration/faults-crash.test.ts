import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { principalAccess, type PrincipalAccess } from '@/lib/data/access';
import type * as RenderBoardPack from '@/lib/pdf/render-board-pack';
import { createSnapshot } from '@/lib/data/snapshots';
import { commitImport } from '@/lib/import/commit';
import type { ImportKind } from '@/lib/import/kinds';
import type { RawRow } from '@/lib/import/rows';
import { callerOf } from '@/lib/seed/factories';
import { testDb } from '../support/db';
import { api, MONTH_FIGURES, orgWithToken } from '../support/faults/api';
import { installCrashPoint, type CrashKind } from '../support/faults/db-crash-point';
import { partialWrites } from '../support/faults/invariants';
import { orgChecksum } from '../support/faults/org-checksum';
import { newTally, printTally } from '../support/faults/tally';

// The PDF render happens before the transaction: a crash there is injected in the renderer itself.
let renderFails = false;
vi.mock('@/lib/pdf/render-board-pack', async (importOriginal) => {
  const original = await importOriginal<typeof RenderBoardPack>();
  return {
    ...original,
    renderBoardPack: async (...args: Parameters<typeof original.renderBoardPack>) => {
      const pdf = await original.renderBoardPack(...args);
      if (renderFails) throw new Error('injected crash after the PDF render');
      return pdf;
    },
  };
});

const tally = newTally();
afterAll(() => printTally('crash in the middle of an import or a board pack', tally));
afterEach(async () => {
  renderFails = false;
  await removeCrashPoint?.();
  removeCrashPoint = undefined;
});

let removeCrashPoint: (() => Promise<void>) | undefined;

/** Arms the crash, runs the work, and checks it died of it and left every row as it was. */
async function crashAt(afterRows: number, kind: CrashKind, work: () => Promise<unknown>) {
  removeCrashPoint = await installCrashPoint(testDb(), organizationId, afterRows, kind);
  const error = await expectUntouchedAfter(work);
  expect(String(error)).toMatch(kind === 'throw' ? /injected crash/ : /terminat|connection|closed|not queryable/i);
  await removeCrashPoint();
  removeCrashPoint = undefined;
  tally.faults += 1;
  tally.requests += 1;
}

let slug: string;
let organizationId: string;
let access: PrincipalAccess;
let owner: ReturnType<typeof callerOf>;

const MONTHS = ['2026-01', '2026-02', '2026-03'];

beforeAll(async () => {
  const { org, token, owner: user } = await orgWithToken(testDb());
  slug = org.slug;
  organizationId = org.id;
  owner = callerOf(user);
  access = await principalAccess(owner, slug, 'EDITOR');
  // An organisation with history: months, accounts, events and one snapshot already stored.
  for (const month of MONTHS) expect((await api.putMonth(token, slug, month, MONTH_FIGURES)).status).toBe(200);
  for (let i = 0; i < 5; i += 1) {
    expect((await api.post(token, slug, 'accounts', { externalId: `acc-${i}`, name: `Account ${i}`, startDate: '2025-01-15', mrr: '2500' })).status).toBe(201);
    expect((await api.post(token, slug, 'deals', { externalId: `deal-${i}`, accountExternalId: `acc-${i}`, date: '2026-02-10', type: 'UPSELL', arrAdded: '1000', attribution: 'CS_SOURCED' })).status).toBe(201);
    expect((await api.post(token, slug, 'saves', { externalId: `save-${i}`, accountExternalId: `acc-${i}`, date: '2026-03-10', arrSaved: '2000' })).status).toBe(201);
  }
  await createSnapshot(owner, slug, { from: '2026-01', to: '2026-03', includeLeaderboard: false });
}, 120_000);

/** 40 deal rows: the 5 existing ones changed, 35 new ones, spread over the three months. */
function dealRows(amount: string): RawRow[] {
  return Array.from({ length: 40 }, (_, i) => ({
    line: i + 2,
    values: { externalId: `deal-${i}`, accountExternalId: `acc-${i % 5}`, date: `${MONTHS[i % 3]}-1${i % 9}`, type: 'UPSELL', arrAdded: amount, attribution: 'CS_INFLUENCED', attributionPct: '50' },
  }));
}

/** 30 account rows: the 5 existing ones with a new MRR, 25 new ones (cohort totals move too). */
function accountRows(mrr: string): RawRow[] {
  return Array.from({ length: 30 }, (_, i) => ({
    line: i + 2,
    values: { externalId: `acc-${i}`, name: `Account ${i}`, startDate: `2025-0${1 + (i % 9)}-15`, mrr },
  }));
}

function monthRows(salaries: string): RawRow[] {
  return [...MONTHS, '2026-04', '2026-05'].map((month, i) => ({
    line: i + 2,
    values: Object.fromEntries(Object.entries({ ...MONTH_FIGURES, month, loadedSalaries: salaries }).map(([k, v]) => [k, String(v)])),
  }));
}

async function expectUntouchedAfter(work: () => Promise<unknown>) {
  const before = await orgChecksum(testDb(), organizationId);
  const error = await work().then(() => null, (e: unknown) => e ?? new Error('rejected'));
  expect(error, 'the work should have died at the crash point').not.toBeNull();
  const after = await orgChecksum(testDb(), organizationId);
  expect(after).toEqual(before);
  const found = await partialWrites(testDb(), organizationId);
  tally.partialWrites += found.length + (JSON.stringify(after) === JSON.stringify(before) ? 0 : 1);
  expect(found).toEqual([]);
  return error;
}

describe('a crash in the middle of an import leaves the organisation exactly as it was', () => {
  const cases: [ImportKind, () => RawRow[], number[]][] = [
    ['deals', () => dealRows('777.77'), [1, 15, 39]],
    ['accounts', () => accountRows('3333.33'), [1, 12, 29]],
    ['months', () => monthRows('45678'), [1, 4, 9]],
  ];
  for (const [kind, rows, points] of cases) {
    for (const kind_ of ['throw', 'terminate'] as CrashKind[]) {
      it(`${kind}: ${kind_ === 'throw' ? 'the code fails' : 'the connection is killed'} after row ${points.join(', ')}`, async () => {
        for (const after of points) await crashAt(after, kind_, () => commitImport(access, kind, rows()));
      });
    }
  }

  it('and the same import, run again without a fault, writes every row (the app recovered by itself)', async () => {
    const counts = await commitImport(access, 'deals', dealRows('777.77'));
    tally.requests += 1;
    expect(counts).toMatchObject({ total: 40, create: 35, update: 5 });
    expect(await testDb().expansionDeal.count({ where: { organizationId } })).toBe(40);
    expect(await partialWrites(testDb(), organizationId)).toEqual([]);
  });
});

describe('a crash in the middle of a board-pack creation leaves no orphan snapshot', () => {
  const request = { from: '2026-01', to: '2026-03', includeLeaderboard: false };

  it('after the PDF is rendered, before anything is stored', async () => {
    renderFails = true;
    const error = await expectUntouchedAfter(() => createSnapshot(owner, slug, request));
    expect(String(error)).toMatch(/injected crash/);
    tally.faults += 1;
    tally.requests += 1;
  });

  for (const kind of ['throw', 'terminate'] as CrashKind[]) {
    it(`inside the transaction, at the snapshot row and at its audit entry (${kind === 'throw' ? 'the code fails' : 'the connection is killed'})`, async () => {
      await crashAt(1, kind, () => createSnapshot(owner, slug, request));
      await crashAt(2, kind, () => createSnapshot(owner, slug, request));
    });
  }

  it('and the next snapshot is stored whole', async () => {
    const before = await testDb().boardSnapshot.count({ where: { organizationId } });
    await createSnapshot(owner, slug, request);
    tally.requests += 1;
    expect(await testDb().boardSnapshot.count({ where: { organizationId } })).toBe(before + 1);
    expect(await partialWrites(testDb(), organizationId)).toEqual([]);
  });
});
