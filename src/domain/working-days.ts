// Working days and local wall-clock times in a team's time zone: Monday to Friday, not an
// England and Wales bank holiday. Votes close and reminders go out by these, so a vote opened
// on a Friday for 3 working days closes on Wednesday, whatever the clocks did in between.
import { earlyMonthBankHolidays, zonedTime } from './digest-timing';
import { dateFormat } from './date-format';

/** A calendar date in the team's time zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const utc = (d: LocalDate) => new Date(Date.UTC(d.year, d.month - 1, d.day));
const fromUtc = (t: Date): LocalDate => ({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
const iso = (d: LocalDate) => utc(d).toISOString().slice(0, 10);

export const addDays = (d: LocalDate, n: number): LocalDate => fromUtc(new Date(utc(d).getTime() + n * 86_400_000));

/** The date the zone's wall clock shows at the instant. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const parts = dateFormat({ timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The instant the zone's wall clock shows `hour`:00 on the date. */
export const atHour = (d: LocalDate, hour: number, timeZone: string): Date => zonedTime(d.year, d.month, d.day, hour, timeZone);

// The last Monday of a month, and Christmas and Boxing Day with their substitute days.
function lateHolidays(year: number): string[] {
  const lastMonday = (month: number) => {
    const last = new Date(Date.UTC(year, month, 0));
    return fromUtc(new Date(last.getTime() - ((last.getUTCDay() + 6) % 7) * 86_400_000));
  };
  const christmas = new Date(Date.UTC(year, 11, 25)).getUTCDay();
  // Sat: Mon 27 and Tue 28; Sun: Tue 27 (Boxing Day is Mon 26); Fri: Boxing Day moves to Mon 28.
  const extra = christmas === 6 ? [27, 28] : christmas === 0 ? [26, 27] : christmas === 5 ? [25, 28] : [25, 26];
  return [iso(lastMonday(5)), iso(lastMonday(8)), ...extra.map((day) => iso({ year, month: 12, day }))];
}

const holidays = new Map<number, Set<string>>();
function bankHolidays(year: number): Set<string> {
  let set = holidays.get(year);
  if (!set) {
    set = new Set([...earlyMonthBankHolidays(year), ...lateHolidays(year)]);
    holidays.set(year, set);
  }
  return set;
}

export function isWorkingDay(d: LocalDate): boolean {
  const dow = utc(d).getUTCDay();
  return dow !== 0 && dow !== 6 && !bankHolidays(d.year).has(iso(d));
}

/** The working day `n` working days after `d` (before it when n is negative); n = 0 is d itself. */
export function addWorkingDays(d: LocalDate, n: number): LocalDate {
  let at = d;
  for (let left = Math.abs(n); left > 0;) {
    at = addDays(at, Math.sign(n));
    if (isWorkingDay(at)) left--;
  }
  return at;
}

/** The last working day of a month (YYYY-MM). */
export function lastWorkingDay(month: string): LocalDate {
  const [year, m] = month.split('-').map(Number);
  let d = fromUtc(new Date(Date.UTC(year, m, 0)));
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/** The month's last calendar day. */
export function lastDay(month: string): LocalDate {
  const [year, m] = month.split('-').map(Number);
  return fromUtc(new Date(Date.UTC(year, m, 0)));
}

/** "Thursday 4 December at 5pm", in the team's time zone. */
export function whenInWords(instant: Date, timeZone: string): string {
  const day = dateFormat({ timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant).replace(',', '');
  const parts = dateFormat({ timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }).formatToParts(instant);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const half = (parts.find((p) => p.type === 'dayPeriod')?.value ?? '').toLowerCase().replace(/\./g, '');
  const time =
    hour === '12' && minute === '00' ? (half === 'am' ? 'midnight' : 'midday') : `${hour}${minute === '00' ? '' : `:${minute}`}${half}`;
  return `${day} at ${time}`;
}

/** "Monday 30 November": a local date in words. */
export function dayInWords(d: LocalDate): string {
  return dateFormat({ timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(utc(d)).replace(',', '');
}
