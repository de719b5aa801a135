// The development fallback of the PDF worker: loads the TypeScript worker (worker-main.ts) through
// tsx, as the scripts and tests run. A production build serves the bundled worker instead
// (lib/pdf/pdf-worker.ts chooses), which needs neither tsx nor TypeScript at run time.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker-main.ts', import.meta.url);
