import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as NextServer from 'next/server';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { createSnapshot } from '@/lib/data/snapshots';
import { callerOf } from '@/lib/seed/factories';
import { GET as health } from '@/app/api/health/route';
import { api, MONTH_FIGURES, orgWithToken } from '../support/faults/api';
import { startDedicatedPostgres, type DedicatedPostgres } from '../support/faults/dedicated-postgres';
import { partialWrites } from '../support/faults/invariants';
import { startLoad, timed, type Sample } from '../support/faults/load';
import { newTally, printTally } from '../support/faults/tally';

// `connection()` only marks the health route as dynamic for Next's renderer; outside a Next request
// scope it throws, so the handler is called here with it as a no-op.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<typeof NextServer>()), connection: async () => undefined }));

const tally = newTally();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// This file stops and restarts PostgreSQL, so it runs on a server of its own: the app's one Prisma
// client (lib/db) is pointed at it before its first use.
let pg: DedicatedPostgres;
let prisma: PrismaClient;

beforeAll(async () => {
  pg = await startDedicatedPostgres('outage');
  const holder = globalThis as unknown as { tenureDb?: PrismaClient };
  await holder.tenureDb?.$disconnect();
  delete holder.tenureDb;
  process.env.DATABASE_URL = pg.url;
  prisma = db();
  const [row] = await prisma.$queryRaw<{ port: string }[]>`SELECT current_setting('port') AS port`;
  expect(row?.port).toBe(new URL(pg.url).port);
}, 120_000);

afterAll(async () => {
  printTally('database stops mid-load and comes back', tally);
  await prisma?.$disconnect();
  await pg?.destroy();
});

// A board pack renders its PDF on the CPU (seconds under load): its deadline is longer than a request's.
const RENDER_DEADLINE_MS = 30_000;

type Phase = 'before' | 'stopping' | 'down' | 'restarting' | 'after';

