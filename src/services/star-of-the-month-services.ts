// Builds star of the month's services from the repositories, so the composition root needs one line.
import type { Repositories } from '../storage/repositories';
import type { ILogger } from '../logger';
import { AccessPolicy } from './access-policy';
import { NominationService } from './nomination-service';
import { AwardService } from './award-service';
import { TeamSettingsService } from './team-settings-service';
import { TeamVoteService } from './team-vote-service';
import type { SendRateLimit } from './send-rate-limit';

export function starOfTheMonthServices(
  repos: Repositories,
  options: { firstLeadIds: readonly string[]; timeZone: string; logger: ILogger; now: () => Date; rateLimit?: SendRateLimit },
) {
  const { logger, now } = options;
  const policy = new AccessPolicy(repos.teamSettings, options.firstLeadIds, repos.memberships);
  const awards = new AwardService(repos, policy, logger.child('awards'), now);
  return {
    policy,
    nominations: new NominationService(repos, logger.child('nominations'), now, options.timeZone, options.rateLimit, policy),
    awards,
    votes: new TeamVoteService(repos, awards, policy, logger.child('votes'), now),
    teamSettings: new TeamSettingsService(repos.teamSettings, policy, logger.child('settings'), now),
  };
}
