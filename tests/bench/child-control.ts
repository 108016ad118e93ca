// The bench runner talks to each bot under test over Node's IPC channel: reset and read the
// storage counters, wait for background sends, sample memory, and run scenario-specific work.
// Nothing here is part of the product; it wraps it from outside.
import fs from 'node:fs';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import type { StorageCounter, StorageCounts } from './storage-counter';
import type { StorageLatency } from './storage-latency';
import { criticalPath, type CriticalPath, type Interval } from './critical-path';

export interface ChildSnapshot {
  storage: StorageCounts;
  rssMb: number;
  /** Highest RSS seen since the last reset, sampled every 100 ms. */
  peakRssMb: number;
  heapUsedMb: number;
  /** CPU time (user + system) this process used since the last reset. */
  cpuMs: number;
}

export type Handler = (args: any) => Promise<unknown>;

/** The last inbound HTTP request's storage requests and round trips, and how long it took. */
export interface Trace extends CriticalPath {
  ms: number;
}

/** The storage policies a bot under test is given, which the runner reads and sets. */
export interface BenchStorage {
  counter: StorageCounter;
  latency: StorageLatency;
}

/**
 * When each inbound HTTP request (an activity from Teams, a tab's API call) arrived and when its
 * response was handed back, from Node's own HTTP diagnostics channels: no hook in the product.
 */
function traceInbound(): { list: Interval[]; clear: () => void } {
  const open = new WeakMap<IncomingMessage, Interval>();
  let list: Interval[] = [];
  diagnostics.subscribe('http.server.request.start', (m) => {
    const interval = { start: performance.now(), end: Infinity };
    open.set((m as { request: IncomingMessage }).request, interval);
    list.push(interval);
  });
  diagnostics.subscribe('http.server.response.finish', (m) => {
    const interval = open.get((m as { request: IncomingMessage }).request);
    if (interval) interval.end = performance.now();
  });
  return {
    get list() {
      return list;
    },
    clear: () => (list = []),
  };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function serveControl({ counter, latency }: BenchStorage, idle: () => Promise<void>, extra: Record<string, Handler> = {}): void {
  const inbound = traceInbound();
  let peak = process.memoryUsage().rss;
  let cpuAtReset = process.cpuUsage();
  let session: Session | undefined;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session!.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  sampler.unref();
  const snapshot = (): ChildSnapshot => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    const cpu = process.cpuUsage(cpuAtReset);
    return {
      storage: counter.snapshot(),
      rssMb: mb(m.rss),
      peakRssMb: mb(peak),
      heapUsedMb: mb(m.heapUsed),
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  };
  const handlers: Record<string, Handler> = {
    reset: async () => {
      counter.reset();
      inbound.clear();
      peak = process.memoryUsage().rss;
      cpuAtReset = process.cpuUsage();
      return snapshot();
    },
    snapshot: async () => snapshot(),
    /** Sets the injected storage latency (ms per request) from now on. */
    latency: async ({ ms }: { ms: number }) => {
      latency.ms = ms;
      return snapshot();
    },
    /** The round trips of the last inbound request since the reset that finished. */
    trace: async (): Promise<Trace | undefined> => {
      const last = inbound.list.filter((i) => i.end !== Infinity).pop();
      return last && { ...criticalPath(counter.timeline(), last), ms: last.end - last.start };
    },
    idle: async () => {
      await idle();
      return snapshot();
    },
    // A CPU profile of this process between the two commands (the measured window only).
    profileStart: async () => {
      session ??= new Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      return snapshot();
    },
    profileStop: async ({ file }: { file: string }) => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session?.disconnect();
      fs.writeFileSync(file, JSON.stringify(profile));
      return snapshot();
    },
    ...extra,
  };
  process.on('message', (msg: { id: number; cmd: string; args?: unknown }) => {
    const handler = handlers[msg.cmd];
    const run = handler ? handler(msg.args) : Promise.reject(new Error(`unknown command ${msg.cmd}`));
    run.then(
      (result) => process.send?.({ id: msg.id, result }),
      (e) => process.send?.({ id: msg.id, error: (e as Error).message }),
    );
  });
  // The runner going away (even killed) must not leave a bot behind.
  process.on('disconnect', () => process.exit(0));
  // A plain exit (not death by signal) lets --cpu-prof write its profile.
  process.on('SIGINT', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}