describe('the database stops under load and comes back', () => {
  it('answers 503 meanwhile (never a 500 or a hang), recovers without a restart, and writes nothing by halves', async () => {
    const workers = 6;
    const setup = await Promise.all(Array.from({ length: workers }, () => orgWithToken(prisma)));
    // One organisation per worker (each with its own token, well under the per-token rate limit).
    const first = setup[0]!;
    for (const { org, token } of setup) {
      expect((await api.post(token, org.slug, 'accounts', { externalId: 'acc', name: 'Acme', startDate: '2025-01-15', mrr: '2500' })).status).toBeLessThan(300);
      expect((await api.putMonth(token, org.slug, '2026-01', MONTH_FIGURES)).status).toBe(200);
    }
    // The first PDF render of a process is slow (fonts, layout code): done once before the load.
    await createSnapshot(callerOf(first.owner), first.org.slug, { from: '2026-01', to: '2026-01', includeLeaderboard: false });
    const acknowledgedDeals: { organizationId: string; id: string }[] = [];
    const acknowledgedVersions = new Map<string, number>();

    const load = startLoad(
      setup.map(({ org, token, owner }, w) => async (i: number): Promise<Sample> => {
        switch (i % 5) {
          case 0:
            return timed('health', () => health());
          case 1: {
            const sample = await timed('deal', () => api.post(token, org.slug, 'deals', { externalId: `w${w}-d${i}`, accountExternalId: 'acc', date: '2026-01-10', type: 'UPSELL', arrAdded: `${i}.50`, attribution: 'CS_INFLUENCED', attributionPct: 30 }));
            const id = (sample.body as { id?: string } | undefined)?.id;
            if (typeof sample.status === 'number' && sample.status < 300 && id) acknowledgedDeals.push({ organizationId: org.id, id });
            return sample;
          }
          case 2: {
            // A read-modify-write editor: read the version, save from it.
            const read = await timed('month-read', () => api.getMonth(token, org.slug, '2026-01'));
            const version = (read.body as { version?: number } | undefined)?.version;
            if (read.status !== 200 || version === undefined) return read;
            const sample = await timed('month-save', () => api.putMonth(token, org.slug, '2026-01', { ...MONTH_FIGURES, toolsCost: 2000 + i, version }));
            const saved = (sample.body as { version?: number } | undefined)?.version;
            if (sample.status === 200 && saved) acknowledgedVersions.set(org.id, Math.max(saved, acknowledgedVersions.get(org.id) ?? 0));
            return sample;
          }
          case 3:
            return timed('event', () => api.post(token, org.slug, 'saves', { externalId: `w${w}-s${i}`, accountExternalId: 'acc', date: '2026-01-12', arrSaved: `${100 + i}` }));
          default:
            // One worker takes board packs (CPU-bound PDF renders), through lib/data as the page's
            // server action does; the others read lists.
            if (w > 0) return timed('list', () => api.list(token, org.slug, 'deals'));
            return timed('snapshot', () => createSnapshot(callerOf(owner), org.slug, { from: '2026-01', to: '2026-01', includeLeaderboard: false }).then(() => 201), RENDER_DEADLINE_MS);
        }
      }),
      40,
    );

    const marks: { phase: Phase; at: number }[] = [{ phase: 'before', at: Date.now() }];
    await sleep(2_000);
    marks.push({ phase: 'stopping', at: Date.now() });
    await pg.stop();
    tally.faults += 1;
    marks.push({ phase: 'down', at: Date.now() });
    await sleep(3_000);
    marks.push({ phase: 'restarting', at: Date.now() });
    await pg.start();
    marks.push({ phase: 'after', at: Date.now() });
    await sleep(4_000);
    const samples = await load.stop();
    tally.requests += samples.length;

    const phaseOf = (s: Sample): Phase => {
      // A request belongs to a phase only if it started and ended inside it.
      const index = marks.findLastIndex((m) => m.at <= s.started);
      const next = marks[index + 1];
      return next && s.ended > next.at ? 'stopping' : marks[index]!.phase;
    };
    const byPhase = (phase: Phase) => samples.filter((s) => phaseOf(s) === phase);
    const ok = (s: Sample) => typeof s.status === 'number' && (s.status < 300 || s.status === 409);

    // Never a hang, never an uncaught throw from a route, never a 500.
    const routes = samples.filter((s) => s.op !== 'snapshot');
    expect(samples.filter((s) => s.status === 'hang')).toEqual([]);
    expect(routes.filter((s) => s.status === 'threw' || s.status === 500)).toEqual([]);

    // Before: everything works.
    expect(byPhase('before').filter((s) => !ok(s))).toEqual([]);

    // While it is down: every route answers 503, the API with its JSON error shape; snapshots fail fast.
    const down = byPhase('down');
    expect(down.filter((s) => s.op === 'health').length).toBeGreaterThan(0);
    expect(down.filter((s) => s.op !== 'snapshot' && s.status !== 503)).toEqual([]);
    for (const s of down.filter((d) => d.op !== 'health' && d.op !== 'snapshot')) {
      expect(s.body).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) } });
    }
    expect(down.filter((s) => s.op === 'snapshot' && s.status !== 'threw')).toEqual([]);
    // Fail fast: nobody waits on a dead database.
    expect(Math.max(...down.map((s) => s.ended - s.started))).toBeLessThan(2_000);

    // After: it recovers by itself; once it has, everything works again.
    const after = byPhase('after');
    const firstOk = after.find((s) => ok(s) && s.op === 'health');
    expect(firstOk).toBeDefined();
    const recoveryMs = firstOk!.ended - marks.find((m) => m.phase === 'after')!.at;
    const settled = after.filter((s) => s.started > firstOk!.ended + 500);
    expect(settled.length).toBeGreaterThan(10);
    expect(settled.filter((s) => !ok(s))).toEqual([]);

    // Nothing half-written, nothing acknowledged and lost.
    let found: string[] = [];
    for (const { org } of setup) found = found.concat(await partialWrites(prisma, org.id));
    const ids = acknowledgedDeals.map((d) => d.id);
    const stored = await prisma.expansionDeal.count({ where: { id: { in: ids } } });
    for (const [organizationId, version] of acknowledgedVersions) {
      const month = await prisma.monthlyReport.findFirstOrThrow({ where: { organizationId }, select: { version: true } });
      expect(month.version).toBeGreaterThanOrEqual(version);
    }
    tally.partialWrites += found.length + (ids.length - stored);
    expect(found).toEqual([]);
    expect(stored).toBe(ids.length);

    const count = (list: Sample[], status: number | string) => list.filter((s) => s.status === status).length;
    const stopping = byPhase('stopping');
    tally.notes.push(
      `${samples.length} requests: before ${byPhase('before').length} (all ok); while stopping or restarting ${stopping.length + byPhase('restarting').length} ` +
        `(${count(stopping, 503)} × 503); down ${down.length} (${count(down, 503)} × 503, ${count(down, 'threw')} snapshots refused, 0 × 500, slowest ${Math.max(...down.map((s) => s.ended - s.started))} ms); ` +
        `after ${after.length} (recovered ${recoveryMs} ms after PostgreSQL was back, then ${settled.length}/${settled.length} ok)`,
      `${acknowledgedDeals.length} acknowledged deals all stored; ${acknowledgedVersions.size} months at or past their last acknowledged version`,
    );
  }, 120_000);
});
