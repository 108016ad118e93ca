// The printable digest's fairness panel: who receives and who gives thanks, by staff group,
// then Reach. Counts only; any group of fewer than 5 people says so, never a number.
import { FAIRNESS_GROUP_LABELS, type Digest } from '../../../domain/digest';
import { DataTable } from '../data-table';
import { ReachSection, figure } from './reach-section';

export function FairnessSection({ d }: { d: Digest }) {
  const f = d.fairness;
  const sw = f.toSupportWorkers;
  return (
    <section aria-labelledby="fairness-heading">
      <h2 id="fairness-heading">Does recognition reach everyone?</h2>
      <DataTable
        caption="Thank-yous received and given, by staff group"
        head={['Staff group', 'People thanked', 'Thank-yous received', 'People thanking', 'Thank-yous given']}
        rows={f.rows.map((r) => [
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
      <p class="fairness-note">
        Staff groups are what people chose in their own profile; “Not stated” is everyone who has not said. Any figure about fewer than 5
        people shows as “fewer than 5”, so no one can be singled out.
      </p>
      <ReachSection d={d} id="reach-heading" />
    </section>
  );
}
