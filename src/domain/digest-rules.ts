/*
 * How a box's digest is worked out. Pure: the service reads the box, this does the sums.
 *
 * Totals (this month and last month)
 * - Count EVERY slip in the box, private ones included: a count says nothing about what a
 *   slip says. slips = slips in the box; peopleThanked = distinct recipients; peopleThanking =
 *   distinct senders; cosigns = "Add my thanks" presses (the sum of each slip's co-signers);
 *   privateSlips = how many of the slips were private (so "12 slips, 9 read out" adds up).
 * - A private slip's content (message, quote, values, who it was to) never appears anywhere.
 *
 * Values: team-visible slips only, because a slip's values are part of what it says. Most used
 * first, ties alphabetical. A slip with two values counts once for each.
 *
 * Read-out: team-visible slips only, grouped by recipient. A recipient whose profile says
 * noReadOut has no group, and is left out of the names on other people's slips too. A slip
 * whose recipients all opted out is not read at all. Groups are sorted by name, slips oldest
 * first; readOutSlips counts each slip once however many groups it is read in.
 *
 * Fairness panel, by self-declared staff group (no profile or no group: 'not stated'):
 * - One row per group, always all of them. Counts use every slip, private ones included.
 *   peopleReceiving = distinct people in the group thanked; slipsReceived = slips that thanked
 *   at least one of them (a slip to two support workers counts once for the group);
 *   peopleGiving = distinct senders in the group; slipsGiven = slips they sent.
 * - Any figure about fewer than 5 people is FEWER_THAN_5, never a number: when fewer than 5
 *   people in a group received, both its receiving figures are hidden; likewise giving.
 * - The rows add up to the totals (each person is in one group, each slip has one sender), so
 *   what is hidden could be worked out by subtraction. On each side, the smallest rows still
 *   shown are hidden too until the hidden rows hold nobody, or at least 5 people across more
 *   than one group.
 * - To support workers: slips that thanked at least one support worker, in total and from
 *   registered professionals and from managers. All three are hidden when the support
 *   workers' receiving figures are hidden; each "from" figure is also hidden when fewer than 5
 *   people of that group sent them. When both "from" figures are shown, the remainder (total
 *   minus both) is what everyone else sent; if fewer than 5 others sent to support workers,
 *   the smaller "from" figure is hidden so the remainder can't be worked out.
 *
 * Reach: see reach-rules.ts.
 *
 * Nominations: count, distinct nominees, distinct nominators, and how many the lead
 * shortlisted. The award appears once it is announced.
 */
import type { AwardRound } from './award-round';
import { previousMonth } from './box';
import {
  SMALL_GROUP,
  type Digest,
  type DigestAward,
  type DigestNominations,
  type DigestSlip,
  type DigestTotals,
  type FairnessPanel,
  type FairnessRow,
  type ReadOutGroup,
} from './digest';
import type { PersonRef, Profile } from './person';
import { FAIRNESS_GROUPS, fairnessGroupOf, figure, hiddenRows } from './small-groups';
import { reach } from './reach-rules';

export { FAIRNESS_GROUPS, fairnessGroupOf } from './small-groups';
export { reach, type ReachMonth } from './reach-rules';
import type { Slip } from './slip';
import { totalsOfSummary, visibleRecipientsOf, type BoxSummary } from './summaries';
import type { Award, Nomination } from './star-of-the-month';

export interface DigestInputs {
  teamId: string;
  teamName: string;
  month: string;
  timeZone: string;
  /** Every slip in the box, private ones included. */
  slips: Slip[];
  /** Every slip in the box of the month before (empty when previousBox is given). */
  previousSlips: Slip[];
  /**
   * The summaries of the month before and the one before that, read instead of their slips
   * (the digest card): those months give only totals and Reach's who-was-thanked, which the
   * summary holds exactly.
   */
  previousBox?: BoxSummary;
  monthBeforeLastBox?: BoxSummary;
  /** Profiles of the box's senders and recipients, by person id (people without one are absent). */
  profiles: Map<string, Profile>;
  nominations: Nomination[];
  round?: AwardRound;
  award?: Award;
  /** For Reach: the team's members (person ids), and the profiles above must include theirs. */
  members: string[];
  /** For Reach's three months: the month before's nominations (its slips are previousSlips) ... */
  previousNominations: Nomination[];
  /** ... and the slips and nominations of the month before that. */
  monthBeforeLastSlips: Slip[];
  monthBeforeLastNominations: Nomination[];
}

