// Per-team governance settings, with the defaults a new team starts from.
import { DEFAULT_VALUES } from './values';
import { DEFAULT_TIME_ZONE } from './box';
import type { ReminderSettings } from './reminder-settings';

/** What a team is called until its real name is known. */
export const PLACEHOLDER_TEAM_NAME = 'your team';

export interface TeamSettings {
  teamId: string;
  teamName: string;
  tenantId: string;
  /** Person ids of the governance leads. */
  leadIds: string[];
  governanceChannelId?: string;
  values: string[];
  /** Day of the month the digest is posted (0: first working day). */
  digestDay: number;
  prizeText: string;
  voteEnabled: boolean;
  repeatWinnerMonths: number;
  retentionMonths: number;
  timeZone: string;
  /** Vote timing and reminders; missing fields take the defaults (see remindersOf). */
  reminders?: Partial<ReminderSettings>;
  updatedAt: string;
  /** Set when Valued was removed from the team (or the team deleted): its scheduled jobs stop until it is added again. */
  removedAt?: string;
}

/** `firstLeadIds`: the leads named in configuration (FIRST_LEAD_IDS), so a new team has someone to run it. */
export function defaultTeamSettings(
  teamId: string,
  teamName: string,
  tenantId: string,
  now: Date,
  firstLeadIds: readonly string[] = [],
): TeamSettings {
  return {
    teamId,
    teamName,
    tenantId,
    leadIds: [...firstLeadIds],
    values: [...DEFAULT_VALUES],
    digestDay: 0,
    prizeText: '',
    voteEnabled: false,
    repeatWinnerMonths: 6,
    retentionMonths: 24,
    timeZone: DEFAULT_TIME_ZONE,
    updatedAt: now.toISOString(),
  };
}
