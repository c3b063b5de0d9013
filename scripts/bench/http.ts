/** Load from this process with autocannon, and the statistics the report prints. */
import {Agent, request as httpRequest} from 'node:http';
import autocannon from 'autocannon';

export interface Load {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Each request's body and headers, once each (webhook events), instead of a duration. */
  sequence?: {body: string; headers: Record<string, string>}[];
  connections?: number;
  seconds?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  /** Answers outside 2xx, and connection errors: a benchmark with any is suspect. */
  non2xx: number;
  errors: number;
  count: number;
  /** The serving process's CPU time per request, when the caller measured it. */
  cpuUsPerRequest?: number;
}

export async function load(spec: Load): Promise<LoadResult> {
  if (spec.sequence)
    return loadSequence(spec.url, spec.sequence, spec.connections ?? 32);
  const result = await autocannon({
    url: spec.url,
    method: spec.method ?? 'POST',
    headers: {'content-type': 'application/json', ...spec.headers},
    body: spec.body,
    connections: spec.connections ?? 32,
    duration: spec.seconds ?? 3,
  });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    count: result.requests.total,
  };
}

/**
 * Each request of `sequence` once, over `connections` keep-alive connections, timed by the
 * wall clock (autocannon's fixed-count mode rounds its duration up to whole seconds).
 */
async function loadSequence(
  url: string,
  sequence: {body: string; headers: Record<string, string>}[],
  connections: number
): Promise<LoadResult> {
  const agent = new Agent({keepAlive: true, maxSockets: connections});
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let next = 0;
  const send = (item: {body: string; headers: Record<string, string>}) =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const request = httpRequest(
        url,
        {
          method: 'POST',
          agent,
          headers: {'content-type': 'application/json', ...item.headers},
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - sent);
            if ((response.statusCode ?? 0) >= 300) non2xx++;
            resolve();
          });
        }
      );
      request.on('error', () => {
        errors++;
        resolve();
      });
      request.end(item.body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({length: connections}, async () => {
      while (next < sequence.length) await send(sequence[next++]!);
    })
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: sequence.length / seconds,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
    non2xx,
    errors,
    count: sequence.length,
  };
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2
      ? sorted[middle]!
      : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {min: sorted[0]!, median, max: sorted.at(-1)!};
}

export const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

export const fmtSpread = ({min, median, max}: Spread, digits = 0) =>
  `${fmt(median, digits)} (${fmt(min, digits)}–${fmt(max, digits)})`;
