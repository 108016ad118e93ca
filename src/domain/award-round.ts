// How a box's star of the month is being decided: open for nominations, shortlist, the team
// vote, the lead's choice, and the announcement. One record per team and month.
import { CodedError } from './errors';
import type { Tally } from './vote-tally';

export type VoteState = 'not started' | 'open' | 'closed';

export interface AwardRound {
  teamId: string;
  month: string;
  /** Closed by a lead (or by announcing); later nominations go into the next month's box. */
  nominationsClosed: boolean;
  /** Person ids of shortlisted nominees. */
  shortlist: string[];
  vote: VoteState;
  /** Where the vote card was posted, so it can be closed in place. */
  voteCard?: { channelId: string; activityId: string };
  voteOpenedAt?: string;
  /** When the vote closes by itself; a vote after this is refused even before the scheduler closes it. */
  voteClosesAt?: string;
  /** A lead may extend a vote once. */
  voteExtended?: boolean;
  voteClosedAt?: string;
  voteClosedBy?: 'lead' | 'schedule' | 'announce';
  /** The counts when the vote closed (no voter ids: the vote is secret), so nothing after can change them. */
  finalTally?: Tally;
  /** The lead's choice, saved before announcing. */
  winners: string[];
  highlyCommended: string[];
  citation: string;
  announcedAt?: string;
  updatedAt: string;
}

export function newAwardRound(teamId: string, month: string, now: Date): AwardRound {
  return {
    teamId,
    month,
    nominationsClosed: false,
    shortlist: [],
    vote: 'not started',
    winners: [],
    highlyCommended: [],
    citation: '',
    updatedAt: now.toISOString(),
  };
}

export const CITATION_MAX = 1000;

export interface AwardChoice {
  winners: string[];
  highlyCommended: string[];
  citation: string;
}

/** Problems with the lead's choice; `forAnnouncing` also needs a winner and a citation. */
export function checkAwardChoice(choice: AwardChoice, nomineeIds: readonly string[], forAnnouncing: boolean): CodedError[] {
  const problems: CodedError[] = [];
  const known = new Set(nomineeIds);
  if (forAnnouncing && choice.winners.length === 0)
    problems.push(
      new CodedError('invalid_input', 'Please choose the star of the month (choose two or more for joint winners).', 'winners'),
    );
  if ([...choice.winners, ...choice.highlyCommended].some((id) => !known.has(id)))
    problems.push(
      new CodedError('invalid_input', 'Only colleagues nominated this month can be chosen. Please choose from the list.', 'winners'),
    );
  if (choice.highlyCommended.some((id) => choice.winners.includes(id)))
    problems.push(
      new CodedError(
        'invalid_input',
        'Someone can’t be both star of the month and highly commended. Please choose one for them.',
        'highlyCommended',
      ),
    );
  const citation = choice.citation.trim();
  if (forAnnouncing && citation.length === 0)
    problems.push(
      new CodedError('invalid_input', 'Please write a short citation: a few words on why, to be read out with the award.', 'citation'),
    );
  if (citation.length > CITATION_MAX)
    problems.push(
      new CodedError('invalid_input', `Please keep the citation to ${CITATION_MAX.toLocaleString('en-GB')} characters.`, 'citation'),
    );
  return problems;
}
