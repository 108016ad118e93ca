// Running a box's star of the month, for its governance leads: the review, the shortlist, the
// team vote, choosing the winner(s) and announcing. Every lead-only step asks AccessPolicy.
import { CodedError } from '../domain/errors';
import { monthLabel, monthOf } from '../domain/box';
import { checkAwardChoice, newAwardRound, type AwardChoice, type AwardRound } from '../domain/award-round';
import { lastWin, recentWin } from '../domain/repeat-winner';
import { tallyVotes, type Tally } from '../domain/vote-tally';
import type { Award, Nomination } from '../domain/star-of-the-month';
import type { PersonRef } from '../domain/person';
import type { TeamSettings } from '../domain/team-settings';
import type { Repositories } from '../storage/repositories';
import type { ILogger } from '../logger';
import type { AccessPolicy } from './access-policy';

export interface NomineeSummary {
  nominee: PersonRef;
  nominations: Nomination[];
  /** Team-visible slips the nominee received in this box. */
  slipCount: number;
  lastWonMonth?: string;
  /** Set when they won within the team's repeat-winner window. */
  recentWinMonth?: string;
}

export interface BoxReview {
  settings: TeamSettings;
  month: string;
  round: AwardRound;
  /** Most nominated first. */
  nominees: NomineeSummary[];
  /** Only once a vote has been opened; leads alone ever see it. */
  tally?: Tally;
}

export interface Announcement {
  award: Award;
  settings: TeamSettings;
  review: BoxReview;
}

export class AwardService {
  constructor(
    private readonly repos: Pick<Repositories, 'nominations' | 'votes' | 'awards' | 'awardRounds' | 'slips' | 'history'>,
    private readonly policy: AccessPolicy,
    private readonly logger: ILogger,
    private readonly now: () => Date,
  ) {}

  currentMonth(settings: TeamSettings): string {
    return monthOf(this.now(), settings.timeZone);
  }

  async review(actorId: string, teamId: string, month?: string): Promise<BoxReview> {
    const settings = await this.policy.requireLead(actorId, teamId, 'review');
    return this.reviewOf(settings, month ?? this.currentMonth(settings));
  }

  async shortlist(actorId: string, teamId: string, month: string, nomineeIds: string[]): Promise<BoxReview> {
    const settings = await this.policy.requireLead(actorId, teamId, 'shortlist');
    const review = await this.reviewOf(settings, month);
    const known = new Set(review.nominees.map((n) => n.nominee.id));
    if (nomineeIds.some((id) => !known.has(id)))
      throw new CodedError('invalid_input', 'Only colleagues nominated this month can be shortlisted.', 'shortlist');
    this.refuseWhenAnnounced(review.round);
    if (review.round.vote === 'open')
      throw new CodedError('conflict', 'The team vote is open, so the shortlist can’t change now. Close the vote first.', 'shortlist');
    await this.change(teamId, month, (r) => ({ ...r, shortlist: nomineeIds }));
    return this.reviewOf(settings, month);
  }

  /** A lead's choice for a box that is not announced yet, checked (for announcing, fully). */
  private async checkedChoice(actorId: string, teamId: string, month: string, choice: AwardChoice, forAnnouncing: boolean) {
    const settings = await this.policy.requireLead(actorId, teamId, 'award');
    const review = await this.reviewOf(settings, month);
    this.refuseWhenAnnounced(review.round);
    const problems = checkAwardChoice(
      choice,
      review.nominees.map((n) => n.nominee.id),
      forAnnouncing,
    );
    if (problems.length) throw problems[0];
    return { settings, review };
  }

  async saveChoice(actorId: string, teamId: string, month: string, choice: AwardChoice): Promise<BoxReview> {
    const { settings } = await this.checkedChoice(actorId, teamId, month, choice, false);
    await this.change(teamId, month, (r) => ({
      ...r,
      winners: choice.winners,
      highlyCommended: choice.highlyCommended,
      citation: choice.citation.trim(),
    }));
    return this.reviewOf(settings, month);
  }

  async closeNominations(actorId: string, teamId: string, month: string): Promise<BoxReview> {
    const settings = await this.policy.requireLead(actorId, teamId, 'close');
    await this.change(teamId, month, (r) => (r.nominationsClosed ? undefined : { ...r, nominationsClosed: true }));
    this.logger.info('nominations closed', { teamId, month });
    return this.reviewOf(settings, month);
  }

