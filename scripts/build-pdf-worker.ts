/**
 * Bundles the PDF worker (lib/pdf/worker-main.ts, its renderer, React and @react-pdf) into one ES
 * module, run by `npm run build` after `next build`. The worker then starts without tsx compiling
 * TypeScript in the thread, which held about as much memory again as the renderer itself. The
 * output must sit inside the project (node_modules is found from it, for pdfkit and the fonts).
 *   npx tsx scripts/build-pdf-worker.ts [--out file.mjs]
 */
import path from 'node:path';
import { build } from 'esbuild';
import { bundledWorkerFile } from '@/lib/pdf/worker-bundle';

export async function buildPdfWorker(outfile = bundledWorkerFile()): Promise<string> {
  await build({
    entryPoints: [path.resolve('lib/pdf/worker-main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // React's production build, as `next start` runs it.
    define: { 'process.env.NODE_ENV': '"production"' },
    // CommonJS dependencies inside an ES module still find require, __filename and __dirname.
    banner: {
      js: [
        "import { createRequire as __tenureCreateRequire } from 'node:module';",
        "import { fileURLToPath as __tenureFileURLToPath } from 'node:url';",
        'const require = __tenureCreateRequire(import.meta.url);',
        'const __filename = __tenureFileURLToPath(import.meta.url);',
        "const __dirname = __tenureFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    // pdfkit finds its standard fonts through its own package's subpath imports (#standard-fonts/…)
    // relative to its file: it stays a package, resolved from the project's node_modules.
    external: ['pdfkit'],
    // Smaller source to parse and keep in the worker (V8 holds a script's source while it runs).
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

const outIndex = process.argv.indexOf('--out');
if (process.argv[1]?.endsWith('build-pdf-worker.ts')) {
  const out = await buildPdfWorker(outIndex >= 0 ? path.resolve(process.argv[outIndex + 1]!) : undefined);
  console.log(`PDF worker bundled: ${path.relative(process.cwd(), out)}`);
}
