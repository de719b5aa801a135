/**
 * Runs a benchmark as production runs the app: bundled into one ES module by esbuild (TypeScript
 * compiled ahead of time, `@/` paths resolved, `server-only` emptied) and started with plain node.
 * Under tsx a script also carries tsx's module-hooks thread and its compiled-source cache, which
 * the app does not; a memory figure must not count them.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

/** `import 'server-only'` marks modules for React Server Components; a script is server-side. */
const serverOnly: Plugin = {
  name: 'server-only',
  setup(builder) {
    builder.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

export async function bundleBench(entry: string): Promise<string> {
  // Inside the project, so node_modules (left external) resolves from it.
  const outfile = path.resolve('.data/bench-bundles', `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [path.resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [serverOnly],
    banner: {
      js: [
        "import { createRequire as __tenureCreateRequire } from 'node:module';",
        'const require = __tenureCreateRequire(import.meta.url);',
      ].join('\n'),
    },
    logLevel: 'warning',
  });
  return outfile;
}

/** Bundles `entry` and runs it with node and `args`, output inherited; TENURE_BENCH_BUNDLED=1 tells it so. */
export async function runBundled(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<SpawnSyncReturns<Buffer>> {
  const file = await bundleBench(entry);
  return spawnSync(process.execPath, [file, ...args], { stdio: 'inherit', env: { ...env, TENURE_BENCH_BUNDLED: '1' } });
}
