import template from '../../cards/vote.json';
import type { PersonRef } from '../domain/person';
import { DEFAULT_TIME_ZONE, monthLabel } from '../domain/box';
import { whenInWords } from '../domain/working-days';
import { attachment, expand, type CardAttachment } from './render';
import { safeName } from './safe-text';

export interface VoteCardView {
  teamId: string;
  teamName: string;
  month: string;
  shortlist: PersonRef[];
  open: boolean;
  timeZone?: string;
  /** When the vote closes (open) or closed (closed), said in words. */
  closesAt?: Date;
  /** A line before the question (the personal reminders say why they came). */
  intro?: string;
  /** Shown to a voter whose vote came too late. */
  notice?: string;
}

/** The team vote in the channel. It never shows counts: votes are secret until the award. */
export function voteCard(v: VoteCardView): CardAttachment {
  const label = monthLabel(v.month);
  const when = v.closesAt ? whenInWords(v.closesAt, v.timeZone || DEFAULT_TIME_ZONE) : '';
  const text = v.open
    ? [
        v.intro,
        `Who should be ${safeName(v.teamName)}’s star of the month? Your vote is secret, and you can change it until the vote closes.`,
        when && `Voting closes on ${when}.`,
      ]
        .filter(Boolean)
        .join(' ')
    : `${when ? `The vote closed on ${when}.` : 'The vote has closed.'} Thank you to everyone who voted. The star of the month will be announced in the team’s channel soon.`;
  return attachment(
    expand(template, {
      heading: `Star of the month vote: ${label}`,
      text,
      notice: v.notice ?? '',
      open: v.open,
      shortlist: v.shortlist.map((p) => ({ id: p.id, name: safeName(p.name) })),
      ref: { teamId: v.teamId, month: v.month },
    }),
  );
}
