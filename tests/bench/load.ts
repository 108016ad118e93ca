// Drives a bot over HTTP the way Teams does: POST activity JSON to /api/messages (and GET the
// tab's API), keep-alive connections, a closed loop of N people each waiting for their answer
// before the next request.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Reply {
  status: number;
  body: any;
}

export function request(method: 'GET' | 'POST', url: string, json?: unknown): Promise<Reply> {
  const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            /* not JSON: keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${url} timed out`)));
    if (payload) req.write(payload);
    req.end();
  });
}

export interface LoopResult {
  /** Latency of every operation started inside the window, in ms. */
  latencies: number[];
  /** From the window's start to the last of its operations finishing. */
  elapsedMs: number;
  errors: number;
  firstError?: string;
}

/**
 * `concurrency` people, each doing `op` again and again until `durationMs` has passed; an
 * operation started inside the window is always waited for. `op` returns an error text or
 * undefined when the answer was the expected one.
 */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  op: (person: number) => Promise<string | undefined>,
): Promise<LoopResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, person) => {
      while (performance.now() < deadline) {
        const t = performance.now();
        let problem: string | undefined;
        try {
          problem = await op(person);
        } catch (e) {
          problem = (e as Error).message;
        }
        latencies.push(performance.now() - t);
        if (problem) {
          errors++;
          firstError ??= problem;
        }
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - start, errors, firstError };
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    count: s.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(s[s.length - 1] ?? NaN),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}
