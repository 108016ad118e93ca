// What the star of the month handlers are given.
import type { ILogger } from '../../logger';
import type { ConversationDirectory } from '../../services/conversation-directory';
import type { BoxChooser } from '../../services/box-chooser';
import type { NominationService } from '../../services/nomination-service';
import type { AwardService } from '../../services/award-service';
import type { TeamSettingsService } from '../../services/team-settings-service';
import type { AccessPolicy } from '../../services/access-policy';
import type { SlipService } from '../../services/slip-service';
import type { TeamsSender } from '../outbound/teams-sender';
import type { PersonalMessenger } from '../outbound/personal-messenger';
import type { TeamVoteService } from '../../services/team-vote-service';
import type { ReminderService } from '../../services/reminder-service';
import type { Notices } from '../../services/notices';
import type { AwardTelling } from '../../services/award-telling';

export interface StarDeps {
  logger: ILogger;
  directory: ConversationDirectory;
  boxes: BoxChooser;
  slips: SlipService;
  nominations: NominationService;
  awards: AwardService;
  votes: TeamVoteService;
  teamSettings: TeamSettingsService;
  policy: AccessPolicy;
  sender: TeamsSender;
  /** Personal messages, through a 1:1 chat Valued starts when the person never wrote first. */
  personal: PersonalMessenger;
  /** Reminders and vote results, said in Teams. */
  notices: Notices;
  reminders: ReminderService;
  /** Who is told about an award, and how. */
  awardTelling: AwardTelling;
  timeZone: string;
}

/** The services star of the month adds to the bot's dependencies. */
export type StarOfTheMonthServices = Pick<StarDeps, 'nominations' | 'awards' | 'votes' | 'teamSettings' | 'policy'>;