  /**
   * Saves the award, writes it into each winner's (and highly commended colleague's) history
   * and closes the box. Only the first announce of a box succeeds, so it is announced once.
   */
  async announce(actorId: string, teamId: string, month: string, choice: AwardChoice): Promise<Announcement> {
    const { settings, review: before } = await this.checkedChoice(actorId, teamId, month, choice, true);
    const announcedAt = this.now().toISOString();
    const { changed } = await this.change(teamId, month, (r) =>
      r.announcedAt
        ? undefined
        : {
            ...r,
            winners: choice.winners,
            highlyCommended: choice.highlyCommended,
            citation: choice.citation.trim(),
            nominationsClosed: true,
            vote: r.vote === 'open' ? 'closed' : r.vote,
            voteClosedBy: r.vote === 'open' ? 'announce' : r.voteClosedBy,
            announcedAt,
          },
    );
    if (!changed) throw alreadyAnnounced(month);
    const person = (id: string) => before.nominees.find((n) => n.nominee.id === id)!.nominee;
    const winners = choice.winners.map(person);
    const award: Award = {
      teamId,
      month,
      winners,
      highlyCommended: choice.highlyCommended.map(person),
      citation: choice.citation.trim(),
      values: topValues(before.nominees.filter((n) => choice.winners.includes(n.nominee.id)).flatMap((n) => n.nominations)),
      announcedAt,
    };
    try {
      await this.repos.awards.put(award);
      const entry = (result: 'winner' | 'highly commended') => ({
        kind: 'award' as const,
        teamId,
        teamName: settings.teamName,
        month,
        result,
        citation: award.citation,
        values: award.values,
        announcedAt,
      });
      await Promise.all([
        ...award.winners.map((w) => this.repos.history.addAward(w.id, entry('winner'))),
        ...award.highlyCommended.map((p) => this.repos.history.addAward(p.id, entry('highly commended'))),
      ]);
    } catch (e) {
      // Let the lead try again: the box is only marked announced once the award is saved.
      await this.change(teamId, month, (r) => (r.announcedAt === announcedAt ? { ...r, announcedAt: undefined } : undefined)).catch(
        () => undefined,
      );
      throw e;
    }
    this.logger.info('star of the month announced', {
      teamId,
      month,
      winners: winners.length,
      highlyCommended: award.highlyCommended.length,
    });
    return { award, settings, review: await this.reviewOf(settings, month) };
  }

  private refuseWhenAnnounced(round: AwardRound): void {
    if (round.announcedAt) throw alreadyAnnounced(round.month);
  }

  private change(teamId: string, month: string, change: (r: AwardRound) => AwardRound | undefined) {
    return this.repos.awardRounds.update(newAwardRound(teamId, month, this.now()), (r) => {
      const next = change(r);
      return next && { ...next, updatedAt: this.now().toISOString() };
    });
  }

  /** The box as its leads see it (for the lead-only steps in TeamVoteService, which asked AccessPolicy already). */
  async reviewOf(settings: TeamSettings, month: string): Promise<BoxReview> {
    const teamId = settings.teamId;
    const [nominations, slips, awards, stored] = await Promise.all([
      this.repos.nominations.listBox(teamId, month),
      this.repos.slips.listBox(teamId, month),
      this.repos.awards.listTeam(teamId),
      this.repos.awardRounds.get(teamId, month),
    ]);
    const round = stored ?? newAwardRound(teamId, month, this.now());
    const byNominee = new Map<string, Nomination[]>();
    for (const n of nominations) byNominee.set(n.nominee.id, [...(byNominee.get(n.nominee.id) ?? []), n]);
    const nominees = [...byNominee.values()]
      .map((list): NomineeSummary => {
        const nominee = list[0].nominee;
        return {
          nominee,
          nominations: list.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
          slipCount: slips.filter((s) => s.visibility === 'team' && s.recipients.some((r) => r.id === nominee.id)).length,
          lastWonMonth: lastWin(awards, nominee.id, month)?.month,
          recentWinMonth: recentWin(awards, nominee.id, month, settings.repeatWinnerMonths)?.month,
        };
      })
      .sort((a, b) => b.nominations.length - a.nominations.length || a.nominee.name.localeCompare(b.nominee.name));
    const tally =
      round.finalTally ??
      (round.vote === 'not started' ? undefined : tallyVotes(await this.repos.votes.listBox(teamId, month), round.shortlist));
    return { settings, month, round, nominees, tally };
  }
}

const alreadyAnnounced = (month: string) =>
  new CodedError('conflict', `The star of the month for ${monthLabel(month)} has already been announced.`);

/** The values colleagues gave most often in the winners' nominations, up to three. */
function topValues(nominations: Nomination[]): string[] {
  const counts = new Map<string, number>();
  for (const n of nominations) for (const v of n.values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([v]) => v);
}
