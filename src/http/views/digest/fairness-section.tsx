// The printable digest's fairness panel: who receives and who gives thanks, by staff group,
// then Reach. Counts only; any group of fewer than 5 people says so, never a number. Why small
// groups are hidden is said once, at the top, in the domain's words (as on the card).
import { FAIRNESS_GROUP_LABELS, NO_ONE_IN_GROUP, SMALL_GROUPS_EXPLAINED, type Digest, type FairnessRow } from '../../../domain/digest';
import { DataTable } from '../data-table';
import { listOf } from '../../../domain/counting';
import { ReachSection, figure } from './reach-section';

/** No one in the group received or gave a thank-you: said in words, not as a row of noughts. */
const nobody = (r: FairnessRow) => r.peopleReceiving === 0 && r.peopleGiving === 0;

export function FairnessSection({ d }: { d: Digest }) {
  const f = d.fairness;
  const sw = f.toSupportWorkers;
  const empty = f.rows.filter(nobody).map((r) => FAIRNESS_GROUP_LABELS[r.group] ?? r.group);
  return (
    <section aria-labelledby="fairness-heading">
      <h2 id="fairness-heading">Does recognition reach everyone?</h2>
      <p class="fairness-note">
        {`Staff groups are what people chose in their own profile; “Not stated” is everyone who has not said. ${SMALL_GROUPS_EXPLAINED}`}
      </p>
      <DataTable
        caption="Thank-yous received and given, by staff group"
        head={['Staff group', 'People thanked', 'Thank-yous received', 'People thanking', 'Thank-yous given']}
        rows={f.rows
          .filter((r) => !nobody(r))
          .map((r) => [
            FAIRNESS_GROUP_LABELS[r.group] ?? r.group,
            figure(r.peopleReceiving),
            figure(r.slipsReceived),
            figure(r.peopleGiving),
            figure(r.slipsGiven),
          ])}
      />
      <p>
        {`Thank-yous reaching support workers: ${figure(sw.fromRegistered)} from registered professionals and ${figure(sw.fromManagers)} from managers, of ${figure(sw.total)} in all.`}
      </p>
      {empty.length ? <p>{`${listOf(empty)}: ${empty.length === 1 ? NO_ONE_IN_GROUP : 'no one in these groups'} this month.`}</p> : null}
      <ReachSection d={d} id="reach-heading" />
    </section>
  );
}
