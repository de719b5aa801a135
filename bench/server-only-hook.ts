import { register } from 'node:module';

/**
 * lib/ modules are marked server-only (they throw outside React Server Components); a script is
 * server-side by nature. Run through tsx, resolve that marker to an empty module; bundled, the
 * bundle already did (and a module hook would only add its loader thread's memory).
 */
export function allowServerOnlyImports(): void {
  if (process.env.TENURE_BENCH_BUNDLED) return;
  register(
    'data:text/javascript,' +
      encodeURIComponent(`export async function resolve(specifier, context, next) {
        if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
        return next(specifier, context);
      }`),
  );
}
