import type { BoardPackModel } from './board-pack-model';
import { renderInWorker } from './pdf-worker';
import { enqueueRender } from './render-queue';

/** TENURE_PDF_WORKER=off renders on the main thread (debugging, or a platform without workers). */
const useWorker = () => process.env.TENURE_PDF_WORKER !== 'off';

/**
 * The pack's PDF bytes, rendered in Node (no browser), one render at a time per process, in a
 * worker thread so that the server's event loop stays free while it runs.
 */
export function renderBoardPack(model: BoardPackModel): Promise<Buffer> {
  return enqueueRender(async () => {
    if (useWorker()) return renderInWorker(model);
    const { renderPackInProcess } = await import('./render-in-process');
    return renderPackInProcess(model);
  });
}
