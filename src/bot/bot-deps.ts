// What the bot's handlers are given: services and a logger, never storage clients directly.
import type { ILogger } from '../logger';
import type { ConversationDirectory } from '../services/conversation-directory';
import type { SlipService } from '../services/slip-service';
import type { BoxChooser } from '../services/box-chooser';
import type { ProcessedActivityRepository } from '../storage/processed-activity-repository';
import type { SenderOptions } from './outbound/teams-sender';

export interface BotDeps {
  logger: ILogger;
  directory: ConversationDirectory;
  processed: ProcessedActivityRepository;
  slips: SlipService;
  boxes: BoxChooser;
  dedupeHours: number;
  timeZone: string;
  now: () => Date;
  senderOptions?: SenderOptions;
}
