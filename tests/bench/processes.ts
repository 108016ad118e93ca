// Child processes of a bench run: Azurite, and bots started with an IPC channel to control them.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildSnapshot } from './child-control';
import { connectionStringFor, freePort } from '../support/azurite';
import { spawnAzurite } from '../support/azurite-process';

export { DEV_ACCOUNT_KEY, connectionStringFor, freePort } from '../support/azurite';

const started: ChildProcess[] = [];
/** Every child this run started is killed when the runner exits, however it exits. */
process.once('exit', () => started.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** CPU time (user + system, ms) a process has used so far, from /proc; undefined elsewhere. */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

export interface BenchAzurite {
  port: number;
  connectionString: string;
  version: string;
  pid: number;
  stop(): Promise<void>;
}

/** Azurite's Table service, in memory, in its own process (as the protocol tests run it). */
export async function startAzurite(): Promise<BenchAzurite> {
  const version = (
    JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('azurite/package.json')), 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const port = await freePort();
  const child = await spawnAzurite(port);
  started.push(child);
  return { port, connectionString: connectionStringFor(port), version, pid: child.pid ?? 0, stop: () => stopChild(child) };
}

/** A bot under test: its HTTP address, and commands sent to it over IPC. */
export class BotChild {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();

  private constructor(
    readonly name: string,
    readonly url: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (msg: { id?: number; result?: unknown; error?: string }) => {
      const w = msg.id !== undefined ? this.waiting.get(msg.id) : undefined;
      if (!w) return;
      this.waiting.delete(msg.id!);
      if (msg.error) w.reject(new Error(`${name}: ${msg.error}`));
      else w.resolve(msg.result);
    });
  }

  /** Forks `script` with `env`; resolves when it reports the address it listens on. */
  static start(
    name: string,
    script: string,
    args: string[],
    env: Record<string, string>,
    logFile: string,
    execArgv: string[] = [],
  ): Promise<BotChild> {
    const log = fs.openSync(logFile, 'a');
    const child = fork(script, args, { env: { ...process.env, ...env }, stdio: ['ignore', log, log, 'ipc'], execArgv });
    started.push(child);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s (see ${logFile})`)), 60_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${code}) before it was ready (see ${logFile})`));
      });
      child.on('message', (msg: { ready?: string }) => {
        if (!msg.ready) return;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(new BotChild(name, msg.ready, child));
      });
    });
  }

  call<T = ChildSnapshot>(cmd: string, args?: unknown): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, cmd, args });
    });
  }

  /** Stops the bot gracefully enough for --cpu-prof to write its profile. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const hard = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      this.child.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      this.child.kill('SIGINT');
    });
  }
}
