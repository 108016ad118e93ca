// When a team's digest of the month before is due: 09:00 in the team's time zone on its digest
// day. Day 0 is the first working day of the month: Monday to Friday and not an England and
// Wales bank holiday. Only the bank holidays that can land on the 1st–4th of a month matter
// here (New Year's Day or its substitute, Good Friday, Easter Monday, the early May bank
// holiday); one-off holidays announced for a single year are not known to this rule.
import { DEFAULT_TIME_ZONE, monthOf, previousMonth } from './box';
import type { TeamSettings } from './team-settings';
import { dateFormat } from './date-format';

export const DIGEST_HOUR = 9;

/** Easter Sunday (Gregorian), as [month 1–12, day] (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

// Calendar dates are handled as UTC midnights so weekdays and day arithmetic are exact.
const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** England and Wales bank holidays that can fall on the first days of a month, as YYYY-MM-DD. */
export function earlyMonthBankHolidays(year: number): Set<string> {
  const out = new Set<string>();
  // New Year's Day, or the Monday after when it falls at a weekend.
  const newYear = utcDate(year, 1, 1);
  const nyDow = newYear.getUTCDay();
  out.add(isoDate(nyDow === 6 ? addDays(newYear, 2) : nyDow === 0 ? addDays(newYear, 1) : newYear));
  const [em, ed] = easterSunday(year);
  const easter = utcDate(year, em, ed);
  out.add(isoDate(addDays(easter, -2)));
  out.add(isoDate(addDays(easter, 1)));
  // Early May bank holiday: the first Monday in May.
  const may1 = utcDate(year, 5, 1);
  out.add(isoDate(addDays(may1, (8 - may1.getUTCDay()) % 7)));
  return out;
}

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first Monday–Friday of the month that is not a bank holiday, as its day number. */
export function firstWorkingDay(year: number, month: number): number {
  const holidays = earlyMonthBankHolidays(year);
  for (let day = 1; ; day++) {
    const date = utcDate(year, month, day);
    const dow = date.getUTCDay();
    if (dow !== 0 && dow !== 6 && !holidays.has(isoDate(date))) return day;
  }
}

/** How far the zone's wall clock is ahead of UTC at the instant, in ms. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = dateFormat({
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(instant / 1000) * 1000;
}

/** The instant the zone's wall clock shows the given local date and time. */
export function zonedTime(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  const first = wall - zoneOffset(wall, timeZone);
  // Near a clock change the offset at the answer can differ from the offset at the guess.
  const second = wall - zoneOffset(first, timeZone);
  return new Date(second);
}

/**
 * When the digest posted in `month` (of the month before) is due: 09:00 local time on the
 * team's digest day, clamped to the month's last day; day 0 (or anything below 1) is the first
 * working day.
 */
export function digestDueAt(month: string, digestDay: number, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const [year, m] = month.split('-').map(Number);
  const day =
    Number.isFinite(digestDay) && Math.floor(digestDay) >= 1
      ? Math.min(Math.floor(digestDay), daysInMonth(year, m))
      : firstWorkingDay(year, m);
  return zonedTime(year, m, day, DIGEST_HOUR, timeZone || DEFAULT_TIME_ZONE);
}

/** The month whose digest is due at `now` (the month before this one), or undefined before this month's due time. */
export function dueDigestMonth(now: Date, settings: Pick<TeamSettings, 'digestDay' | 'timeZone'>): string | undefined {
  const timeZone = settings.timeZone || DEFAULT_TIME_ZONE;
  const month = monthOf(now, timeZone);
  return now.getTime() >= digestDueAt(month, settings.digestDay, timeZone).getTime() ? previousMonth(month) : undefined;
}
