import autocannon from 'autocannon';
import { round } from './proc.ts';

export interface LoadFigures {
  /** Successful (2xx) responses per second over the measured phase. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LoadOptions {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Builds each request (path, body, headers), e.g. round-robin over villages. */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  connections: number;
  duration: number;
  warmup: number;
}

async function once(options: LoadOptions, duration: number): Promise<autocannon.Result> {
  const setup = options.setupRequest;
  return autocannon({
    url: options.url,
    method: options.method,
    headers: options.headers ?? {},
    connections: options.connections,
    duration,
    pipelining: 1,
    ...(setup ? { requests: [{ setupRequest: (req: autocannon.Request) => setup(req) }] } : {}),
  });
}

/** An unmeasured warm-up (JIT, caches), then the measured phase, with autocannon on 127.0.0.1. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  if (options.warmup > 0) await once(options, options.warmup);
  const result = await once(options, options.duration);
  const ok = result['2xx'];
  return {
    requestsPerSecond: Math.round(ok / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    ok2xx: ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export function ratio(a: number, b: number): number {
  return b > 0 ? round(a / b, 3) : 0;
}
