/*
 * How Reach is worked out (part of the digest's fairness panel). Pure.
 *
 * Reach: of the team's members (the team's roster: repos.memberships.listTeam), how many
 * were recognised. Counts only, never names or ids.
 * - Recognised in a month = received at least one team-visible slip (private slips don't count:
 *   who a private slip thanked is part of what it says) or a nomination that month (any
 *   nomination, anonymous ones too: what counts is who was nominated). Sending slips, adding
 *   thanks or voting doesn't count. People recognised who are not members are not counted.
 * - reached = members recognised in this box's month; overall and by staff group (from their
 *   profile, 'not stated' without one, as in the fairness panel).
 * - quietThreeMonths = members recognised in none of three months: this box's month and the two
 *   months before it. (Someone who joined the team in those months counts too: Valued has no
 *   date for when people joined.)
 * - A group row with 1–4 members shows FEWER_THAN_5 for both its figures. The rows add up to
 *   the team, so the same complementary rule as the fairness panel's hides more rows (smallest first)
 *   until the hidden rows hold nobody or at least 5 members across more than one group. An empty
 *   group shows 0 ("no one"): that says nothing about anyone and leaves the remainder the same.
 * - Then, because the hidden rows' `reached` is the overall figure minus the rows shown, more
 *   rows are hidden while that remainder is none of the hidden members or all of them (either
 *   would tell each hidden group's figure). Not needed when the team as a whole was reached by
 *   no one or by everyone: the overall figure already says that about every group.
 * - quietThreeMonths is FEWER_THAN_5 when it is 1–4. A team of 1–4 members shows FEWER_THAN_5
 *   for every Reach figure: any of them would be about fewer than 5 people.
 */
import { SMALL_GROUP, type FairnessGroup, type Reach, type ReachRow } from './digest';
import type { Profile } from './person';
import type { Slip } from './slip';
import type { Nomination } from './star-of-the-month';
import { FAIRNESS_GROUPS, fairnessGroupOf, figure, hiddenRows, hideSmallestShown } from './small-groups';

/** One month's recognition, for Reach: every slip of its box (private ones are skipped here) and its nominations. */
export interface ReachMonth {
  month: string;
  slips: Slip[];
  /** Recipients of team-visible slips, when the month was read from its summary instead of its slips. */
  visibleRecipients?: string[];
  nominations: Nomination[];
}

/** Who was recognised in a month: recipients of team-visible slips and nominees. */
function recognisedIn(m: ReachMonth): Set<string> {
  const ids = new Set<string>();
  for (const s of m.slips) if (s.visibility === 'team') for (const r of s.recipients) ids.add(r.id);
  for (const id of m.visibleRecipients ?? []) ids.add(id);
  for (const n of m.nominations) ids.add(n.nominee.id);
  return ids;
}

/**
 * Reach (rules at the top of this file). `months` is this box's month first, then the month
 * before, then the month before that: "nothing for three months" means nothing in all of them.
 */
export function reach(members: string[], profiles: Map<string, Profile>, months: ReachMonth[]): Reach {
  const team = new Set(members);
  const thisMonth = months.length ? recognisedIn(months[0]) : new Set<string>();
  const inThree = new Set(months.flatMap((m) => [...recognisedIn(m)]));
  const groups = new Map<FairnessGroup, { people: Set<string>; reached: number }>(
    FAIRNESS_GROUPS.map((g) => [g, { people: new Set<string>(), reached: 0 }]),
  );
  for (const id of team) {
    const g = groups.get(fairnessGroupOf(id, profiles))!;
    g.people.add(id);
    if (thisMonth.has(id)) g.reached++;
  }
  const reachedAll = [...groups.values()].reduce((n, g) => n + g.reached, 0);
  const quiet = [...team].filter((id) => !inThree.has(id)).length;

  const hidden = hiddenRows(groups);
  if (reachedAll > 0 && reachedAll < team.size) {
    // The hidden rows' reached is what the overall figure minus the shown rows leaves; none or
    // all of them would tell each hidden group's figure, so hide more, smallest first.
    const sum = (pick: (g: { people: Set<string>; reached: number }) => number) =>
      [...hidden].reduce((n, g) => n + pick(groups.get(g)!), 0);
    const extreme = () =>
      sum((g) => g.people.size) > 0 && (sum((g) => g.reached) === 0 || sum((g) => g.reached) === sum((g) => g.people.size));
    while (extreme() && hideSmallestShown(hidden, (g) => groups.get(g)!.people.size));
  }

  const smallTeam = team.size > 0 && team.size < SMALL_GROUP;
  const rows: ReachRow[] = FAIRNESS_GROUPS.map((group) => {
    const g = groups.get(group)!;
    // An empty group is 0, "no one": it says nothing about anybody.
    const hide = g.people.size > 0 && hidden.has(group);
    return { group, members: figure(g.people.size, hide), reached: figure(g.reached, hide) };
  });
  return {
    members: figure(team.size, smallTeam),
    reached: figure(reachedAll, smallTeam),
    quietThreeMonths: figure(quiet, smallTeam || (quiet > 0 && quiet < SMALL_GROUP)),
    quietSince: months.length ? months[months.length - 1].month : '',
    rows,
  };
}
