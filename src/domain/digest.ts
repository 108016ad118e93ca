// The monthly governance digest of one box: what the governance meeting reads from. Built by
// DigestService from the box's own partitions; shown as a card, a read-out page, a printable
// page and a CSV. Only team-visible slips to people who have not opted out are read out.
import { monthLabel } from './box';
import type { PersonRef, StaffGroup } from './person';

/** Shown instead of any figure about a group of fewer than 5 people, so no one can be singled out. */
export const FEWER_THAN_5 = 'fewer than 5';
export const SMALL_GROUP = 5;

/** A figure about a group of people, or the words that replace it when the group is small. */
export type GroupFigure = number | typeof FEWER_THAN_5;

/** Self-declared staff group, or 'not stated' for people without a profile or a group. */
export type FairnessGroup = StaffGroup | 'not stated';

/** How each group is named on the card, the pages and the CSV. */
export const FAIRNESS_GROUP_LABELS: Record<FairnessGroup, string> = {
  'support worker': 'Support workers',
  'registered professional': 'Registered professionals',
  manager: 'Managers',
  other: 'Other staff groups',
  'prefer not to say': 'Prefer not to say',
  'not stated': 'Not stated',
};

/** "March to May 2026", or "November 2025 to January 2026" across a new year. */
export function reachWindow(reach: Reach, month: string): string {
  const first = monthLabel(reach.quietSince || month);
  const last = monthLabel(month);
  return first.slice(-4) === last.slice(-4) ? `${first.replace(/\s+\d{4}$/, '')} to ${last}` : `${first} to ${last}`;
}

const count = (f: GroupFigure): string => (typeof f === 'number' ? f.toLocaleString('en-GB') : f);

/**
 * Reach in plain words, the same on the card, the pages and the CSV: counts only, never names.
 * `quiet` is '' when the team is too small (or unknown) to say anything.
 */
export function reachSentences(reach: Reach, month: string): { reached: string; quiet: string } {
  if (reach.members === 0)
    return { reached: 'Valued doesn’t know who is in this team yet, so it can’t show how far recognition reaches.', quiet: '' };
  if (reach.members === FEWER_THAN_5)
    return { reached: 'This team has fewer than 5 members, so Reach shows no figures: no one should be singled out.', quiet: '' };
  const who = reach.reached === 0 ? 'no one' : count(reach.reached);
  const reached = `Of ${count(reach.members)} team members, ${who} received a thank-you or a nomination this month.`;
  const window = reachWindow(reach, month);
  const q = reach.quietThreeMonths;
  const quiet =
    q === 0
      ? `Everyone has received a thank-you or a nomination in the last three months (${window}).`
      : q === FEWER_THAN_5
        ? `Fewer than 5 members have received nothing for three months (${window}).`
        : `${count(q)} members have received nothing for three months (${window}).`;
  return { reached, quiet };
}

/** One staff group's Reach in words, for the CSV. */
export function reachRowSentence(row: ReachRow): string {
  if (row.members === 0) return 'No team members in this group.';
  if (row.members === FEWER_THAN_5) return 'Fewer than 5 members, so not shown.';
  return `Of ${count(row.members)}, ${row.reached === 0 ? 'no one' : count(row.reached)} received a thank-you or a nomination this month.`;
}

/** What Reach counts, in a line under it. (Why small groups are hidden is said once, at the top of the panel.) */
export const REACH_NOTE =
  'Counts only, never names. A thank-you counts when the whole team could see it (private ones don’t), and so does a nomination.';

/** Why figures about small groups are hidden: said once, in plain words, where the fairness panel starts. */
export const SMALL_GROUPS_EXPLAINED =
  'Where a staff group has only 1 to 4 people in it, its figures are hidden, because with so few it would be easy to tell who they are.';

/** A group with nobody in it: nothing to hide, and nothing to worry about. */
export const NO_ONE_IN_GROUP = 'no one in this group';

export interface DigestTotals {
  slips: number;
  /** Distinct recipients. */
  peopleThanked: number;
  /** Distinct senders. */
  peopleThanking: number;
  /** "Add my thanks" presses across the box's slips. */
  cosigns: number;
  /** How many of `slips` were private (counted, never shown); DigestService always sets it. */
  privateSlips?: number;
}

