/** Runs `fn` `runs` times after `warmup` runs and returns the median and p95 in milliseconds. */
export async function time(fn: () => Promise<unknown>, runs = 20, warmup = 3): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
