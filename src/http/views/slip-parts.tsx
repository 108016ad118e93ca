// Pieces every slip shows, wherever it appears: the day it was sent and the values chosen.
import { dayOf } from './format';

/** The day, for people, with the exact time for machines. */
export function SlipDate({ iso, timeZone }: { iso: string; timeZone: string }) {
  return <time datetime={iso}>{dayOf(iso, timeZone)}</time>;
}

export function ValueBadges({ values }: { values: string[] }) {
  if (!values.length) return null;
  return (
    <ul class="badges" aria-label="Values">
      {values.map((v) => (
        <li>{v}</li>
      ))}
    </ul>
  );
}

/** " · 1 colleague added their thanks", or nothing when no one did. */
export function cosignersNote(cosigners: number): string {
  if (!cosigners) return '';
  return ` · ${cosigners === 1 ? '1 colleague added their thanks' : `${cosigners.toLocaleString('en-GB')} colleagues added their thanks`}`;
}
