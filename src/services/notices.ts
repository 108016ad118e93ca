// What the scheduled jobs and reminders say, and to whom, decided in services; how it is said
// (cards, Teams) is the bot's business behind this port, as with DigestPoster.
import type { PersonRef } from '../domain/person';
import type { TeamSettings } from '../domain/team-settings';
import type { Tally } from '../domain/vote-tally';
import type { AwardRound } from '../domain/award-round';
import type { Award, Nomination } from '../domain/star-of-the-month';
import type { LocalDate } from '../domain/working-days';

export interface OpenVote {
  settings: TeamSettings;
  month: string;
  shortlist: PersonRef[];
  closesAt: Date;
}

export type PersonalNotice =
  /** To each lead when a vote closed on time: the counts only, and a button to the review. */
  | { kind: 'vote result'; settings: TeamSettings; month: string; tally: Tally; names: Record<string, string> }
  | { kind: 'vote open'; vote: OpenVote }
  | { kind: 'vote closing'; vote: OpenVote }
  | { kind: 'digest ready'; settings: TeamSettings; month: string }
  | { kind: 'monthly prompt'; settings: TeamSettings; month: string }
  /** The star of the month, told personally. */
  | { kind: 'award to winner'; award: AwardNews }
  /** A nominee, winner or not, told what colleagues said about them. */
  | { kind: 'nominee reasons'; award: AwardNews; nominations: Nomination[] };

export interface AwardNews {
  award: Award;
  settings: TeamSettings;
  nominationCount: number;
}

export interface Notices {
  /** A personal message, through a 1:1 chat started if need be. */
  tell(personId: string, notice: PersonalNotice): Promise<'sent' | 'not notified'>;
  /** "Nominations close on …", in the team's governance channel; false when there was nowhere to post. */
  nominationsClosing(settings: TeamSettings, v: { month: string; closesOn: LocalDate; count: number }): Promise<boolean>;
  /** The award card in the team's governance channel; false when there was nowhere to post. */
  announceAward(news: AwardNews): Promise<boolean>;
  /** Redraws the vote card in the channel (closed, or a new closing time). */
  showVoteCard(settings: TeamSettings, round: AwardRound, shortlist: PersonRef[]): Promise<void>;
}
