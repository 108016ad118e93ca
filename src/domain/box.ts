// A box is one team's slips and nominations for one calendar month in the team's time zone.
import { dateFormat } from './date-format';

export const DEFAULT_TIME_ZONE = 'Europe/London';

/** 'YYYY-MM' of the instant in the given IANA time zone. */
export function monthOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = dateFormat({ timeZone, year: 'numeric', month: '2-digit' }).formatToParts(instant);
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  return `${year}-${month}`;
}

export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** 'May 2026', for people. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return dateFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

export interface BoxId {
  teamId: string;
  month: string;
}
