// Keeping it fair: has this person won star of the month recently?
import type { Award } from './star-of-the-month';

/** Whole months from `from` to `to` ('YYYY-MM'); negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/** The person's most recent win before `month`, whenever it was. */
export function lastWin(awards: readonly Award[], personId: string, month: string): Award | undefined {
  return awards
    .filter((a) => a.month < month && a.winners.some((w) => w.id === personId))
    .sort((a, b) => b.month.localeCompare(a.month))[0];
}

/** The last win when it falls within the window (e.g. 6: any of the six months before `month`). */
export function recentWin(awards: readonly Award[], personId: string, month: string, windowMonths: number): Award | undefined {
  const last = lastWin(awards, personId, month);
  return last && windowMonths > 0 && monthsBetween(last.month, month) <= windowMonths ? last : undefined;
}
