// Reading a month as people type it: "December 2026", "Dec 2026", "december" (the latest one so
// far), or the YYYY-MM form. People are shown months in words (monthLabel), so they may type them so.
import { isMonth } from './box';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The 'YYYY-MM' meant, or undefined when the words are not a month. `thisMonth` places a month typed without a year. */
export function readMonth(text: string, thisMonth: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (isMonth(t)) return t;
  const m = /^([a-z]+)(?: (\d{4}))?$/.exec(t);
  if (!m) return undefined;
  // The full name, or its first three letters ("Dec").
  const index = MONTHS.findIndex((name) => name === m[1] || (m[1].length === 3 && name.startsWith(m[1])));
  if (index < 0) return undefined;
  const mm = String(index + 1).padStart(2, '0');
  if (m[2]) return `${m[2]}-${mm}`;
  const year = Number(thisMonth.slice(0, 4));
  return `${mm <= thisMonth.slice(5, 7) ? year : year - 1}-${mm}`;
}
