import type { Repositories } from '../repositories';
import { DocTable } from './doc-table';
import { TableStore } from './table-store';
import { TableSlipRepository } from './table-slip-repository';
import { TableHistoryRepository } from './table-history-repository';
import {
  TableConversationRepository,
  TableMembershipRepository,
  TableProfileRepository,
  TableTeamSettingsRepository,
} from './table-people-repositories';
import { TableAwardRepository, TableNominationRepository, TableVoteRepository } from './table-award-repositories';
import { TableProcessedActivityRepository } from './table-processed-activity-repository';
import { TableAwardRoundRepository } from './table-award-round-repository';
import { TableRateLimitRepository } from './table-rate-limit-repository';
import { TableDigestPostRepository } from './table-digest-post-repository';
import { TableRosterRepository } from './table-roster-repository';
import { TableReflectionRepository } from './table-reflection-repository';
import { TableNoticeLogRepository } from './table-notice-log-repository';

export function createTableRepositories(store: TableStore): Repositories {
  const doc = <T>(name: Parameters<TableStore['table']>[0]) => new DocTable<T>(store.table(name));
  return {
    slips: new TableSlipRepository(doc('slips')),
    history: new TableHistoryRepository(doc('history')),
    profiles: new TableProfileRepository(doc('profiles')),
    teamSettings: new TableTeamSettingsRepository(doc('teamsettings')),
    memberships: new TableMembershipRepository(doc('memberships')),
    conversations: new TableConversationRepository(doc('conversations')),
    processed: new TableProcessedActivityRepository(doc('processed')),
    nominations: new TableNominationRepository(doc('nominations')),
    votes: new TableVoteRepository(doc('votes')),
    awards: new TableAwardRepository(doc('awards')),
    awardRounds: new TableAwardRoundRepository(doc('awardrounds')),
    // The sending window lives in the sender's history partition, beside what they sent.
    rateLimits: new TableRateLimitRepository(doc('history')),
    digestPosts: new TableDigestPostRepository(doc('digestposts')),
    rosters: new TableRosterRepository(doc('rosters')),
    reflections: new TableReflectionRepository(doc('reflections')),
    noticeLog: new TableNoticeLogRepository(doc('notices')),
  };
}
