// What the web pages (the personal tab, portfolio, exports, the governance digest) are given.
import type { Config } from '../config';
import type { MyRecognitionService } from '../services/my-recognition-service';
import type { ReflectionService } from '../services/reflection-service';
import type { LinkSigner } from '../services/link-signer';
import type { DataRightsService } from '../services/data-rights-service';
import type { ProfileRepository } from '../storage/profile-repository';
import type { ConversationRepository } from '../storage/conversation-repository';
import type { AccessPolicy } from '../services/access-policy';
import type { DigestService } from '../services/digest-service';
import type { DigestScheduler } from '../services/digest-scheduler';
import type { TeamJobs } from '../services/team-jobs';

export interface PageDeps {
  myRecognition: MyRecognitionService;
  /** The person's own tags and reflections, for /api/me/reflections and the portfolio by domain. */
  reflections: ReflectionService;
  links: LinkSigner;
  profiles: ProfileRepository;
  now: () => Date;
  config: Config;
  /** To find a person's display name for their portfolio (from their personal chat with the bot). */
  conversations?: ConversationRepository;
  dataRights: DataRightsService;
  /** The governance digest's read-out, printable page and CSV. */
  digests: DigestService;
  /** Who is a governance lead: asked again on every digest page, so a lead who stepped down loses access. */
  policy: AccessPolicy;
  /** Posts the digests that are due, for POST /api/jobs/digest. */
  digestScheduler: Pick<DigestScheduler, 'runDue'>;
  /** Closes votes on time and sends due reminders, also run by POST /api/jobs/digest. */
  teamJobs?: Pick<TeamJobs, 'runDue'>;
}
