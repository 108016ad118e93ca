// How reminders and vote results look in Teams: the cards, and where they go. What is sent and
// to whom is decided in services (ReminderService, TeamJobs); this only says it.
import type { Activity } from 'botbuilder';
import { DEFAULT_TIME_ZONE, monthLabel } from '../../domain/box';
import type { AwardRound } from '../../domain/award-round';
import type { PersonRef } from '../../domain/person';
import type { TeamSettings } from '../../domain/team-settings';
import { dayInWords, whenInWords, type LocalDate } from '../../domain/working-days';
import type { ILogger } from '../../logger';
import type { ConversationDirectory } from '../../services/conversation-directory';
import type { AwardNews, Notices, PersonalNotice } from '../../services/notices';
import { awardAnnouncementCard, nomineeCard, winnerCard, type AwardCardContext } from '../../cards/award-cards';
import { reminderCard } from '../../cards/reminder-card';
import { voteCard } from '../../cards/vote-card';
import { safeName } from '../../cards/safe-text';
import type { CardAttachment } from '../../cards/render';
import type { PersonalMessenger } from './personal-messenger';
import type { TeamsSender } from './teams-sender';

const zone = (s: TeamSettings) => s.timeZone || DEFAULT_TIME_ZONE;
const votes = (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`;

export class TeamsNotices implements Notices {
  constructor(
    private readonly deps: { directory: ConversationDirectory; sender: TeamsSender; personal: PersonalMessenger; logger: ILogger },
  ) {}

  tell(personId: string, notice: PersonalNotice): Promise<'sent' | 'not notified'> {
    const card = personalCard(notice);
    return this.deps.personal.tell(personId, { attachments: [card], summary: String(card.content.speak ?? '') }, notice.kind);
  }

  async nominationsClosing(settings: TeamSettings, v: { month: string; closesOn: LocalDate; count: number }): Promise<boolean> {
    const channel = await this.deps.directory.teamChannel(settings.teamId, settings.governanceChannelId);
    if (!channel) {
      this.deps.logger.warn('no channel for the nominations reminder', { teamId: settings.teamId });
      return false;
    }
    const card = reminderCard({
      heading: 'Star of the month',
      text: `Nominations for ${monthLabel(v.month)}’s star of the month close at the end of ${dayInWords(v.closesOn)}. ${v.count === 0 ? 'None yet.' : `${v.count} so far.`} Who made a difference this month?`,
      submits: [{ title: 'Nominate', data: { msteams: { type: 'task/fetch' }, verb: 'nomination.open' } }],
    });
    await this.deps.sender.send(channel.ref, { attachments: [card] }, 'nominations reminder');
    return true;
  }

  async announceAward(news: AwardNews): Promise<boolean> {
    const { settings, award } = news;
    const channel = await this.deps.directory.teamChannel(settings.teamId, settings.governanceChannelId);
    if (!channel) return false;
    const summary = `Star of the month: ${award.winners.map((w) => safeName(w.name)).join(', ')}`;
    await this.deps.sender.send(channel.ref, { attachments: [awardAnnouncementCard(awardContext(news))], summary }, 'award announcement');
    return true;
  }

  async showVoteCard(settings: TeamSettings, round: AwardRound, shortlist: PersonRef[]): Promise<void> {
    const card = round.voteCard;
    if (!card) return;
    const channel = await this.deps.directory.teamChannel(settings.teamId, card.channelId);
    if (!channel) return;
    const open = round.vote === 'open';
    const at = open ? round.voteClosesAt : (round.voteClosedAt ?? round.voteClosesAt);
    const activity: Partial<Activity> = {
      attachments: [
        voteCard({
          teamId: settings.teamId,
          teamName: settings.teamName,
          month: round.month,
          shortlist: open ? shortlist : [],
          open,
          timeZone: zone(settings),
          closesAt: at ? new Date(at) : undefined,
        }),
      ],
    };
    await this.deps.sender.update(channel.ref, card.activityId, activity, open ? 'vote card' : 'vote card closed');
  }
}

function personalCard(n: PersonalNotice): CardAttachment {
  switch (n.kind) {
    case 'vote open':
    case 'vote closing': {
      const { settings, month, shortlist, closesAt } = n.vote;
      return voteCard({
        teamId: settings.teamId,
        teamName: settings.teamName,
        month,
        shortlist,
        open: true,
        timeZone: zone(settings),
        closesAt,
        intro:
          n.kind === 'vote open'
            ? `${safeName(settings.teamName)}’s vote for ${monthLabel(month)} is open, and you can vote right here.`
            : `A gentle reminder: ${safeName(settings.teamName)}’s vote closes tomorrow, and there’s still time to have your say.`,
      });
    }
    case 'vote result': {
      const ranked = n.tally.counts.map((c) => ({ title: safeName(n.names[c.nomineeId] ?? 'A colleague'), value: votes(c.votes) }));
      return reminderCard({
        heading: `The vote for ${monthLabel(n.month)} has closed`,
        text: `${safeName(n.settings.teamName)}’s team vote closed on time, with ${votes(n.tally.total)} in all. Nobody can see who voted for whom.`,
        facts: ranked,
        footer: 'Nothing is shared with the team until you announce. Ties are your call.',
        executes: [{ title: 'Go to the review', verb: 'som.review', data: { teamId: n.settings.teamId, month: n.month } }],
      });
    }
    case 'digest ready':
      return reminderCard({
        heading: `${monthLabel(n.month)}’s digest is ready`,
        text: `The digest for ${safeName(n.settings.teamName)} is in the team’s channel, ready for your governance meeting. Open it with the button, or type **digest ${monthLabel(n.month)}** here.`,
        executes: [{ title: 'Open the digest', verb: 'digest.show', data: { teamId: n.settings.teamId, month: n.month } }],
      });
    case 'award to winner':
      return winnerCard(awardContext(n.award));
    case 'nominee reasons':
      return nomineeCard(awardContext(n.award), n.nominations);
    case 'monthly prompt':
      return reminderCard({
        heading: 'Has someone helped you this month?',
        text: 'A quick thank-you can make someone’s week. It only takes a moment.',
        submits: [{ title: 'Send thanks', data: { verb: 'openSlipForm' } }],
      });
  }
}

const awardContext = (n: AwardNews): AwardCardContext => ({
  award: n.award,
  teamName: n.settings.teamName,
  prizeText: n.settings.prizeText,
  nominationCount: n.nominationCount,
});

/** The vote's closing time in words, for the review card's notices. */
export const closingInWords = (settings: TeamSettings, iso: string | undefined) => (iso ? whenInWords(new Date(iso), zone(settings)) : '');
