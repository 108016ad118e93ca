// Counting a team vote. Each member has one vote row (changing a vote replaces it), so a count
// of rows per nominee is exact; only votes for shortlisted nominees count.
import type { Vote } from './star-of-the-month';

export interface Tally {
  counts: Array<{ nomineeId: string; votes: number }>;
  total: number;
  /** Everyone with the most votes: more than one means a tie, which is the lead's call. */
  leaders: string[];
}

export function tallyVotes(votes: readonly Vote[], shortlist: readonly string[]): Tally {
  const counts = new Map(shortlist.map((id) => [id, 0]));
  for (const v of votes) if (counts.has(v.nomineeId)) counts.set(v.nomineeId, (counts.get(v.nomineeId) ?? 0) + 1);
  const list = [...counts].map(([nomineeId, n]) => ({ nomineeId, votes: n })).sort((a, b) => b.votes - a.votes);
  const top = list[0]?.votes ?? 0;
  return {
    counts: list,
    total: list.reduce((s, c) => s + c.votes, 0),
    leaders: top > 0 ? list.filter((c) => c.votes === top).map((c) => c.nomineeId) : [],
  };
}