/** A slip as the meeting reads it: one per recipient group it appears in. */
export interface DigestSlip {
  slipId: string;
  createdAt: string;
  sender: PersonRef;
  /** All the people the slip thanked (names only for display). */
  recipients: PersonRef[];
  message: string;
  values: string[];
  cosigners: number;
  quote?: string;
}

export interface ReadOutGroup {
  recipient: PersonRef;
  /** Their preferred title from their profile, when they gave one. */
  title?: string;
  slips: DigestSlip[];
}

export interface FairnessRow {
  group: FairnessGroup;
  /** People in this group who received at least one slip, and how many slips they received. */
  peopleReceiving: GroupFigure;
  slipsReceived: GroupFigure;
  /** People in this group who sent at least one slip, and how many they sent. */
  peopleGiving: GroupFigure;
  slipsGiven: GroupFigure;
}

/** Reach in one staff group: of its members, how many were recognised this month. */
export interface ReachRow {
  group: FairnessGroup;
  /** The group's team members: 0 for an empty group, FEWER_THAN_5 for 1–4 (and for rows hidden so a remainder can't give a small group away). */
  members: GroupFigure;
  /** Of them, how many received at least one team-visible slip or a nomination this month; hidden with `members`. */
  reached: GroupFigure;
}

/**
 * Reach: does recognition reach the whole team, not just the people who use Valued most? Counts
 * only, never names; the rules are at the top of digest-rules.ts.
 */
export interface Reach {
  /** The team's members (FEWER_THAN_5 when the team has 1–4: then every Reach figure is hidden). */
  members: GroupFigure;
  /** Members who received at least one team-visible slip or a nomination this month. */
  reached: GroupFigure;
  /**
   * Members who received no team-visible slip and no nomination in this box's month or the two
   * months before it. FEWER_THAN_5 when that is 1–4 people.
   */
  quietThreeMonths: GroupFigure;
  /** The first month of those three, YYYY-MM (the last is the box's month). */
  quietSince: string;
  /** One row per staff group, always all of them, in FAIRNESS_GROUPS order. */
  rows: ReachRow[];
}

export interface FairnessPanel {
  rows: FairnessRow[];
  /** Slips reaching support workers from registered professionals and from managers. */
  toSupportWorkers: {
    fromRegistered: GroupFigure;
    fromManagers: GroupFigure;
    /** Every slip received by a support worker, whoever sent it. */
    total: GroupFigure;
  };
  /** Of the team's members, how many were recognised this month, and how many not for three months. */
  reach: Reach;
}

export interface DigestNominations {
  nominations: number;
  nominees: number;
  nominators: number;
  shortlisted: number;
}

export interface DigestAward {
  winners: PersonRef[];
  highlyCommended: PersonRef[];
  citation: string;
  announcedAt: string;
}

export interface Digest {
  teamId: string;
  teamName: string;
  /** The box's month, YYYY-MM. */
  month: string;
  timeZone: string;
  totals: DigestTotals;
  /** The month before, for "up 3 on April". */
  previous: DigestTotals;
  award?: DigestAward;
  nominations: DigestNominations;
  /** Every value used this month, most used first (a slip with two values counts for both). */
  values: Array<{ value: string; slips: number }>;
  /** Slips to read out, grouped by recipient (alphabetical), oldest first within a group. */
  readOut: ReadOutGroup[];
  /** Distinct slips in readOut (a slip to two people is read once per person but counted once here). */
  readOutSlips: number;
  fairness: FairnessPanel;
}

/** Slips per month for the 12 months ending with the digest's month, oldest first. */
export type DigestTrend = Array<{ month: string; slips: number }>;

/** Where a box's scheduled digest stands: claimed by one instance, then posted once. */
export interface DigestPost {
  teamId: string;
  month: string;
  /** Which instance holds the claim, and until when (ISO); a lapsed claim may be taken over. */
  claimedBy: string;
  leaseUntil: string;
  /** Set once the card is in the channel; from then on nobody posts it again. */
  postedActivityId?: string;
  /** When the box was done with: posted, or found to have nothing to post. */
  postedAt?: string;
  /** Set instead of postedActivityId when the box was empty (no slips, nominations or award), so nothing was posted. */
  nothingToPost?: boolean;
}
