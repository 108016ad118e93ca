// What the web pages (the personal tab, portfolio, exports) are given.
import type { Config } from '../config';
import type { HistoryService } from '../services/history-service';
import type { LinkSigner } from '../services/link-signer';
import type { DataRightsService } from '../services/data-rights-service';
import type { ProfileRepository } from '../storage/profile-repository';
import type { ConversationRepository } from '../storage/conversation-repository';

export interface PageDeps {
  history: HistoryService;
  links: LinkSigner;
  profiles: ProfileRepository;
  now: () => Date;
  config: Config;
  /** To find a person's display name for their portfolio (from their personal chat with the bot). */
  conversations?: ConversationRepository;
  dataRights: DataRightsService;
}
