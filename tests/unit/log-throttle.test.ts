// Warnings anyone can trigger are bounded: the first few in full, then one line a minute with a
// count of those held back.
import { MemoryLogger } from '../../src/logger';
import { throttleWarnings } from '../../src/log-throttle';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const warnings = (logs: MemoryLogger, msg = 'digest job refused') => logs.entries.filter((e) => e.level === 'warn' && e.msg === msg);

test('a flood of the same warning: the first five in full, then one line a minute with how many were held back', () => {
  const logs = new MemoryLogger();
  const log = throttleWarnings(logs.child('jobs'));
  for (let i = 0; i < 500; i++) log.warn('digest job refused', { reason: 'wrong secret', from: `10.0.0.${i % 250}` });
  expect(warnings(logs)).toHaveLength(5);
  expect(warnings(logs).map((e) => e.data?.from)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']);
  expect(warnings(logs)[0].data).toMatchObject({ name: 'jobs', reason: 'wrong secret' });
  expect(warnings(logs).some((e) => e.data?.suppressed !== undefined)).toBe(false);

  jest.advanceTimersByTime(59_999);
  expect(warnings(logs)).toHaveLength(5);
  jest.advanceTimersByTime(1);
  expect(warnings(logs)).toHaveLength(6);
  expect(warnings(logs)[5].data).toMatchObject({ suppressed: 495, windowSeconds: 60, reason: 'wrong secret', from: '10.0.0.249' });

  // Still flooding: the next minute is a single line with its count, not five more in full.
  for (let i = 0; i < 100; i++) log.warn('digest job refused', { reason: 'no bearer secret' });
  expect(warnings(logs)).toHaveLength(6);
  jest.advanceTimersByTime(60_000);
  expect(warnings(logs)).toHaveLength(7);
  expect(warnings(logs)[6].data).toMatchObject({ suppressed: 100, reason: 'no bearer secret' });

  // Over an hour of flooding: about one line a minute.
  for (let minute = 0; minute < 60; minute++) {
    for (let i = 0; i < 1000; i++) log.warn('digest job refused', { reason: 'wrong secret' });
    jest.advanceTimersByTime(60_000);
  }
  expect(warnings(logs)).toHaveLength(67);
});

test('after a quiet minute warnings are written in full at once again', () => {
  const logs = new MemoryLogger();
  const log = throttleWarnings(logs, { burst: 1 });
  log.warn('digest job refused');
  log.warn('digest job refused');
  jest.advanceTimersByTime(60_000); // one held back: its count
  jest.advanceTimersByTime(60_000); // nothing held back: no line, and the window closes
  expect(warnings(logs).map((e) => e.data?.suppressed)).toEqual([undefined, 1]);
  log.warn('digest job refused', { reason: 'wrong secret' });
  expect(warnings(logs)).toHaveLength(3);
  expect(warnings(logs)[2].data).toEqual({ reason: 'wrong secret' });
});

test('different warnings, and other levels, are not held back by each other', () => {
  const logs = new MemoryLogger();
  const log = throttleWarnings(logs, { burst: 1 });
  log.warn('digest job refused');
  log.warn('digest job refused');
  log.warn('digest job: storage unavailable');
  for (let i = 0; i < 10; i++) log.info('digest job ran');
  for (let i = 0; i < 10; i++) log.error('digest job failed');
  expect(logs.entries.filter((e) => e.level === 'warn').map((e) => e.msg)).toEqual([
    'digest job refused',
    'digest job: storage unavailable',
  ]);
  expect(logs.entries.filter((e) => e.level !== 'warn')).toHaveLength(20);
});

test('its timers never keep the process running', () => {
  jest.useRealTimers();
  const spy = jest.spyOn(global, 'setTimeout');
  try {
    throttleWarnings(new MemoryLogger()).warn('y');
    const timer = spy.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    clearTimeout(timer);
  } finally {
    spy.mockRestore();
  }
});
