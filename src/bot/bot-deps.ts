// What the bot's handlers are given: services and a logger, never storage clients directly.
import type { ILogger } from '../logger';
import type { ConversationDirectory } from '../services/conversation-directory';
import type { SlipService } from '../services/slip-service';
import type { BoxChooser } from '../services/box-chooser';
import type { ProcessedActivityRepository } from '../storage/processed-activity-repository';
import type { TeamSettingsRepository } from '../storage/team-settings-repository';
import type { SenderOptions } from './outbound/teams-sender';
import type { StarOfTheMonthServices } from './star-of-the-month/star-deps';
import type { MyRecognitionService } from '../services/my-recognition-service';
import type { ReflectionService } from '../services/reflection-service';
import type { LinkSigner } from '../services/link-signer';
import type { ProfileService } from '../services/profile-service';
import type { DataRightsService } from '../services/data-rights-service';
import type { DigestService } from '../services/digest-service';
import type { RosterService, RosterSource } from '../services/roster-service';
import type { ConversationStarter, PersonalReach } from '../services/personal-reach';
import type { Notices } from '../services/notices';
import type { ReminderService } from '../services/reminder-service';

export interface BotDeps {
  logger: ILogger;
  /** Star of the month: nominations, the award, team settings and who leads. */
  star: StarOfTheMonthServices;
  directory: ConversationDirectory;
  processed: ProcessedActivityRepository;
  /** Read only: to name a team when Teams sends just its id. */
  teamSettings: TeamSettingsRepository;
  slips: SlipService;
  boxes: BoxChooser;
  dedupeHours: number;
  timeZone: string;
  now: () => Date;
  senderOptions?: SenderOptions;
  myRecognition: MyRecognitionService;
  /** Each person's own tags and reflections on the thank-yous they received. */
  reflections: ReflectionService;
  links: LinkSigner;
  /** Base address for links in cards. */
  publicUrl: () => string;
  profiles: ProfileService;
  dataRights: DataRightsService;
  /** The monthly governance digest of a box, for leads. */
  digests: DigestService;
  /** Built by the composition root around the bot's own way of listing a team's members. */
  makeRoster(source: RosterSource): RosterService;
  /** Built by the composition root around the bot's own way of starting 1:1 chats. */
  makeReach(starter: ConversationStarter): PersonalReach;
  /** Built by the composition root around the bot's way of saying reminders. */
  makeReminders(notices: Notices): ReminderService;
}
