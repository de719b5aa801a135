/**
 * One render at a time per server process. Rendering a pack is CPU-bound; running ten at once would
 * make all ten slow and hold ten documents in memory. Requests queue on a promise chain instead, and
 * a failed render does not block the ones behind it.
 */
let tail: Promise<unknown> = Promise.resolve();
let waiting = 0;

export function enqueueRender<T>(job: () => Promise<T>): Promise<T> {
  waiting += 1;
  const run = tail.then(job, job);
  tail = run.then(
    () => undefined,
    () => undefined,
  );
  return run.finally(() => {
    waiting -= 1;
  });
}

/** Renders queued or running now (for progress messages and tests). */
export function pendingRenders(): number {
  return waiting;
}
