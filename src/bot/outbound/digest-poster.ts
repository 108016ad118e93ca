// Puts the month's digest card in the team's governance channel for the scheduler. Everyone in
// the channel sees it, so it carries no links: its "Open read-out (leads)" button gives a lead
// their own signed links, for them alone. Telling the leads is a reminder (ReminderService).
import type { Digest } from '../../domain/digest';
import { monthLabel } from '../../domain/box';
import type { TeamSettings } from '../../domain/team-settings';
import type { ILogger } from '../../logger';
import type { ConversationDirectory } from '../../services/conversation-directory';
import type { DigestPoster } from '../../services/digest-scheduler';
import { digestCard } from '../../cards/digest-card';
import { safeName } from '../../cards/safe-text';
import type { TeamsSender } from './teams-sender';

export interface DigestPosterDeps {
  directory: ConversationDirectory;
  sender: TeamsSender;
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
    return id;
  }
}
