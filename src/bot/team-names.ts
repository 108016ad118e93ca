// Teams often sends only a team's id, not its name (the Agents Playground never sends it).
// Before a turn runs, a missing name is filled in from Teams' team details (once per team per
// process), or else from the team's stored settings, so cards and records name the team.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { TeamSettingsRepository } from '../storage/team-settings-repository';
import type { ILogger } from '../logger';

import { PLACEHOLDER_TEAM_NAME } from '../domain/team-settings';

const MAX_CACHED = 10_000;

export class TeamNames {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly teamSettings: TeamSettingsRepository,
    private readonly logger: ILogger,
  ) {}

  async fillIn(context: TurnContext): Promise<void> {
    const team = (context.activity.channelData as { team?: { id?: unknown; name?: unknown } } | undefined)?.team;
    if (!team || typeof team.id !== 'string') return;
    if (typeof team.name === 'string' && team.name) return void this.remember(team.id, team.name);
    let name = this.cache.get(team.id);
    if (!name) {
      try {
        name = (await TeamsInfo.getTeamDetails(context))?.name ?? undefined;
      } catch (e) {
        this.logger.debug('team details unavailable', { err: (e as Error).message });
      }
    }
    if (!name) {
      const stored = (await this.teamSettings.get(team.id))?.teamName;
      name = stored && stored !== PLACEHOLDER_TEAM_NAME ? stored : undefined;
    }
    if (name) {
      this.remember(team.id, name);
      team.name = name;
    }
  }

  private remember(teamId: string, name: string): void {
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(teamId, name);
  }
}
