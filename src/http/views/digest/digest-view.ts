// What the digest's pages are given, and the small rules they share: the read-out's order,
// names in a sentence, and a month compared with the one before.
import { previousMonth } from '../../../domain/box';
import type { Digest, DigestSlip, DigestTrend } from '../../../domain/digest';
import type { PersonRef } from '../../../domain/person';
import { monthLabel } from '../format';

export interface DigestPageView {
  digest: Digest;
  trend: DigestTrend;
  /** The same box's other views, opened with the same signed link. */
  readoutUrl: string;
  printUrl: string;
  csvUrl: string;
  generatedAt: Date;
}

/** One slide of the read-out: a slip as read to one of its recipients. */
export interface ReadOutItem {
  recipient: PersonRef;
  title?: string;
  slip: DigestSlip;
}

/** The read-out in order: recipients alphabetically, each one's slips oldest first (as the digest has them). */
export function readOutItems(d: Digest): ReadOutItem[] {
  return d.readOut.flatMap((g) => g.slips.map((slip) => ({ recipient: g.recipient, title: g.title, slip })));
}

const monthOnly = (month: string) => monthLabel(month).split(' ')[0];

/** "up 3 on April", "down 2 on April", "the same as April". */
export function changeFrom(now: number, before: number, month: string): string {
  const previous = monthOnly(previousMonth(month));
  if (now === before) return `the same as ${previous}`;
  return now > before
    ? `up ${(now - before).toLocaleString('en-GB')} on ${previous}`
    : `down ${(before - now).toLocaleString('en-GB')} on ${previous}`;
}

/** "Therapies Team · May 2025". */
export const digestHeading = (d: Digest): string => `${d.teamName} · ${monthLabel(d.month)}`;
