// Reach, as the digest's web pages show it (the read-out's charts slide and the printable
// fairness panel).
import { DataTable } from '../data-table';
import { FAIRNESS_GROUP_LABELS, FEWER_THAN_5, REACH_NOTE, reachSentences, type Digest, type GroupFigure } from '../../../domain/digest';

/** A figure about a group of people, as the pages write it. */
export const figure = (f: GroupFigure) => (f === FEWER_THAN_5 ? FEWER_THAN_5 : f.toLocaleString('en-GB'));

/**
 * Reach: the overall sentences, then a row per staff group (an empty group says "no one"; a
 * group of fewer than 5 says so, never a number). Counts only, never names. It is the
 * same h3 on the read-out's charts slide and in the printable panel; `id` names its heading.
 */
export function ReachSection({ d, id }: { d: Digest; id: string }) {
  const r = d.fairness.reach;
  const words = reachSentences(r, d.month);
  const known = typeof r.members === 'number' && r.members > 0;
  const cell = (f: GroupFigure, empty: boolean) => (empty ? 'no one' : figure(f));
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
            cell(row.members, row.members === 0),
            cell(row.reached, row.members === 0),
          ])}
        />
      ) : null}
      <p class="fairness-note">{REACH_NOTE}</p>
    </div>
  );
}
