// Loaded with `node --require` into each child of `npm start` (see parent-watchdog.ts): stops
// the child once the process that started it has gone, even if that was killed with SIGKILL.
import { EVERY_MS_ENV, PARENT_PID_ENV, STOP_SIGNAL_ENV, watchParent } from './parent-watchdog';

const parentPid = Number(process.env[PARENT_PID_ENV]);
const signal = (process.env[STOP_SIGNAL_ENV] || 'SIGTERM') as NodeJS.Signals;
const everyMs = Number(process.env[EVERY_MS_ENV]);
// Not passed on: anything this process starts answers to it, not to our parent.
delete process.env[PARENT_PID_ENV];
delete process.env[STOP_SIGNAL_ENV];
delete process.env[EVERY_MS_ENV];
if (Number.isInteger(parentPid) && parentPid > 1) watchParent(parentPid, signal, { everyMs: everyMs > 0 ? everyMs : undefined });
