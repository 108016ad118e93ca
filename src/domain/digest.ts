// The monthly governance digest of one box: what the governance meeting reads from. Built by
// DigestService from the box's own partitions; shown as a card, a read-out page, a printable
// page and a CSV. Only team-visible slips to people who have not opted out are read out.
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
  'not stated': 'Not stated'
};

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

export interface FairnessPanel {
  rows: FairnessRow[];
  /** Slips reaching support workers from registered professionals and from managers. */
  toSupportWorkers: {
    fromRegistered: GroupFigure;
    fromManagers: GroupFigure;
    /** Every slip received by a support worker, whoever sent it. */
    total: GroupFigure;
  };
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
