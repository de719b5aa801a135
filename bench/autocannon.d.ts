// The parts of autocannon 9 the benchmarks use (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
    type RequestSpec = Request & { setupRequest?: (request: Request, context: Record<string, unknown>) => Request };
    type Options = { url: string; connections?: number; duration?: number; amount?: number; timeout?: number; requests?: RequestSpec[]; headers?: Record<string, string> };
    type Histogram = { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number; total: number };
    type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number; duration: number };
    type Instance = EventEmitter & PromiseLike<Result>;
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
