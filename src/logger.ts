// A small logger interface with child(), so layers get named loggers without knowing pino.
import pino from 'pino';

export interface ILogger {
  child(name: string, bindings?: Record<string, unknown>): ILogger;
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

class PinoLogger implements ILogger {
  constructor(private readonly p: pino.Logger) {}
  child(name: string, bindings: Record<string, unknown> = {}): ILogger {
    return new PinoLogger(this.p.child({ ...bindings, name }));
  }
  debug(msg: string, data?: Record<string, unknown>): void {
    this.p.debug(data ?? {}, msg);
  }
  info(msg: string, data?: Record<string, unknown>): void {
    this.p.info(data ?? {}, msg);
  }
  warn(msg: string, data?: Record<string, unknown>): void {
    this.p.warn(data ?? {}, msg);
  }
  error(msg: string, data?: Record<string, unknown>): void {
    this.p.error(data ?? {}, msg);
  }
}

export function createLogger(options: { level: string; format: 'json' | 'pretty' }, destination?: pino.DestinationStream): ILogger {
  const base: pino.LoggerOptions = { level: options.level, base: undefined, name: 'valued' };
  if (destination) return new PinoLogger(pino(base, destination));
  if (options.format === 'pretty') {
    return new PinoLogger(
      pino({ ...base, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }),
    );
  }
  return new PinoLogger(pino(base));
}

/** Collects entries in memory: for tests that check what was logged. */
export class MemoryLogger implements ILogger {
  constructor(
    readonly entries: Array<{ level: string; msg: string; name?: string; data?: Record<string, unknown> }> = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}
  child(name: string, bindings: Record<string, unknown> = {}): ILogger {
    return new MemoryLogger(this.entries, { ...this.bindings, ...bindings, name });
  }
  private add(level: string, msg: string, data?: Record<string, unknown>): void {
    this.entries.push({ level, msg, name: this.bindings.name as string | undefined, data: { ...this.bindings, ...data } });
  }
  debug(msg: string, data?: Record<string, unknown>): void {
    this.add('debug', msg, data);
  }
  info(msg: string, data?: Record<string, unknown>): void {
    this.add('info', msg, data);
  }
  warn(msg: string, data?: Record<string, unknown>): void {
    this.add('warn', msg, data);
  }
  error(msg: string, data?: Record<string, unknown>): void {
    this.add('error', msg, data);
  }
}
