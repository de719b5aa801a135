import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where `npm run build` writes the bundled PDF worker: inside Next's build directory, so it is
 * rebuilt, copied (Dockerfile) and deleted with the build it belongs to. Joined at run time so that
 * Next's bundler does not try to follow it.
 */
export function bundledWorkerFile(root = process.cwd()): string {
  return [root, process.env.NEXT_DIST_DIR ?? '.next', 'pdf-worker', 'render-worker.mjs'].join(path.sep);
}

/**
 * The worker script: TENURE_PDF_WORKER_FILE when set; in production (`next start`) the bundle of
 * the build; otherwise (dev server, tests, scripts) the TypeScript sources through tsx, so an edit
 * is never hidden by a stale bundle.
 */
export function pdfWorkerFile(): string {
  const configured = process.env.TENURE_PDF_WORKER_FILE;
  if (configured) return configured;
  const bundled = bundledWorkerFile();
  if (process.env.NODE_ENV === 'production' && existsSync(bundled)) return bundled;
  return [process.cwd(), 'lib', 'pdf', 'render-worker.mjs'].join(path.sep);
}
