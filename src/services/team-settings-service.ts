// Leads change their team's settings here; AccessPolicy decides who is a lead.
import type { CodedError } from '../domain/errors';
import type { TeamSettings } from '../domain/team-settings';
import { checkTeamSettingsChange, type TeamSettingsChange } from '../domain/team-settings-rules';
import type { TeamSettingsRepository } from '../storage/team-settings-repository';
import type { ILogger } from '../logger';
import type { AccessPolicy } from './access-policy';

export class TeamSettingsService {
  constructor(
    private readonly repo: TeamSettingsRepository,
    private readonly policy: AccessPolicy,
    private readonly logger: ILogger,
    private readonly now: () => Date,
  ) {}

  /** The settings, for a lead to edit. */
  forLead(actorId: string, teamId: string): Promise<TeamSettings> {
    return this.policy.requireLead(actorId, teamId, 'settings');
  }

  async update(actorId: string, teamId: string, change: TeamSettingsChange): Promise<{ settings: TeamSettings; problems: CodedError[] }> {
    const current = await this.policy.requireLead(actorId, teamId, 'settings');
    const problems = checkTeamSettingsChange(change, this.policy.alwaysLeads);
    if (problems.length) return { settings: current, problems };
    const saved = await this.repo.update(teamId, (s) => ({
      ...s,
      ...change,
      governanceChannelId: change.governanceChannelId || undefined,
      updatedAt: this.now().toISOString(),
    }));
    this.logger.info('team settings changed', { teamId, leads: change.leadIds.length, voteEnabled: change.voteEnabled });
    return { settings: saved ?? current, problems: [] };
  }
}
