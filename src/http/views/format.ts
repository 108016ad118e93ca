// Months, days and counts as the pages write them, in UK English.
import { monthLabel } from '../../domain/box';
import { dateFormat } from '../../domain/date-format';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-03" → "March 2025": the domain's months in words, as the cards and chat write them. */
export const monthName = (month: string): string => monthLabel(month);

/** "2025-03" → "Mar". */
export function shortMonth(month: string): string {
  return (MONTHS[Number(month.slice(5, 7)) - 1] ?? month).slice(0, 3);
}

/** "4 March 2025", in the service's time zone. */
export function dayOf(iso: string, timeZone: string): string {
  return dateFormat({ day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(iso));
}

/** "4 March 2025" from a plain YYYY-MM-DD date (no time zone shift). */
export function plainDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
