// Warnings that anyone on the internet can trigger (a refused call to an open endpoint) must not
// let them flood the log. Each message is written in full the first few times in a window; after
// that the window ends with one line saying how many were held back, and while the flood goes
// on that is all there is: one line a window. A quiet window starts afresh.
import type { ILogger } from './logger';

export interface ThrottleOptions {
  /** Default one minute. */
  windowMs?: number;
  /** Written in full per message before holding back. Default 5: a misconfigured caller's first few are worth seeing. */
  burst?: number;
}

interface Held {
  written: number;
  suppressed: number;
  last?: Record<string, unknown>;
}

/** The same logger, with each distinct warning message written a bounded number of times per window. */
export function throttleWarnings(logger: ILogger, options: ThrottleOptions = {}): ILogger {
  const windowMs = options.windowMs ?? 60_000;
  const burst = options.burst ?? 5;
  const held = new Map<string, Held>();

  const openWindow = (msg: string, h: Held) => {
    held.set(msg, h);
    const timer = setTimeout(() => {
      if (h.suppressed === 0) return void held.delete(msg);
      // The count, with the details of the last one held back.
      logger.warn(msg, { ...h.last, suppressed: h.suppressed, windowSeconds: Math.round(windowMs / 1000) });
      // Still flooding: the next window writes only its own count.
      openWindow(msg, { written: burst, suppressed: 0 });
    }, windowMs);
    timer.unref(); // never keeps the process alive on its own account
  };

  return {
    child: (name, bindings) => throttleWarnings(logger.child(name, bindings), options),
    debug: (msg, data) => logger.debug(msg, data),
    info: (msg, data) => logger.info(msg, data),
    error: (msg, data) => logger.error(msg, data),
    warn(msg, data) {
      let h = held.get(msg);
      if (!h) openWindow(msg, (h = { written: 0, suppressed: 0 }));
      if (h.written < burst) {
        h.written++;
        logger.warn(msg, data);
      } else {
        h.suppressed++;
        h.last = data;
      }
    },
  };
}
