import template from '../../cards/vote.json';
import type { PersonRef } from '../domain/person';
import { monthLabel } from '../domain/box';
import { attachment, expand, type CardAttachment } from './render';
import { safeName } from './safe-text';

/** The team vote in the channel. It never shows counts: votes are secret until the award. */
export function voteCard(v: { teamId: string; teamName: string; month: string; shortlist: PersonRef[]; open: boolean }): CardAttachment {
  const label = monthLabel(v.month);
  return attachment(
    expand(template, {
      heading: `Star of the month vote: ${label}`,
      text: v.open
        ? `Who should be ${safeName(v.teamName)}’s star of the month? Your vote is secret, and you can change it until the vote closes.`
        : 'The vote has closed. Thank you to everyone who voted. The star of the month will be announced here soon.',
      open: v.open,
      shortlist: v.shortlist.map((p) => ({ id: p.id, name: safeName(p.name) })),
      ref: { teamId: v.teamId, month: v.month },
    }),
  );
}
