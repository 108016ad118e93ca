import type { TeamSettings } from '../domain/team-settings';

export interface TeamSettingsRepository {
  get(teamId: string): Promise<TeamSettings | undefined>;
  /** Creates the settings if the team has none yet; returns what is stored. */
  ensure(settings: TeamSettings): Promise<TeamSettings>;
  update(teamId: string, change: (s: TeamSettings) => TeamSettings | undefined): Promise<TeamSettings | undefined>;
}
