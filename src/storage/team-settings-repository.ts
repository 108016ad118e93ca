import type { TeamSettings } from '../domain/team-settings';

export interface TeamSettingsRepository {
  get(teamId: string): Promise<TeamSettings | undefined>;
  /** Every team: for daily background jobs only (it reads the whole, small, settings table). */
  listAll(): Promise<TeamSettings[]>;
  /** Creates the settings if the team has none yet; returns what is stored. */
  ensure(settings: TeamSettings): Promise<TeamSettings>;
  update(teamId: string, change: (s: TeamSettings) => TeamSettings | undefined): Promise<TeamSettings | undefined>;
}
