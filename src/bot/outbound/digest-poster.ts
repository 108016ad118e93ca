// Puts the month's digest card in the team's governance channel for the scheduler. Everyone in
// the channel sees it, so it carries no links: its "Open read-out (leads)" button gives a lead
// their own signed links, for them alone.
import type { Digest } from '../../domain/digest';
import { monthLabel } from '../../domain/box';
import type { TeamSettings } from '../../domain/team-settings';
import type { ILogger } from '../../logger';
import type { ConversationDirectory } from '../../services/conversation-directory';
import type { DigestPoster } from '../../services/digest-scheduler';
import { digestCard } from '../../cards/digest-card';
import { safeName } from '../../cards/safe-text';
import { noticeCard } from '../../cards/notice-card';
import type { TeamsSender } from './teams-sender';
import type { PersonalMessenger } from './personal-messenger';

export interface DigestPosterDeps {
  directory: ConversationDirectory;
  sender: TeamsSender;
  /** Tells each lead personally that the digest is ready (a 1:1 chat is started if need be). */
  personal: PersonalMessenger;
  leadsOf(settings: TeamSettings): string[];
  wantsNotifications(personId: string): Promise<boolean>;
  logger: ILogger;
}

export class TeamsDigestPoster implements DigestPoster {
  constructor(private readonly deps: DigestPosterDeps) {}

  async hasPlace(settings: TeamSettings): Promise<boolean> {
    return !!(await this.deps.directory.teamChannel(settings.teamId, settings.governanceChannelId));
  }

  /** The posted message's id; undefined when Valued knows no channel of the team. A failed send throws, so the scheduler can try again. */
  async post(settings: TeamSettings, digest: Digest): Promise<string | undefined> {
    const channel = await this.deps.directory.teamChannel(settings.teamId, settings.governanceChannelId);
    if (!channel) {
      this.deps.logger.warn('no channel to post the digest in', { teamId: settings.teamId, month: digest.month });
      return undefined;
    }
    const summary = `${safeName(digest.teamName)}: digest for ${monthLabel(digest.month)}`;
    const id = await this.deps.sender.send(channel.ref, { attachments: [digestCard({ digest })], summary }, 'digest');
    this.deps.logger.info('digest posted', { teamId: settings.teamId, month: digest.month, channelId: channel.channelId });
    // Posted once per box (the scheduler's claim), so each lead is told once.
    void this.deps.sender
      .background(this.tellLeads(settings, digest))
      .catch((e) => this.deps.logger.warn('leads not told of the digest', { err: (e as Error).message }));
    return id;
  }

  private async tellLeads(settings: TeamSettings, digest: Digest): Promise<void> {
    const month = monthLabel(digest.month);
    const card = noticeCard(
      `${month}’s digest is ready`,
      `The digest for ${safeName(digest.teamName)} is in the team’s channel. To open the read-out for your governance meeting, type **digest ${month}** here.`,
      'good',
    );
    await Promise.all(
      this.deps.leadsOf(settings).map(async (id) => {
        if (await this.deps.wantsNotifications(id)) await this.deps.personal.tell(id, { attachments: [card] }, 'digest ready');
      }),
    );
  }
}
