// The PDF worker's message loop (worker_threads): renders board packs away from the server's event
// loop, so other users' requests keep being answered during a render. `npm run build` bundles this
// file with its renderer into one .mjs (scripts/build-pdf-worker.ts); without a build (dev, tests)
// render-worker.mjs loads it through tsx.
import { parentPort } from 'node:worker_threads';
import { collectGarbage } from '@/lib/runtime/collect-garbage';
import type { BoardPackModel } from './board-pack-model';
import { renderPackInProcess } from './render-in-process';

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
  // After the answer: one render's garbage would otherwise pile into the next (5 renders of the
  // big pack peaked at 307 MB for the process; 281-296 MB with this).
  collectGarbage();
});
port.postMessage({ ready: true });
