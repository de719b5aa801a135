import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection, now. For the few places that know a large amount of garbage just
 * became unreachable and a large allocation comes next (a 100 000-row import commit, a PDF render
 * in the worker): V8 would otherwise let the garbage stand and grow the heap over it, and the
 * process's peak memory is the sum. Node offers no gc() without --expose-gc, which a worker cannot
 * be given and the server is not started with; so, as Jest does, the flag is set and gc read by a
 * new context. If that fails, nothing is collected early.
 */
export function collectGarbage(): void {
  if (!collect) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = () => undefined;
    }
  }
  collect();
}
