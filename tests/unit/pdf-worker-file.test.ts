import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledWorkerFile, pdfWorkerFile } from '@/lib/pdf/worker-bundle';

describe('the PDF worker script', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the bundle of the build under next start, else the TypeScript sources through tsx', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tenure-worker-'));
    vi.spyOn(process, 'cwd').mockReturnValue(root);
    vi.stubEnv('TENURE_PDF_WORKER_FILE', '');
    vi.stubEnv('NEXT_DIST_DIR', '');
    delete process.env.TENURE_PDF_WORKER_FILE;
    delete process.env.NEXT_DIST_DIR;
    const fallback = path.join(root, 'lib', 'pdf', 'render-worker.mjs');
    vi.stubEnv('NODE_ENV', 'production');
    expect(pdfWorkerFile()).toBe(fallback); // not built yet
    mkdirSync(path.dirname(bundledWorkerFile()), { recursive: true });
    writeFileSync(bundledWorkerFile(), '');
    expect(bundledWorkerFile()).toBe(path.join(root, '.next', 'pdf-worker', 'render-worker.mjs'));
    expect(pdfWorkerFile()).toBe(bundledWorkerFile());
    // A dev server or a test run never picks up a bundle that may be older than the sources.
    vi.stubEnv('NODE_ENV', 'development');
    expect(pdfWorkerFile()).toBe(fallback);
    vi.stubEnv('TENURE_PDF_WORKER_FILE', '/elsewhere/worker.mjs');
    expect(pdfWorkerFile()).toBe('/elsewhere/worker.mjs');
    vi.restoreAllMocks();
  });
});
