import { Worker } from 'node:worker_threads';
import type { BoardPackModel } from './board-pack-model';
import { pdfWorkerFile } from './worker-bundle';

type Pending = { resolve: (pdf: Buffer) => void; reject: (error: Error) => void };
type Reply = { ready: true } | { id: number; pdf: Uint8Array } | { id: number; error: string };

/** The worker's V8 heap limit: a pack needs well under 100 MB; a runaway render fails instead of swelling the server. */
const HEAP_LIMIT_MB = 160;
/** Its young generation: short-lived layout objects; more only delays collections and grows the peak. */
const YOUNG_LIMIT_MB = 16;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

/**
 * One long-lived worker per process, started on the first render and kept warm (JIT, parsed
 * modules, decoded fonts); if it dies, every waiting render fails and the next one starts a new
 * worker. Unreferenced: an idle worker never keeps a script or a test run alive.
 */
function pdfWorker(): Worker {
  if (worker) return worker;
  // No inherited execArgv: a script run by tsx would load tsx (and its loader thread) into the
  // worker too; the bundle needs nothing, and the development fallback loads tsx itself.
  const started = new Worker(/* turbopackIgnore: true */ pdfWorkerFile(), {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB, maxYoungGenerationSizeMb: YOUNG_LIMIT_MB },
  });
  started.on('message', (reply: Reply) => {
    if ('ready' in reply) return;
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if ('error' in reply) job.reject(new Error(`Board pack render failed: ${reply.error}`));
    else job.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    if (pending.size === 0) started.unref();
  });
  started.on('error', (error) => {
    if (worker === started) worker = null;
    failAll(error);
  });
  started.on('exit', (code) => {
    if (worker === started) worker = null;
    failAll(new Error(`The PDF worker stopped (exit code ${code})`));
  });
  started.unref();
  worker = started;
  return started;
}

/** Renders in the worker; the caller (render queue) sends one pack at a time. */
export function renderInWorker(model: BoardPackModel): Promise<Buffer> {
  const target = pdfWorker();
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Referenced while a render runs, so a script waiting on it does not exit early.
    target.ref();
    target.postMessage({ id, model });
  });
}

/** Stops the worker (tests, shutdown); the next render starts a new one. */
export async function stopPdfWorker(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}
