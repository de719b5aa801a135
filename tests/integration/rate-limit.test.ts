import { describe, expect, it } from 'vitest';
import { hitRateLimit, resetRateLimit } from '@/lib/rate-limit';
import { uniqueSuffix } from '@/lib/seed/factories';
import { testDb } from '../support/db';

const freshKey = (label: string) => `test:${label}:${uniqueSuffix()}`;

async function storedCount(key: string): Promise<number | null> {
  const bucket = await testDb().rateLimitBucket.findUnique({ where: { key }, select: { count: true } });
  return bucket?.count ?? null;
}

describe('hitRateLimit', () => {
  it('allows `limit` hits in a window, then refuses with a retry delay', async () => {
    const key = freshKey('limit');
    const allowed = [];
    for (let i = 0; i < 3; i++) allowed.push(await hitRateLimit(key, 3, 60));
    expect(allowed.map((r) => [r.allowed, r.remaining])).toEqual([[true, 2], [true, 1], [true, 0]]);

    for (let i = 0; i < 2; i++) {
      const refused = await hitRateLimit(key, 3, 60);
      expect(refused.allowed).toBe(false);
      expect(refused.remaining).toBe(0);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(await storedCount(key)).toBe(5);
  });

  it('keys are independent', async () => {
    const busy = freshKey('busy');
    const quiet = freshKey('quiet');
    for (let i = 0; i < 3; i++) await hitRateLimit(busy, 2, 60);
    expect((await hitRateLimit(busy, 2, 60)).allowed).toBe(false);
    expect(await hitRateLimit(quiet, 2, 60)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await storedCount(quiet)).toBe(1);
    expect(await storedCount(busy)).toBe(4);
  });

  it('an expired window starts again from one', async () => {
    const key = freshKey('expired');
    for (let i = 0; i < 3; i++) await hitRateLimit(key, 2, 60);
    expect((await hitRateLimit(key, 2, 60)).allowed).toBe(false);
    await testDb().rateLimitBucket.update({ where: { key }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const fresh = await hitRateLimit(key, 2, 60);
    expect(fresh).toMatchObject({ allowed: true, remaining: 1 });
    expect(fresh.retryAfterSeconds).toBeGreaterThan(55);
    expect(await storedCount(key)).toBe(1);
  });

  it('resetRateLimit forgets the key', async () => {
    const key = freshKey('reset');
    for (let i = 0; i < 3; i++) await hitRateLimit(key, 2, 60);
    await resetRateLimit(key);
    expect(await storedCount(key)).toBeNull();
    expect(await hitRateLimit(key, 2, 60)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('a concurrent burst of 20 hits counts exactly 20 and lets exactly `limit` through', async () => {
    const key = freshKey('burst');
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(key, 5, 60)));
    expect(await storedCount(key)).toBe(20);
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    // Each hit saw its own count: remaining 4, 3, 2, 1, 0 once each, then 0 for the refused ones.
    expect(results.map((r) => r.remaining).sort((a, b) => b - a)).toEqual([4, 3, 2, 1, ...Array<number>(16).fill(0)]);
  });

  it('two concurrent bursts of 20 on two keys count exactly 20 each', async () => {
    const first = freshKey('burst-a');
    const second = freshKey('burst-b');
    const hits = Array.from({ length: 20 }, () => [hitRateLimit(first, 100, 60), hitRateLimit(second, 100, 60)]).flat();
    const results = await Promise.all(hits);
    expect(results.every((r) => r.allowed)).toBe(true);
    expect(await storedCount(first)).toBe(20);
    expect(await storedCount(second)).toBe(20);
    expect(new Set(results.filter((_, i) => i % 2 === 0).map((r) => r.remaining)).size).toBe(20);
  });
});
