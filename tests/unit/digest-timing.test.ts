// When the monthly digest is due: the first working day (weekends and England and Wales bank
// holidays), a fixed day clamped to the month, and 09:00 on the team's clock through GMT and BST.
import { digestDueAt, dueDigestMonth, easterSunday, firstWorkingDay } from '../../src/domain/digest-timing';

test('Easter Sunday, checked against published dates', () => {
  expect(easterSunday(2024)).toEqual([3, 31]);
  expect(easterSunday(2025)).toEqual([4, 20]);
  expect(easterSunday(2026)).toEqual([4, 5]);
  expect(easterSunday(2029)).toEqual([4, 1]);
  expect(easterSunday(2038)).toEqual([4, 25]);
  expect(easterSunday(2285)).toEqual([3, 22]);
});

test.each([
  ['2026-01', 2, 'Thu 1 Jan is New Year’s Day: Fri 2 Jan'],
  ['2027-01', 4, 'Fri 1 Jan 2027 is New Year’s Day, then the weekend: Mon 4 Jan'],
  ['2022-01', 4, 'Sat 1 Jan 2022, substitute holiday Mon 3 Jan: Tue 4 Jan'],
  ['2023-01', 3, 'Sun 1 Jan 2023, substitute holiday Mon 2 Jan: Tue 3 Jan'],
  ['2026-05', 1, 'Fri 1 May 2026; the early May holiday is Mon 4 May'],
  ['2028-05', 2, 'Mon 1 May 2028 is the early May holiday: Tue 2 May'],
  ['2027-05', 4, 'Sat 1 May 2027, and Mon 3 May is the early May holiday: Tue 4 May'],
  ['2026-06', 1, 'Mon 1 June 2026'],
  ['2026-08', 3, 'Sat 1 Aug 2026: Mon 3 Aug'],
  ['2026-11', 2, 'Sun 1 Nov 2026: Mon 2 Nov'],
  ['2024-04', 2, 'Mon 1 Apr 2024 is Easter Monday: Tue 2 Apr'],
  ['2029-04', 3, 'Sun 1 Apr 2029 is Easter Sunday, Mon 2 Apr Easter Monday: Tue 3 Apr'],
  ['2026-04', 1, 'Wed 1 Apr 2026 (Good Friday is 3 Apr, later)'],
  ['2067-04', 5, 'Fri 1 Apr 2067 is Good Friday, then the weekend and Easter Monday: Tue 5 Apr'],
])('first working day of %s is day %i (%s)', (month, day) => {
  const [y, m] = month.split('-').map(Number);
  expect(firstWorkingDay(y, m)).toBe(day);
});

test('09:00 London is 09:00 UTC in winter and 08:00 UTC in summer', () => {
  expect(digestDueAt('2026-01', 0, 'Europe/London').toISOString()).toBe('2026-01-02T09:00:00.000Z');
  expect(digestDueAt('2026-06', 0, 'Europe/London').toISOString()).toBe('2026-06-01T08:00:00.000Z');
  expect(digestDueAt('2028-05', 0, 'Europe/London').toISOString()).toBe('2028-05-02T08:00:00.000Z');
  // Either side of the clock changes (BST from 29 March 2026 to 25 October 2026).
  expect(digestDueAt('2026-03', 28, 'Europe/London').toISOString()).toBe('2026-03-28T09:00:00.000Z');
  expect(digestDueAt('2026-03', 30, 'Europe/London').toISOString()).toBe('2026-03-30T08:00:00.000Z');
  expect(digestDueAt('2026-10', 24, 'Europe/London').toISOString()).toBe('2026-10-24T08:00:00.000Z');
  expect(digestDueAt('2026-10', 26, 'Europe/London').toISOString()).toBe('2026-10-26T09:00:00.000Z');
  // Another team clock: 09:00 in New York in January is 14:00 UTC.
  expect(digestDueAt('2026-01', 0, 'America/New_York').toISOString()).toBe('2026-01-02T14:00:00.000Z');
  // No time zone set: London.
  expect(digestDueAt('2026-06', 0, '').toISOString()).toBe('2026-06-01T08:00:00.000Z');
});

test('a fixed digest day is kept even at a weekend, and clamped to the month’s last day', () => {
  expect(digestDueAt('2026-03', 1, 'Europe/London').toISOString()).toBe('2026-03-01T09:00:00.000Z'); // a Sunday
  expect(digestDueAt('2026-02', 31, 'Europe/London').toISOString()).toBe('2026-02-28T09:00:00.000Z');
  expect(digestDueAt('2028-02', 31, 'Europe/London').toISOString()).toBe('2028-02-29T09:00:00.000Z');
  expect(digestDueAt('2026-04', 31, 'Europe/London').toISOString()).toBe('2026-04-30T08:00:00.000Z');
});

test('the digest due is the month before, from the due time to the end of the month', () => {
  const london = { digestDay: 0, timeZone: 'Europe/London' };
  expect(dueDigestMonth(new Date('2026-06-01T07:59:59.999Z'), london)).toBeUndefined();
  expect(dueDigestMonth(new Date('2026-06-01T08:00:00.000Z'), london)).toBe('2026-05');
  expect(dueDigestMonth(new Date('2026-06-30T22:59:00.000Z'), london)).toBe('2026-05');
  // 23:30 UTC on 30 June is already July in London, and July's due time has not come.
  expect(dueDigestMonth(new Date('2026-06-30T23:30:00.000Z'), london)).toBeUndefined();
  expect(dueDigestMonth(new Date('2026-01-02T08:59:00.000Z'), london)).toBeUndefined();
  expect(dueDigestMonth(new Date('2026-01-02T09:00:00.000Z'), london)).toBe('2025-12');
  expect(dueDigestMonth(new Date('2026-02-27T12:00:00.000Z'), { digestDay: 28, timeZone: 'Europe/London' })).toBeUndefined();
  expect(dueDigestMonth(new Date('2026-02-28T09:00:00.000Z'), { digestDay: 28, timeZone: 'Europe/London' })).toBe('2026-01');
});
