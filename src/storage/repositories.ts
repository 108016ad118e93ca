// Everything services need from storage, wired once in the composition root.
import type { AwardRepository } from './award-repository';
import type { ConversationRepository } from './conversation-repository';
import type { HistoryRepository } from './history-repository';
import type { MembershipRepository } from './membership-repository';
import type { NominationRepository } from './nomination-repository';
import type { ProcessedActivityRepository } from './processed-activity-repository';
import type { ProfileRepository } from './profile-repository';
import type { SlipRepository } from './slip-repository';
import type { TeamSettingsRepository } from './team-settings-repository';
import type { VoteRepository } from './vote-repository';
import type { AwardRoundRepository } from './award-round-repository';
import type { RateLimitRepository } from './rate-limit-repository';
import type { DigestPostRepository } from './digest-post-repository';
import type { RosterRepository } from './roster-repository';
import type { ReflectionRepository } from './reflection-repository';
import type { NoticeLogRepository } from './notice-log-repository';

export interface Repositories {
  slips: SlipRepository;
  history: HistoryRepository;
  profiles: ProfileRepository;
  teamSettings: TeamSettingsRepository;
  memberships: MembershipRepository;
  conversations: ConversationRepository;
  processed: ProcessedActivityRepository;
  nominations: NominationRepository;
  votes: VoteRepository;
  awards: AwardRepository;
  awardRounds: AwardRoundRepository;
  /** How many slips and nominations each person sent this hour. */
  rateLimits: RateLimitRepository;
  /** The scheduled digest of each box: who is posting it, and once posted, the message id. */
  digestPosts: DigestPostRepository;
  /** When each team's roster was last read from Teams, and who is reading it. */
  rosters: RosterRepository;
  /** Each person's own tags and reflections on the slips they received: private to them. */
  reflections: ReflectionRepository;
  /** Which reminders and vote results were sent, so none is sent twice. */
  noticeLog: NoticeLogRepository;
}

/** Whether storage answers, for /healthz. */
export interface StorageHealth {
  check(): Promise<{ ok: true } | { ok: false; reason: string }>;
}
