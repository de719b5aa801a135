/** One request of the load, as seen by its client: when it started and ended, and its answer. */
export type Sample = { op: string; started: number; ended: number; status: number | 'hang' | 'threw'; body?: unknown; error?: string };

const HANG_MS = 10_000;

/** Runs `call` with a deadline: a request that neither answers nor fails in time counts as a hang. */
export async function timed(op: string, call: () => Promise<Response | number>, deadlineMs = HANG_MS): Promise<Sample> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), deadlineMs)));
  try {
    const pending = call();
    const outcome = await Promise.race([pending, deadline]);
    if (outcome === 'hang') {
      // Still reported when it settles, so a slow answer can be told from one that never comes.
      pending.then(
        (r) => console.log(`[faults] ${op} started ${started} settled after ${Date.now() - started} ms with ${typeof r === 'number' ? r : r.status}`),
        (e: unknown) => console.log(`[faults] ${op} started ${started} failed after ${Date.now() - started} ms: ${String(e).slice(0, 200)}`),
      );
      return { op, started, ended: Date.now(), status: 'hang' };
    }
    if (typeof outcome === 'number') return { op, started, ended: Date.now(), status: outcome };
    const text = await outcome.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text, the shape check reports it
    }
    return { op, started, ended: Date.now(), status: outcome.status, body };
  } catch (error) {
    return { op, started, ended: Date.now(), status: 'threw', error: String(error).slice(0, 300) };
  } finally {
    clearTimeout(timer);
  }
}

/** Workers that each run their next request as soon as the previous one ended, until stopped. */
export function startLoad(workers: ((i: number) => Promise<Sample>)[], pauseMs: number) {
  const samples: Sample[] = [];
  let running = true;
  const loops = workers.map(async (next) => {
    for (let i = 0; running; i += 1) {
      samples.push(await next(i));
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  });
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return samples;
    },
  };
}
