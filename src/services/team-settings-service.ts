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

  /**
   * `read`: turns the submitted card into a change, given the current settings; any problem it
   * finds (a value the card never offered) refuses the whole save, like any other problem.
   */
  async update(
    actorId: string,
    teamId: string,
    read: (
      current: TeamSettings,
    ) => { change: TeamSettingsChange; problems: CodedError[] } | Promise<{ change: TeamSettingsChange; problems: CodedError[] }>,
  ): Promise<{ settings: TeamSettings; problems: CodedError[] }> {
    const current = await this.policy.requireLead(actorId, teamId, 'settings');
    const { change, problems: unoffered } = await read(current);
    const problems = [...unoffered, ...checkTeamSettingsChange(change, this.policy.alwaysLeads)];
    if (problems.length) {
      this.logger.info('team settings refused; nothing saved', { teamId, fields: problems.map((p) => p.field ?? '') });
      return { settings: current, problems };
    }
    const saved = await this.repo.update(teamId, (s) => ({
      ...s,
      ...change,
      reminders: change.reminders ?? s.reminders,
      governanceChannelId: change.governanceChannelId || undefined,
      updatedAt: this.now().toISOString(),
    }));
    this.logger.info('team settings changed', { teamId, leads: change.leadIds.length, voteEnabled: change.voteEnabled });
    return { settings: saved ?? current, problems: [] };
  }
}
