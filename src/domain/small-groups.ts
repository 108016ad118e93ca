// Keeping figures about small groups of people from singling anyone out: the staff groups, each
// person's group, and which rows to hide. Shared by the fairness panel and Reach.
import { FEWER_THAN_5, SMALL_GROUP, type FairnessGroup, type GroupFigure } from './digest';
import { STAFF_GROUPS, type Profile } from './person';

export const FAIRNESS_GROUPS: readonly FairnessGroup[] = [...STAFF_GROUPS, 'not stated'];

export const fairnessGroupOf = (personId: string, profiles: Map<string, Profile>): FairnessGroup =>
  profiles.get(personId)?.staffGroup ?? 'not stated';

export const figure = (n: number, hidden: boolean): GroupFigure => (hidden ? FEWER_THAN_5 : n);

/**
 * Which rows to hide on one side. Rows under 5 people are hidden; and because the rows add up to
 * the totals, what is hidden can be worked out as a remainder, so more rows are hidden (smallest
 * first) until that remainder is nobody, or at least 5 people across more than one group.
 */
export function hiddenRows(sides: Map<FairnessGroup, { people: Set<string> }>): Set<FairnessGroup> {
  const size = (g: FairnessGroup) => sides.get(g)!.people.size;
  const hidden = new Set(FAIRNESS_GROUPS.filter((g) => size(g) < SMALL_GROUP));
  const hiddenPeople = () => [...hidden].reduce((n, g) => n + size(g), 0);
  const hiddenGroupsWithPeople = () => [...hidden].filter((g) => size(g) > 0).length;
  while (hiddenPeople() > 0 && (hiddenPeople() < SMALL_GROUP || hiddenGroupsWithPeople() === 1) && hideSmallestShown(hidden, size));
  return hidden;
}

/** Hides the smallest row still shown; false when every row is hidden already. */
export function hideSmallestShown(hidden: Set<FairnessGroup>, size: (g: FairnessGroup) => number): boolean {
  const shown = FAIRNESS_GROUPS.filter((g) => !hidden.has(g));
  if (shown.length === 0) return false;
  hidden.add(shown.reduce((a, b) => (size(b) < size(a) ? b : a)));
  return true;
}
