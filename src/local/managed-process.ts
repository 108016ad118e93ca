// One child process of the local stack, which we started and are responsible for stopping.
// It runs in its own process group (so a terminal's Ctrl+C reaches only `npm start`, which
// stops the children in order) and with the parent watchdog (so it stops if we are killed).
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { watchedChild } from './parent-watchdog';
import type { ChildExit } from './stack-types';

/** One child process we started and are responsible for stopping. */
export class ManagedProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<ChildExit>;
  readonly lastOutput: string[] = [];
  hasExited = false;
  private readonly lineListeners = new Set<(line: string) => void>();
  private readonly logStream?: fs.WriteStream;

  private readonly stopSignal: NodeJS.Signals;

  constructor(
    readonly name: string,
    args: string[],
    options: {
      cwd: string;
      env: NodeJS.ProcessEnv;
      /** 'inherit': straight to this terminal; 'prefix': captured and echoed with a name prefix. */
      output: 'inherit' | 'prefix';
      /** When set, output is captured into this file instead of echoed. */
      logFile?: string;
      /** Azurite closes its store cleanly on SIGINT; the others stop on SIGTERM. */
      stopSignal: NodeJS.Signals;
      /** The compiled watchdog-preload.js, which stops the child if this process dies. */
      watchdogPreload: string;
    },
  ) {
    this.stopSignal = options.stopSignal;
    const capture = options.logFile !== undefined || options.output === 'prefix';
    const watchdog = watchedChild(options.watchdogPreload, options.stopSignal);
    this.child = spawn(process.execPath, [...watchdog.execArgv, ...args], {
      cwd: options.cwd,
      env: { ...options.env, ...watchdog.env },
      // Own process group: a terminal's Ctrl+C reaches only the parent, which stops us in order.
      detached: true,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    });
    if (options.logFile) this.logStream = fs.createWriteStream(options.logFile, { flags: 'a' });
    const echo = options.logFile === undefined && options.output === 'prefix';
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        this.logStream?.write(chunk);
        pending += chunk;
        const lines = pending.split(/\r?\n/);
        pending = lines.pop() ?? '';
        for (const line of lines) this.onLine(line, echo);
      });
    }
    this.exited = new Promise((resolve) => {
      // 'close' rather than 'exit': by then its last output has been read.
      this.child.once('close', (code, signal) => {
        this.hasExited = true;
        this.logStream?.end();
        resolve({ name: this.name, code, signal, lastOutput: [...this.lastOutput] });
      });
      // A spawn failure (e.g. bad cwd) emits 'error' and maybe no 'exit'.
      this.child.once('error', (err) => {
        this.hasExited = true;
        this.lastOutput.push(String(err));
        resolve({ name: this.name, code: null, signal: null, lastOutput: [...this.lastOutput] });
      });
    });
  }

  private onLine(line: string, echo: boolean): void {
    this.lastOutput.push(line);
    if (this.lastOutput.length > 40) this.lastOutput.shift();
    for (const listener of this.lineListeners) listener(line);
    if (echo && line.trim()) console.log(`[${this.name}] ${line}`);
  }

  /** Resolves with the first capture group of the first output line matching `pattern`. */
  waitForLine(pattern: RegExp): Promise<string> {
    return new Promise((resolve) => {
      const listener = (line: string) => {
        const match = pattern.exec(line);
        if (match) {
          this.lineListeners.delete(listener);
          resolve(match[1] ?? match[0]);
        }
      };
      this.lineListeners.add(listener);
    });
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.hasExited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal); // the whole group: anything it started goes too
    } catch {
      try {
        this.child.kill(signal);
      } catch {
        // already gone
      }
    }
  }

  async stop(graceMs: number): Promise<void> {
    if (this.hasExited) return;
    this.signal(this.stopSignal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
    ]);
    clearTimeout(timer); // a pending timer would keep Node (and Jest) running
    if (timedOut) {
      this.signal('SIGKILL');
      await this.exited;
    }
  }

  /** Last resort when this process itself is exiting: no waiting possible. */
  killNow(): void {
    this.signal('SIGKILL');
  }
}
