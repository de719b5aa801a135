import { afterAll, describe, expect, it } from 'vitest';
import { upsertMonth } from '@/lib/data/entries/months';
import { isAppError } from '@/lib/errors';
import { addMember, callerOf } from '@/lib/seed/factories';
import { monthInputSchema } from '@/lib/validation/entries';
import { testDb } from '../support/db';
import { api, MONTH_FIGURES, orgWithToken } from '../support/faults/api';
import { partialWrites } from '../support/faults/invariants';
import { newTally, printTally } from '../support/faults/tally';

const tally = newTally();
afterAll(() => printTally('concurrency', tally));

const ROUNDS = 10;

async function statusAndBody(response: Response) {
  return { status: response.status, body: (await response.json()) as { id?: string; version?: number; error?: { code: string; message: string } } };
}

describe('concurrent editors and duplicate deliveries', () => {
  it('two editors saving the same month from the same version: one wins, the other gets CONFLICT, nothing is lost', async () => {
    const { org, token } = await orgWithToken(testDb());
    const alice = callerOf((await addMember(testDb(), org.id, 'EDITOR')).user);
    const bob = callerOf((await addMember(testDb(), org.id, 'EDITOR')).user);
    const month = '2026-02';
    expect((await api.putMonth(token, org.slug, month, MONTH_FIGURES)).status).toBe(200);

    for (let round = 0; round < ROUNDS; round += 1) {
      const version = round + 1;
      const input = (toolsCost: number) => monthInputSchema.parse({ ...MONTH_FIGURES, month, toolsCost, version });
      const [a, b] = await Promise.allSettled([upsertMonth(alice, org.slug, input(1000 + round)), upsertMonth(bob, org.slug, input(5000 + round))]);
      tally.faults += 1;
      tally.requests += 2;
      const settled = [a, b];
      const won = settled.flatMap((s, i) => (s.status === 'fulfilled' ? [i] : []));
      const conflicts = settled.filter((s) => s.status === 'rejected' && isAppError(s.reason, 'CONFLICT'));
      expect(won).toHaveLength(1);
      expect(conflicts).toHaveLength(1);
      // The loser is told who changed it and to which version, so the form can show it.
      const loser = conflicts[0] as PromiseRejectedResult;
      expect(loser.reason.details).toMatchObject({ version: version + 1 });
      const stored = await testDb().monthlyReport.findFirstOrThrow({ where: { organizationId: org.id }, select: { toolsCost: true, version: true } });
      expect(stored.version).toBe(version + 1);
      // No lost update: what is stored is exactly the winner's figure.
      expect(stored.toolsCost.toString()).toBe(String(won[0] === 0 ? 1000 + round : 5000 + round));
    }

    const found = await partialWrites(testDb(), org.id);
    tally.partialWrites += found.length;
    expect(found).toEqual([]);
  });

  it('the same PUT with the same version through the API, twice at once: one 200, one 409, never a 500', async () => {
    const { org, token } = await orgWithToken(testDb());
    const month = '2026-03';
    // Creating the month: both start from "no month yet" (version 0).
    const created = await Promise.all([0, 1].map((i) => api.putMonth(token, org.slug, month, { ...MONTH_FIGURES, toolsCost: 10 + i, version: 0 }).then(statusAndBody)));
    tally.faults += 1;
    tally.requests += 2;
    expect(created.map((r) => r.status).sort()).toEqual([200, 409]);
    for (let round = 0; round < ROUNDS; round += 1) {
      const version = round + 1;
      const answers = await Promise.all([0, 1].map((i) => api.putMonth(token, org.slug, month, { ...MONTH_FIGURES, toolsCost: 100 * round + i, version }).then(statusAndBody)));
      tally.faults += 1;
      tally.requests += 2;
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = answers.find((r) => r.status === 409)!;
      expect(loser.body.error).toMatchObject({ code: 'CONFLICT' });
      expect(loser.body.error?.message).toBeTruthy();
      const winner = answers.find((r) => r.status === 200)!;
      const read = await statusAndBody(await api.getMonth(token, org.slug, month));
      expect(read.body).toMatchObject({ version: version + 1 });
      expect(winner.body).toMatchObject({ version: version + 1 });
    }
    const found = await partialWrites(testDb(), org.id);
    tally.partialWrites += found.length;
    expect(found).toEqual([]);
  });

  it('the same delivery (same externalId) sent twice at once: exactly one row, answers 201 + 200 or 201 + 409, never a 500', async () => {
    const { org, token } = await orgWithToken(testDb());
    expect((await api.post(token, org.slug, 'accounts', { externalId: 'acc-0', name: 'Acme', startDate: '2025-01-15', mrr: '2500' })).status).toBe(201);
    const bodies: Record<string, (i: number) => unknown> = {
      csms: (i) => ({ externalId: `csm-${i}`, name: `CSM ${i}`, startDate: '2025-01-01' }),
      accounts: (i) => ({ externalId: `acc-${i + 1}`, name: `Account ${i}`, startDate: '2025-02-01', mrr: '1000' }),
      deals: (i) => ({ externalId: `deal-${i}`, accountExternalId: 'acc-0', date: '2026-03-10', type: 'UPSELL', arrAdded: '1200.50', attribution: 'CS_SOURCED' }),
      'churn-events': (i) => ({ externalId: `churn-${i}`, accountExternalId: 'acc-0', date: '2026-03-12', kind: 'CONTRACTION', arrLost: '300' }),
      saves: (i) => ({ externalId: `save-${i}`, accountExternalId: 'acc-0', date: '2026-03-14', arrSaved: '900' }),
    };
    const outcomes = new Map<string, number>();
    for (const [collection, body] of Object.entries(bodies)) {
      for (let round = 0; round < ROUNDS; round += 1) {
        const payload = body(round);
        const answers = await Promise.all([api.post(token, org.slug, collection, payload), api.post(token, org.slug, collection, payload)].map((p) => p.then(statusAndBody)));
        tally.faults += 1;
        tally.requests += 2;
        const statuses = answers.map((a) => a.status).sort();
        outcomes.set(statuses.join('+'), (outcomes.get(statuses.join('+')) ?? 0) + 1);
        expect([[200, 201], [201, 409]]).toContainEqual(statuses);
        const ids = new Set(answers.flatMap((a) => (a.body.id ? [a.body.id] : [])));
        expect(ids.size).toBe(1);
      }
    }
    const externalIds = (rows: { externalId: string | null }[]) => rows.map((r) => r.externalId);
    const where = { organizationId: org.id };
    const all = [
      ...externalIds(await testDb().csm.findMany({ where, select: { externalId: true } })),
      ...externalIds(await testDb().account.findMany({ where, select: { externalId: true } })),
      ...externalIds(await testDb().expansionDeal.findMany({ where, select: { externalId: true } })),
      ...externalIds(await testDb().churnEvent.findMany({ where, select: { externalId: true } })),
      ...externalIds(await testDb().save.findMany({ where, select: { externalId: true } })),
    ];
    // Exactly one row per delivery: 5 collections × ROUNDS, plus the account the events refer to.
    expect(all).toHaveLength(5 * ROUNDS + 1);
    expect(new Set(all).size).toBe(all.length);
    tally.notes.push(`duplicate deliveries answered: ${[...outcomes].map(([k, v]) => `${k} ×${v}`).join(', ')}`);

    const found = await partialWrites(testDb(), org.id);
    tally.partialWrites += found.length;
    expect(found).toEqual([]);
  });

  it('many different events for the same month at once: the month totals still equal the raw sums', async () => {
    const { org, token } = await orgWithToken(testDb());
    expect((await api.post(token, org.slug, 'accounts', { externalId: 'acc', name: 'Acme', startDate: '2025-01-15', mrr: '2500' })).status).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 3 === 0
          ? api.post(token, org.slug, 'deals', { externalId: `d${i}`, accountExternalId: 'acc', date: '2026-04-02', type: 'UPSELL', arrAdded: `${100 + i}.25`, attribution: 'CS_INFLUENCED', attributionPct: 40 })
          : i % 3 === 1
            ? api.post(token, org.slug, 'saves', { externalId: `s${i}`, accountExternalId: 'acc', date: '2026-04-03', arrSaved: `${200 + i}` })
            : api.post(token, org.slug, 'churn-events', { externalId: `c${i}`, accountExternalId: 'acc', date: '2026-04-04', kind: 'FULL', arrLost: `${300 + i}` })
        ).then((r) => r.status),
      ),
    );
    tally.faults += 1;
    tally.requests += answers.length;
    expect(answers.every((s) => s === 201)).toBe(true);
    const found = await partialWrites(testDb(), org.id);
    tally.partialWrites += found.length;
    expect(found).toEqual([]);
  });
});
