// A person's star of the month awards and nominations, listed the same way on the tab and in
// the portfolio.
import type { AwardHistoryEntry, NominationHistoryEntry } from '../../../domain/history';
import { dayOf, monthLabel } from '../format';

export function AwardsList({ awards, empty }: { awards: AwardHistoryEntry[]; empty: string }) {
  if (!awards.length) return <p>{empty}</p>;
  return (
    <ul class="awards">
      {awards.map((a) => (
        <li>
          <p>
            <strong>{a.result === 'winner' ? 'Star of the month' : 'Highly commended'}</strong>
            {`, ${monthLabel(a.month)} · ${a.teamName}`}
          </p>
          {a.citation ? <blockquote>{a.citation}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}

/** With `timeZone`, each nomination also says the day it was made. */
export function NominationsList({
  nominations,
  empty,
  timeZone,
}: {
  nominations: NominationHistoryEntry[];
  empty: string;
  timeZone?: string;
}) {
  if (!nominations.length) return <p>{empty}</p>;
  return (
    <ul class="nominations">
      {nominations.map((n) => (
        <li>
          <p>
            {`${monthLabel(n.month)} · nominated by ${n.nominator ? n.nominator.name : 'a colleague'}${timeZone ? ` on ${dayOf(n.createdAt, timeZone)}` : ''}`}
          </p>
          <blockquote>{n.reason}</blockquote>
        </li>
      ))}
    </ul>
  );
}
