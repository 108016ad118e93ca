// The bench runner talks to each bot under test over Node's IPC channel: reset and read the
// storage counters, wait for background sends, sample memory, and run scenario-specific work.
// Nothing here is part of the product; it wraps it from outside.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import type { StorageCounter, StorageCounts } from './storage-counter';

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

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function serveControl(counter: StorageCounter, idle: () => Promise<void>, extra: Record<string, Handler> = {}): void {
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
      peak = process.memoryUsage().rss;
      cpuAtReset = process.cpuUsage();
      return snapshot();
    },
    snapshot: async () => snapshot(),
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
