// The lead's review of a box, in their personal chat: "nominations [YYYY-MM]". Every button
// updates the card in place (Universal Actions); a refusal is shown inside the card.
import type { Application, AdaptiveCard } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { guarded } from '../guarded';
import { actorOf, scopeOf } from '../activity-info';
import { turnLog } from '../turn-log';
import { CodedError, isCodedError } from '../../domain/errors';
import { isMonth, monthLabel, nextMonth } from '../../domain/box';
import type { PersonRef } from '../../domain/person';
import type { BoxReview } from '../../services/award-service';
import { nominationReviewCard } from '../../cards/nomination-review-card';
import { teamChoiceCard } from '../../cards/team-choice-card';
import { voteCard } from '../../cards/vote-card';
import { readAwardChoice, readBoxRef, readShortlist, readTeamId, readVoteDays, asRecord, type BoxRef } from './invoke-data';
import { REMINDER_CHOICES, remindersOf } from '../../domain/reminder-settings';
import { closingInWords } from '../outbound/team-notices';
import type { StarDeps } from './star-deps';
import { allOf } from '../../domain/counting';

export const REVIEW = /^\s*nominations\b\s*(\S*)\s*$/i;
export const REVIEW_ONLY_PERSONAL =
  'Nominations are only shown in your personal chat with Valued, so they stay private. Open a chat with Valued and type nominations there.';
export const NOT_A_LEAD =
  'Only governance leads can see all the nominations. If you think you should be one, ask a lead of your team to add you in Valued’s settings.';
const NO_CHANNEL =
  'I couldn’t find a channel of this team to post in. Please use Valued once in the team’s channel (for example, type @Valued help there), then try again.';
export const BUTTON_FAILED = 'Sorry, that button didn’t work. Please type nominations to see the latest.';

const ACTIONS = [
  'som.shortlist',
  'som.openVote',
  'som.closeVote',
  'som.extendVote',
  'som.saveAward',
  'som.announce',
  'som.closeBox',
] as const;
type ReviewAction = (typeof ACTIONS)[number];

export class Reviewing {
  constructor(private readonly deps: StarDeps) {}

  private card(review: BoxReview, extra: { notice?: string; error?: string } = {}): AdaptiveCard {
    return nominationReviewCard({
      review,
      timeZone: review.settings.timeZone || this.deps.timeZone,
      voteLengths: REMINDER_CHOICES.voteDays.map((days) => ({ days, closesAt: this.deps.votes.closingTime(review.settings, days) })),
      defaultVoteDays: remindersOf(review.settings).voteDays,
      ...extra,
    }).content as AdaptiveCard;
  }

  /** The teams this person leads, of those they have used Valued in. */
  async ledTeams(personId: string): Promise<Array<{ id: string; name: string }>> {
    const { teams } = await this.deps.boxes.choicesFor(personId);
    return this.deps.policy.teamsLedBy(personId, teams);
  }

  private async act(
    context: TurnContext,
    action: ReviewAction,
    ref: BoxRef,
    data: unknown,
    actor: PersonRef,
  ): Promise<{ review: BoxReview; notice: string }> {
    const { awards } = this.deps;
    const label = monthLabel(ref.month);
    switch (action) {
      case 'som.shortlist': {
        const review = await awards.shortlist(actor.id, ref.teamId, ref.month, readShortlist(data));
        return { review, notice: review.round.shortlist.length ? 'Shortlist saved.' : 'Shortlist cleared.' };
      }
      case 'som.openVote': {
        const settings = await this.deps.policy.requireLead(actor.id, ref.teamId, 'vote');
        const channel = await this.deps.directory.teamChannel(ref.teamId, settings.governanceChannelId);
        if (!channel) throw new CodedError('not_found', NO_CHANNEL);
        const review = await this.deps.votes.open(actor.id, ref.teamId, ref.month, readVoteDays(data));
        const closesAt = new Date(review.round.voteClosesAt!);
        const activityId = await this.deps.sender.send(
          channel.ref,
          {
            attachments: [
              voteCard({
                teamId: ref.teamId,
                teamName: settings.teamName,
                month: ref.month,
                shortlist: this.shortlist(review),
                open: true,
                timeZone: settings.timeZone || this.deps.timeZone,
                closesAt,
              }),
            ],
          },
          'vote card',
        );
        if (activityId) await this.deps.votes.recordVoteCard(ref.teamId, ref.month, { channelId: channel.channelId, activityId });
        // Members hear it personally, once (the scheduler tries again if this fails).
        void this.deps.sender
          .background(this.deps.reminders.voteOpened(settings, ref.month))
          .catch((e) => this.deps.logger.warn('vote open reminder failed', { err: (e as Error).message }));
        return {
          review,
          notice: `The team vote is open until ${closingInWords(settings, review.round.voteClosesAt)}: the vote card is in the team channel. Only leads see the counts, here, until the award.`,
        };
      }
      case 'som.closeVote': {
        const review = await this.deps.votes.closeEarly(actor.id, ref.teamId, ref.month);
        this.redrawVoteCard(review);
        return { review, notice: 'The team vote is closed. The result is below; the team sees it only when you announce.' };
      }
      case 'som.extendVote': {
        const review = await this.deps.votes.extend(actor.id, ref.teamId, ref.month, readVoteDays(data) ?? NaN);
        this.redrawVoteCard(review);
        return {
          review,
          notice: `The vote now closes on ${closingInWords(review.settings, review.round.voteClosesAt)}. A vote can be extended once.`,
        };
      }
      case 'som.saveAward':
        return {
          review: await awards.saveChoice(actor.id, ref.teamId, ref.month, readAwardChoice(data)),
          notice: 'Saved. Nothing is shared until you press Announce.',
        };
      case 'som.announce': {
        const announcement = await awards.announce(actor.id, ref.teamId, ref.month, readAwardChoice(data));
        this.redrawVoteCard(announcement.review);
        const log = turnLog(context, this.deps.logger);
        void this.deps.sender
          .background(this.deps.awardTelling.tellEveryone(announcement))
          .catch((e) => log.error('announcing failed', { err: (e as Error).message }));
        const n = announcement.review.nominees.length;
        return {
          review: announcement.review,
          notice: `Announced in the team channel. The ${announcement.award.winners.length > 1 ? 'winners are' : 'winner is'} being told personally, and ${allOf(n, 'nominee', 'nominees')} ${n === 1 ? 'is' : 'are'} getting what colleagues said about them.`,
        };
      }
      case 'som.closeBox':
        return {
          review: await awards.closeNominations(actor.id, ref.teamId, ref.month),
          notice: `Nominations for ${label} are closed. New nominations go into the box for ${monthLabel(nextMonth(ref.month))}.`,
        };
    }
  }

