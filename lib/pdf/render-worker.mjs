// The PDF worker (worker_threads): renders board packs away from the server's event loop, so other
// users' requests keep being answered during a render. A plain .mjs file that Next never bundles:
// it loads the TypeScript renderer through tsx, exactly as the scripts and tests run it.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { renderPackInProcess } = await tsImport('./render-in-process.ts', import.meta.url);

parentPort.on('message', async ({ id, model }) => {
  try {
    const pdf = await renderPackInProcess(model);
    // A copy that owns its memory, transferred rather than cloned.
    const bytes = new Uint8Array(pdf);
    parentPort.postMessage({ id, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
parentPort.postMessage({ ready: true });
