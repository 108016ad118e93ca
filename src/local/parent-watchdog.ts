// Children of `npm start` (Azurite, the bot, the Playground) must stop when it does, however it
// stops. Ctrl+C and SIGTERM are handled there, but SIGKILL can't be: the children would live on
// and hold their ports. So each child is started with a small preload (watchdog-preload.ts) that
// polls the parent once a second and, once it has gone, stops the child the way a clean stop
// would. It runs inside the child's own process, so third-party CLIs need no wrapper process
// and signals reach them exactly as before.
import fs from 'node:fs';

/** Environment the preload reads: whose death stops this process, and with which signal. */
export const PARENT_PID_ENV = 'VALUED_WATCHDOG_PARENT_PID';
export const STOP_SIGNAL_ENV = 'VALUED_WATCHDOG_SIGNAL';
/** How often the preload checks the parent, in ms (tests check more often than the 1 s default). */
export const EVERY_MS_ENV = 'VALUED_WATCHDOG_EVERY_MS';

export interface Watched {
  /** Node options to put before the script: `node ...execArgv script args`. */
  execArgv: string[];
  env: Record<string, string>;
}

/**
 * What makes a `node` child stop when this process dies. `preload` is the compiled
 * watchdog-preload.js; `stopSignal` is the signal the child stops cleanly on; `everyMs`, how
 * often the child checks (the preload's 1 s when not given).
 */
export function watchedChild(preload: string, stopSignal: NodeJS.Signals, parentPid: number = process.pid, everyMs?: number): Watched {
  const env: Record<string, string> = { [PARENT_PID_ENV]: String(parentPid), [STOP_SIGNAL_ENV]: stopSignal };
  if (everyMs !== undefined) env[EVERY_MS_ENV] = String(everyMs);
  return { execArgv: ['--require', preload], env };
}

/** Our parent's id right now, on Linux (process.ppid is fixed when the process starts). */
function currentParentPid(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8'); // "pid (name) state ppid ..."
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function parentGone(parentPid: number): boolean {
  // Handed to another parent is the sure sign: neither an unreaped parent nor a reused id fools it.
  if (parentPid === process.ppid) {
    const now = currentParentPid();
    if (now !== undefined) return now !== parentPid;
  }
  try {
    process.kill(parentPid, 0); // signal 0 only asks whether the process exists
    return false;
  } catch {
    // EPERM too: a process with that id exists but is not ours, so it is not our parent any more.
    return true;
  }
}

/** Signals our whole process group when we lead one (start-local detaches its children), else just us. */
function signalOurselves(signal: NodeJS.Signals): void {
  try {
    process.kill(-process.pid, signal);
  } catch {
    process.kill(process.pid, signal);
  }
}

/**
 * In the child: once `parentPid` has gone, stop with `stopSignal` (so the process's own clean
 * stop runs), and if still running after `graceMs`, stop at once. The timer never keeps the
 * process alive by itself.
 */
export function watchParent(
  parentPid: number,
  stopSignal: NodeJS.Signals,
  options: { everyMs?: number; graceMs?: number } = {},
): NodeJS.Timeout {
  const timer = setInterval(() => {
    if (!parentGone(parentPid)) return;
    clearInterval(timer);
    signalOurselves(stopSignal);
    setTimeout(() => signalOurselves('SIGKILL'), options.graceMs ?? 10_000).unref();
  }, options.everyMs ?? 1_000);
  timer.unref();
  return timer;
}
