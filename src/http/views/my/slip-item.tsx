// One thank-you a person received, as the tab and the portfolio list it.
import type { ComponentChildren } from 'preact';
import type { SlipHistoryEntry } from '../../../domain/history';
import { SlipDate, ValueBadges } from '../slip-parts';

/**
 * `badges`: show the values chosen (the portfolio by value leaves them out, as it groups by value).
 * `children`: the person's own note on it, after the slip (slip-note.tsx).
 */
export function SlipItem({
  slip,
  timeZone,
  badges = true,
  children,
}: {
  slip: SlipHistoryEntry;
  timeZone: string;
  badges?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <li class="slip">
      <p class="slip-meta">
        <strong>{slip.sender.name}</strong> · <SlipDate iso={slip.createdAt} timeZone={timeZone} />
        {slip.visibility === 'private' ? (
          <>
            {' · '}
            <span class="private">Private</span>
          </>
        ) : null}
      </p>
      <p class="slip-message">{slip.message}</p>
      {slip.quote ? <p class="slip-quote">For: “{slip.quote}”</p> : null}
      {badges ? <ValueBadges values={slip.values} /> : null}
      {children}
    </li>
  );
}
