// The team vote on a box's shortlist: opened by a lead with a closing time, closed by the lead
// early or by the scheduler on time, extended once. Every change of state is one ETag-guarded
// write of the box's round, so when two instances close the same vote, exactly one succeeds.
// Votes stay secret: only counts are kept when it closes, never who voted for whom.
import { CodedError } from '../domain/errors';
import { newAwardRound, type AwardRound } from '../domain/award-round';
import { remindersOf } from '../domain/reminder-settings';
import { tallyVotes } from '../domain/vote-tally';
import { addWorkingDays, atHour, localDate, whenInWords } from '../domain/working-days';
import { DEFAULT_TIME_ZONE } from '../domain/box';
import type { PersonRef } from '../domain/person';
import type { TeamSettings } from '../domain/team-settings';
import type { Repositories } from '../storage/repositories';
import type { ILogger } from '../logger';
import type { AccessPolicy } from './access-policy';
import type { AwardService, BoxReview } from './award-service';

/** How long a lead may keep a vote open for, in working days. */
export const MAX_VOTE_DAYS = 10;

const zone = (s: TeamSettings) => s.timeZone || DEFAULT_TIME_ZONE;

export class TeamVoteService {
  constructor(
    private readonly repos: Pick<Repositories, 'awardRounds' | 'votes' | 'nominations' | 'teamSettings'>,
    private readonly awards: AwardService,
    private readonly policy: AccessPolicy,
    private readonly logger: ILogger,
    private readonly now: () => Date,
  ) {}

  /** When a vote opened now for `days` working days closes: the team's closing hour, local time. */
  closingTime(settings: TeamSettings, days?: number): Date {
    const r = remindersOf(settings);
    const n = days ?? r.voteDays;
    return atHour(addWorkingDays(localDate(this.now(), zone(settings)), n), r.voteCloseHour, zone(settings));
  }