const byName = (a: PersonRef, b: PersonRef) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
const oldestFirst = (a: Slip, b: Slip) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const distinct = <T>(items: T[]) => new Set(items).size;

export function digestTotals(slips: Slip[]): DigestTotals {
  return {
    slips: slips.length,
    peopleThanked: distinct(slips.flatMap((s) => s.recipients.map((r) => r.id))),
    peopleThanking: distinct(slips.map((s) => s.sender.id)),
    cosigns: slips.reduce((n, s) => n + s.cosigners.length, 0),
    privateSlips: slips.filter((s) => s.visibility !== 'team').length,
  };
}

/** Values of team-visible slips, most used first, ties alphabetical. */
export function valuesBreakdown(slips: Slip[]): Array<{ value: string; slips: number }> {
  const counts = new Map<string, number>();
  for (const s of slips) {
    if (s.visibility !== 'team') continue;
    for (const v of new Set(s.values)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, n]) => ({ value, slips: n }))
    .sort((a, b) => b.slips - a.slips || a.value.localeCompare(b.value, 'en-GB'));
}

export function readOut(slips: Slip[], profiles: Map<string, Profile>): { groups: ReadOutGroup[]; slips: number } {
  const optedOut = (id: string) => profiles.get(id)?.noReadOut === true;
  const groups = new Map<string, ReadOutGroup>();
  const read = new Set<string>();
  for (const s of slips.filter((x) => x.visibility === 'team').sort(oldestFirst)) {
    const named = uniqueById(s.recipients).filter((r) => !optedOut(r.id));
    if (named.length === 0) continue;
    const item: DigestSlip = {
      slipId: s.id,
      createdAt: s.createdAt,
      sender: s.sender,
      recipients: named,
      message: s.message,
      values: [...s.values],
      cosigners: s.cosigners.length,
      ...(s.quote ? { quote: s.quote } : {}),
    };
    read.add(s.id);
    for (const r of named) {
      const title = profiles.get(r.id)?.preferredTitle?.trim();
      // The newest slip's name wins, in case someone's display name changed during the month.
      const group = groups.get(r.id) ?? { recipient: r, slips: [] };
      group.recipient = r;
      if (title) group.title = title;
      group.slips.push(item);
      groups.set(r.id, group);
    }
  }
  return { groups: [...groups.values()].sort((a, b) => byName(a.recipient, b.recipient)), slips: read.size };
}

function uniqueById(people: PersonRef[]): PersonRef[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.id) && seen.add(p.id));
}

