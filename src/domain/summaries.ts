// Sums kept at write time, so a card that shows totals reads one row instead of every slip.
// Each is changed by the same atomic batch that writes the rows it sums, so it is exact; and
// each can be rebuilt from those rows (tools/rebuild-summaries.ts) to prove or repair that.
import type { DigestTotals, FairnessGroup } from './digest';
import type { Slip } from './slip';

/** A box (one team, one month). Counts by person are keyed by person id. */
export interface BoxSummary {
  slips: number;
  privateSlips: number;
  /** "Add my thanks" presses across the box's slips. */
  cosigns: number;
  /** Slips carrying each value. */
  byValue: Record<string, number>;
  /** Thank-yous received by each staff group, as the recipient's group was when the slip was sent. */
  byGroup: Partial<Record<FairnessGroup, number>>;
  /** Slips each person sent. */
  given: Record<string, number>;
  /** Slips each person received. */
  received: Record<string, number>;
  /** Team-visible slips each person received (Reach counts only these). */
  receivedVisible: Record<string, number>;
}

/** One person's received slips. */
export interface PersonSummary {
  received: number;
  byValue: Record<string, number>;
  /** By year ("2026"): how many, and by value. */
  byYear: Record<string, { received: number; byValue: Record<string, number> }>;
  /** By month ("2026-05"): for the last-12-months chart and "this month". */
  byMonth: Record<string, number>;
}

export const emptyBoxSummary = (): BoxSummary => ({
  slips: 0,
  privateSlips: 0,
  cosigns: 0,
  byValue: {},
  byGroup: {},
  given: {},
  received: {},
  receivedVisible: {},
});

export const emptyPersonSummary = (): PersonSummary => ({ received: 0, byValue: {}, byYear: {}, byMonth: {} });

const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K, by = 1): void => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** The box summary with one more slip. `groups`: each recipient's staff group now (when it is sent). */
export function addSlipToBox(summary: BoxSummary, slip: Slip, groups: Record<string, FairnessGroup>): BoxSummary {
  const next: BoxSummary = structuredClone(summary);
  next.slips++;
  if (slip.visibility === 'private') next.privateSlips++;
  next.cosigns += slip.cosigners.length;
  for (const v of slip.values) bump(next.byValue, v);
  bump(next.given, slip.sender.id);
  for (const r of slip.recipients) {
    bump(next.received, r.id);
    if (slip.visibility === 'team') bump(next.receivedVisible, r.id);
    bump(next.byGroup, groups[r.id] ?? 'not stated');
  }
  return next;
}

export function addCosignToBox(summary: BoxSummary): BoxSummary {
  return { ...summary, cosigns: summary.cosigns + 1 };
}

/** What a person's summary counts of one received slip. */
export interface ReceivedSlip {
  month: string;
  values: string[];
}

export function addSlipToPerson(summary: PersonSummary, slip: ReceivedSlip): PersonSummary {
  const next: PersonSummary = structuredClone(summary);
  const year = slip.month.slice(0, 4);
  const y = (next.byYear[year] ??= { received: 0, byValue: {} });
  next.received++;
  y.received++;
  bump(next.byMonth, slip.month);
  for (const v of slip.values) {
    bump(next.byValue, v);
    bump(y.byValue, v);
  }
  return next;
}

/**
 * A box summary from its slips. The staff group each recipient had when a slip was sent is
 * kept on the slip (`recipientGroups`); slips from before that was kept count as 'not stated'
 * unless `groups` (today's) is given.
 */
export function boxSummaryOf(slips: Slip[], groups: Record<string, FairnessGroup> = {}): BoxSummary {
  let s = emptyBoxSummary();
  for (const slip of slips) s = addSlipToBox(s, slip, { ...groups, ...(slip.recipientGroups ?? {}) });
  return s;
}

/** One box summary from several rows (the box's summary is split so concurrent slips rarely meet). */
export function sumBoxSummaries(rows: BoxSummary[]): BoxSummary {
  const total = emptyBoxSummary();
  const add = (into: Record<string, number>, from: Record<string, number | undefined>) => {
    for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + (v ?? 0);
  };
  for (const r of rows) {
    total.slips += r.slips;
    total.privateSlips += r.privateSlips;
    total.cosigns += r.cosigns;
    add(total.byValue, r.byValue);
    add(total.byGroup as Record<string, number>, r.byGroup);
    add(total.given, r.given);
    add(total.received, r.received);
    add(total.receivedVisible, r.receivedVisible);
  }
  return total;
}

export function personSummaryOf(slips: ReceivedSlip[], from: PersonSummary = emptyPersonSummary()): PersonSummary {
  return slips.reduce(addSlipToPerson, from);
}

const present = (counts: Record<string, number>): string[] => Object.keys(counts).filter((k) => counts[k] > 0);

/** A month's digest totals from its summary: the same figures digestTotals gives from its slips. */
export function totalsOfSummary(s: BoxSummary): DigestTotals {
  return {
    slips: s.slips,
    peopleThanked: present(s.received).length,
    peopleThanking: present(s.given).length,
    cosigns: s.cosigns,
    privateSlips: s.privateSlips,
  };
}

/** Who received a slip the whole team could see (Reach counts only these). */
export const visibleRecipientsOf = (s: BoxSummary): string[] => present(s.receivedVisible);
