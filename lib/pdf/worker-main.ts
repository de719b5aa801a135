// The PDF worker's message loop (worker_threads): renders board packs away from the server's event
// loop, so other users' requests keep being answered during a render. `npm run build` bundles this
// file with its renderer into one .mjs (scripts/build-pdf-worker.ts); without a build (dev, tests)
// render-worker.mjs loads it through tsx.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import type { BoardPackModel } from './board-pack-model';
import { renderPackInProcess } from './render-in-process';

/**
 * A full garbage collection, run once a pack is sent. V8 would otherwise let garbage from one
 * render pile up into the next (5 renders of the big pack: 307 MB peak for the process, 283 MB
 * with this). A worker cannot be given --expose-gc, so the function is fetched the way Jest does:
 * the flag is set, then read by a new context. Without it, nothing is collected early.
 */
const collectGarbage: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
})();

const port = parentPort;
if (!port) throw new Error('lib/pdf/worker-main.ts runs in a worker thread only');

port.on('message', async ({ id, model }: { id: number; model: BoardPackModel }) => {
  try {
    const pdf = await renderPackInProcess(model);
    // A copy that owns its memory, transferred rather than cloned.
    const bytes = new Uint8Array(pdf);
    port.postMessage({ id, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  collectGarbage();
});
port.postMessage({ ready: true });