export function fairnessPanel(slips: Slip[], profiles: Map<string, Profile>): Omit<FairnessPanel, 'reach'> {
  const groupOf = (id: string) => fairnessGroupOf(id, profiles);
  const empty = () => new Map(FAIRNESS_GROUPS.map((g) => [g, { people: new Set<string>(), slips: new Set<string>() }] as const));
  const receiving = empty();
  const giving = empty();
  const toSupport = {
    total: new Set<string>(),
    registered: { slips: new Set<string>(), senders: new Set<string>() },
    managers: { slips: new Set<string>(), senders: new Set<string>() },
    otherSenders: new Set<string>(),
  };

  for (const s of slips) {
    const senderGroup = groupOf(s.sender.id);
    giving.get(senderGroup)!.people.add(s.sender.id);
    giving.get(senderGroup)!.slips.add(s.id);
    for (const r of s.recipients) {
      const side = receiving.get(groupOf(r.id))!;
      side.people.add(r.id);
      side.slips.add(s.id);
    }
    if (s.recipients.some((r) => groupOf(r.id) === 'support worker')) {
      toSupport.total.add(s.id);
      const from =
        senderGroup === 'registered professional' ? toSupport.registered : senderGroup === 'manager' ? toSupport.managers : undefined;
      if (from) {
        from.slips.add(s.id);
        from.senders.add(s.sender.id);
      } else {
        toSupport.otherSenders.add(s.sender.id);
      }
    }
  }

  const hideReceiving = hiddenRows(receiving);
  const hideGiving = hiddenRows(giving);
  const rows: FairnessRow[] = FAIRNESS_GROUPS.map((group) => {
    const r = receiving.get(group)!;
    const g = giving.get(group)!;
    // A side with no one in it says so: nothing about nobody can single anyone out.
    const hideR = hideReceiving.has(group) && r.people.size > 0;
    const hideG = hideGiving.has(group) && g.people.size > 0;
    return {
      group,
      peopleReceiving: figure(r.people.size, hideR),
      slipsReceived: figure(r.slips.size, hideR),
      peopleGiving: figure(g.people.size, hideG),
      slipsGiven: figure(g.slips.size, hideG),
    };
  });

  const hideAll = hideReceiving.has('support worker');
  let hideRegistered = hideAll || toSupport.registered.senders.size < SMALL_GROUP;
  let hideManagers = hideAll || toSupport.managers.senders.size < SMALL_GROUP;
  if (!hideRegistered && !hideManagers && toSupport.otherSenders.size < SMALL_GROUP) {
    // total − registered − managers would give away what the few others sent.
    if (toSupport.registered.slips.size <= toSupport.managers.slips.size) hideRegistered = true;
    else hideManagers = true;
  }
  return {
    rows,
    toSupportWorkers: {
      fromRegistered: figure(toSupport.registered.slips.size, hideRegistered),
      fromManagers: figure(toSupport.managers.slips.size, hideManagers),
      total: figure(toSupport.total.size, hideAll),
    },
  };
}

export function nominationsSummary(nominations: Nomination[], round?: AwardRound): DigestNominations {
  return {
    nominations: nominations.length,
    nominees: distinct(nominations.map((n) => n.nominee.id)),
    nominators: distinct(nominations.map((n) => n.nominator.id)),
    shortlisted: round?.shortlist.length ?? 0,
  };
}

export function digestAward(award?: Award): DigestAward | undefined {
  if (!award?.announcedAt) return undefined;
  return { winners: award.winners, highlyCommended: award.highlyCommended, citation: award.citation, announcedAt: award.announcedAt };
}

const recognised = (slips: Slip[], box?: BoxSummary) => (box ? { slips: [], visibleRecipients: visibleRecipientsOf(box) } : { slips });

export function buildDigest(input: DigestInputs): Digest {
  const read = readOut(input.slips, input.profiles);
  const award = digestAward(input.award);
  return {
    teamId: input.teamId,
    teamName: input.teamName,
    month: input.month,
    timeZone: input.timeZone,
    totals: digestTotals(input.slips),
    previous: input.previousBox ? totalsOfSummary(input.previousBox) : digestTotals(input.previousSlips),
    ...(award ? { award } : {}),
    nominations: nominationsSummary(input.nominations, input.round),
    values: valuesBreakdown(input.slips),
    readOut: read.groups,
    readOutSlips: read.slips,
    fairness: {
      ...fairnessPanel(input.slips, input.profiles),
      reach: reach(input.members, input.profiles, [
        { month: input.month, slips: input.slips, nominations: input.nominations },
        {
          month: previousMonth(input.month),
          ...recognised(input.previousSlips, input.previousBox),
          nominations: input.previousNominations,
        },
        {
          month: previousMonth(previousMonth(input.month)),
          ...recognised(input.monthBeforeLastSlips, input.monthBeforeLastBox),
          nominations: input.monthBeforeLastNominations,
        },
      ]),
    },
  };
}
