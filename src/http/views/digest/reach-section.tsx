// Reach, as the digest's web pages show it (the read-out's charts slide and the printable
// fairness panel).
import { DataTable } from '../data-table';
import {
  FAIRNESS_GROUP_LABELS,
  FEWER_THAN_5,
  NO_ONE_IN_GROUP,
  REACH_NOTE,
  SMALL_GROUPS_EXPLAINED,
  reachSentences,
  type Digest,
  type GroupFigure,
} from '../../../domain/digest';

/** A figure about a group of people, as the pages write it. */
export const figure = (f: GroupFigure) => (f === FEWER_THAN_5 ? FEWER_THAN_5 : f.toLocaleString('en-GB'));

/**
 * Reach: the overall sentences, then a row per staff group (an empty group says "no one in this group"; a
 * group of fewer than 5 says so, never a number). Counts only, never names. It is the
 * same h3 on the read-out's charts slide and in the printable panel; `id` names its heading.
 */
/** `explain`: say why small groups are hidden (where nothing above this has said it already). */
export function ReachSection({ d, id, explain = false }: { d: Digest; id: string; explain?: boolean }) {
  const r = d.fairness.reach;
  const words = reachSentences(r, d.month);
  const known = typeof r.members === 'number' && r.members > 0;
  return (
    <div class="reach">
      <h3 id={id}>Reach: does recognition reach the whole team?</h3>
      <p class="reach-figure">{words.reached}</p>
      {words.quiet ? <p class="reach-figure">{words.quiet}</p> : null}
      {known ? (
        <DataTable
          caption="Team members by staff group, and how many received a thank-you or a nomination this month"
          head={['Staff group', 'Team members', 'Received a thank-you or a nomination']}
          rows={r.rows.map((row) => [
            FAIRNESS_GROUP_LABELS[row.group] ?? row.group,
            row.members === 0 ? NO_ONE_IN_GROUP : figure(row.members),
            row.members === 0 ? 'none' : figure(row.reached),
          ])}
        />
      ) : null}
      <p class="fairness-note">{explain ? `${REACH_NOTE} ${SMALL_GROUPS_EXPLAINED}` : REACH_NOTE}</p>
    </div>
  );
}