  private shortlist(review: BoxReview) {
    return review.nominees.filter((n) => review.round.shortlist.includes(n.nominee.id)).map((n) => n.nominee);
  }

  /** The channel's vote card, redrawn closed or with its new closing time. */
  private redrawVoteCard(review: BoxReview): void {
    void this.deps.sender
      .background(this.deps.notices.showVoteCard(review.settings, review.round, this.shortlist(review)))
      .catch((e) => this.deps.logger.warn('could not redraw the vote card', { err: (e as Error).message }));
  }

  register(app: Application): void {
    const logger = this.deps.logger;

    app.message(REVIEW, async (context) => {
      const actor = actorOf(context.activity);
      if (!actor) return;
      if (scopeOf(context.activity) !== 'personal') {
        await context.sendActivity(REVIEW_ONLY_PERSONAL);
        return;
      }
      const asked = (REVIEW.exec(context.activity.text ?? '')?.[1] ?? '').trim();
      if (asked && !isMonth(asked)) {
        await context.sendActivity('Please give the month as year and month, for example: nominations 2026-05');
        return;
      }
      const teams = await this.ledTeams(actor.id);
      if (teams.length === 0) {
        await context.sendActivity(NOT_A_LEAD);
        return;
      }
      if (teams.length > 1) {
        await context.sendActivity({
          attachments: [
            teamChoiceCard({
              heading: 'Which team’s nominations?',
              text: 'You are a governance lead of more than one team.',
              button: 'Show nominations',
              verb: 'som.review',
              teams,
              data: asked ? { month: asked } : {},
            }),
          ],
        });
        return;
      }
      const review = await this.deps.awards.review(actor.id, teams[0].id, asked || undefined);
      await context.sendActivity({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: this.card(review) }] });
    });

    app.adaptiveCards.actionExecute(
      'som.review',
      guarded(logger, async (context, _state, data) => {
        const actor = actorOf(context.activity);
        const teamId = readTeamId(data);
        const month = asRecord(data).month;
        if (!actor || !teamId) return BUTTON_FAILED;
        return this.card(await this.deps.awards.review(actor.id, teamId, typeof month === 'string' && isMonth(month) ? month : undefined));
      }),
    );

    for (const action of ACTIONS) {
      app.adaptiveCards.actionExecute(
        action,
        guarded(logger, async (context, _state, data) => {
          const actor = actorOf(context.activity);
          const ref = readBoxRef(data);
          if (!actor || !ref) {
            turnLog(context, logger).warn('malformed review action', { action });
            return BUTTON_FAILED;
          }
          try {
            const { review, notice } = await this.act(context, action, ref, data, actor);
            turnLog(context, logger).info('review action', { action, teamId: ref.teamId, month: ref.month });
            return this.card(review, { notice });
          } catch (e) {
            if (!isCodedError(e)) throw e;
            const message = e.userMessage;
            // Shown inside the card for a lead; anyone else just gets the refusal.
            const review = await this.deps.awards.review(actor.id, ref.teamId, ref.month).catch(() => undefined);
            turnLog(context, logger).info('review action refused', { action, reason: message });
            return review ? this.card(review, { error: message }) : message;
          }
        }),
      );
    }
  }
}
