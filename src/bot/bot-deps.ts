// What the bot's handlers are given: services and a logger, never storage clients directly.
import type { ILogger } from '../logger';
import type { ConversationDirectory } from '../services/conversation-directory';
import type { ProcessedActivityRepository } from '../storage/processed-activity-repository';

export interface BotDeps {
  logger: ILogger;
  directory: ConversationDirectory;
  processed: ProcessedActivityRepository;
  dedupeHours: number;
  now: () => Date;
}