  private checkDays(days: number | undefined): void {
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= MAX_VOTE_DAYS))
      throw new CodedError('invalid_input', `Please choose how long the vote runs: 1 to ${MAX_VOTE_DAYS} working days.`, 'voteDays');
  }

  /** Opens the vote; the bot then posts the vote card and records where with recordVoteCard. */
  async open(actorId: string, teamId: string, month: string, days?: number): Promise<BoxReview> {
    const settings = await this.policy.requireLead(actorId, teamId, 'vote');
    this.checkDays(days);
    if (!settings.voteEnabled)
      throw new CodedError('not_allowed', 'The team vote is turned off for this team. A lead can turn it on in the settings card.');
    const before = await this.awards.reviewOf(settings, month);
    if (before.round.announcedAt) throw new CodedError('conflict', 'The star of the month for this box has already been announced.');
    if (before.round.shortlist.length < 2)
      throw new CodedError('invalid_input', 'Please shortlist at least two colleagues before opening a vote.', 'shortlist');
    if (before.round.vote !== 'not started')
      throw new CodedError(
        'conflict',
        before.round.vote === 'open' ? 'The team vote is already open.' : 'The team vote for this month has closed.',
      );
    const closesAt = this.closingTime(settings, days).toISOString();
    const openedAt = this.now().toISOString();
    await this.change(teamId, month, (r) =>
      r.vote === 'not started' ? { ...r, vote: 'open', voteOpenedAt: openedAt, voteClosesAt: closesAt } : undefined,
    );
    this.logger.info('vote opened', { teamId, month, shortlist: before.round.shortlist.length, closesAt });
    return this.awards.reviewOf(settings, month);
  }

  async recordVoteCard(teamId: string, month: string, voteCard: { channelId: string; activityId: string }): Promise<void> {
    await this.change(teamId, month, (r) => ({ ...r, voteCard }));
  }

  /** A lead moves the closing time later, once. */
  async extend(actorId: string, teamId: string, month: string, days: number): Promise<BoxReview> {
    const settings = await this.policy.requireLead(actorId, teamId, 'vote');
    this.checkDays(days);
    const closesAt = this.closingTime(settings, days);
    let refusal: CodedError | undefined;
    const { changed } = await this.change(teamId, month, (r) => {
      if (r.vote !== 'open' || this.isPast(r)) refusal = new CodedError('conflict', 'There is no open team vote to extend.');
      else if (r.voteExtended) refusal = new CodedError('conflict', 'This vote has already been extended once, so it closes as planned.');
      else if (r.voteClosesAt && closesAt.getTime() <= new Date(r.voteClosesAt).getTime())
        refusal = new CodedError(
          'invalid_input',
          `The vote already runs until ${whenInWords(new Date(r.voteClosesAt), zone(settings))}. Please choose a later time to extend it.`,
          'voteDays',
        );
      else return { ...r, voteClosesAt: closesAt.toISOString(), voteExtended: true };
      return undefined;
    });
    if (!changed) throw refusal ?? new CodedError('conflict', 'There is no open team vote to extend.');
    this.logger.info('vote extended', { teamId, month, closesAt: closesAt.toISOString() });
    return this.awards.reviewOf(settings, month);
  }

  /** A lead closes the vote before its time. */
  async closeEarly(actorId: string, teamId: string, month: string): Promise<BoxReview> {
    const settings = await this.policy.requireLead(actorId, teamId, 'vote');
    if (!(await this.close(teamId, month, 'lead'))) throw new CodedError('conflict', 'There is no open team vote to close.');
    return this.awards.reviewOf(settings, month);
  }

  /**
   * Closes the box's vote if its time has come. True for the one caller (of any number, on any
   * instance) whose write closed it; that caller tells the leads.
   */
  async closeIfDue(settings: TeamSettings, month: string): Promise<BoxReview | undefined> {
    const round = await this.repos.awardRounds.get(settings.teamId, month);
    if (!round || round.vote !== 'open' || !this.isPast(round)) return undefined;
    if (!(await this.close(settings.teamId, month, 'schedule'))) return undefined;
    this.logger.info('vote closed on time', { teamId: settings.teamId, month });
    return this.awards.reviewOf(settings, month);
  }

  /** What a closed vote's card says to someone whose vote came late. */
  async closedVote(teamId: string, month: string): Promise<{ teamName: string; timeZone: string; closedAt?: Date }> {
    const [settings, round] = await Promise.all([this.repos.teamSettings.get(teamId), this.repos.awardRounds.get(teamId, month)]);
    const at = round?.voteClosedAt ?? round?.voteClosesAt;
    return {
      teamName: settings?.teamName ?? 'your team',
      timeZone: settings?.timeZone || DEFAULT_TIME_ZONE,
      closedAt: at ? new Date(at) : undefined,
    };
  }

  private async close(teamId: string, month: string, by: 'lead' | 'schedule'): Promise<boolean> {
    const round = await this.repos.awardRounds.get(teamId, month);
    if (!round || round.vote !== 'open') return false;
    // Counted before the write; a vote cast after the closing time is refused, so none is missed.
    const finalTally = tallyVotes(await this.repos.votes.listBox(teamId, month), round.shortlist);
    const closedAt = this.now().toISOString();
    const { changed } = await this.change(teamId, month, (r) =>
      r.vote === 'open' ? { ...r, vote: 'closed', voteClosedAt: closedAt, voteClosedBy: by, finalTally } : undefined,
    );
    return changed;
  }

  private isPast(r: AwardRound): boolean {
    return !!r.voteClosesAt && this.now().getTime() >= new Date(r.voteClosesAt).getTime();
  }

  /** One secret vote per member of the team, changeable until the vote closes. */
  async cast(voter: PersonRef, teamId: string, month: string, nomineeId: string): Promise<PersonRef> {
    await this.policy.requireMember(voter.id, teamId, 'vote');
    const round = await this.repos.awardRounds.get(teamId, month);
    if (!round || round.vote === 'not started') throw new CodedError('not_allowed', 'This vote hasn’t opened yet.');
    if (round.vote === 'closed' || round.announcedAt || this.isPast(round)) throw new VoteClosedError();
    if (!round.shortlist.includes(nomineeId)) throw new CodedError('invalid_input', 'Please choose one of the shortlisted colleagues.');
    if (nomineeId === voter.id)
      throw new CodedError(
        'not_allowed',
        'You can’t vote for yourself, but being shortlisted is something to be proud of! Please choose a colleague.',
      );
    const nominee = (await this.repos.nominations.listBox(teamId, month)).find((n) => n.nominee.id === nomineeId)?.nominee;
    if (!nominee) throw new CodedError('invalid_input', 'Please choose one of the shortlisted colleagues.');
    await this.repos.votes.cast({ teamId, month, voterId: voter.id, nomineeId, castAt: this.now().toISOString() });
    return nominee;
  }

  private change(teamId: string, month: string, change: (r: AwardRound) => AwardRound | undefined) {
    return this.repos.awardRounds.update(newAwardRound(teamId, month, this.now()), (r) => {
      const next = change(r);
      return next && { ...next, updatedAt: this.now().toISOString() };
    });
  }
}

/** A vote arrived after the vote closed: refused, and nothing changes. */
export class VoteClosedError extends CodedError {
  constructor() {
    super('not_allowed', 'Sorry, this vote has closed, so your vote wasn’t counted. Thank you for taking part.');
  }
}
