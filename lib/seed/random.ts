/** A small seeded PRNG (mulberry32), so the demo and test data are the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Factors around 1 (±spread) that sum to exactly `count`, for variation that keeps totals. */
export function balancedFactors(random: () => number, count: number, spread: number): number[] {
  const raw = Array.from({ length: count }, () => 1 + (random() * 2 - 1) * spread);
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((f) => (f * count) / sum);
}
