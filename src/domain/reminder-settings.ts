// A team's vote timing and kind reminders: each reminder can be turned off, and each has a
// default a team starts from (older settings records have none of these fields yet).
import type { TeamSettings } from './team-settings';

export interface ReminderSettings {
  /** How many working days a team vote runs for, unless the lead chooses otherwise. */
  voteDays: number;
  /** The hour (local) a vote closes at. */
  voteCloseHour: number;
  /** Working days before the month's last working day to remind the channel; -1 for never. */
  nominationsReminderDays: number;
  /** Tell members personally when a vote opens. */
  remindVoteOpen: boolean;
  /** Tell members who haven't voted, the day before the vote closes. */
  remindVoteClosing: boolean;
  /** Tell leads personally when the digest is in the channel. */
  remindDigestReady: boolean;
  /** "Has someone helped you this month?", once a month, to members who sent no slip. */
  monthlyPrompt: boolean;
}

export const DEFAULT_REMINDERS: ReminderSettings = {
  voteDays: 3,
  voteCloseHour: 17,
  nominationsReminderDays: 2,
  remindVoteOpen: true,
  remindVoteClosing: true,
  remindDigestReady: true,
  monthlyPrompt: false,
};

/** The choices the settings card offers; a submitted value must be one of these. */
export const REMINDER_CHOICES = {
  voteDays: [1, 2, 3, 4, 5, 10],
  voteCloseHour: [9, 12, 13, 15, 16, 17],
  nominationsReminderDays: [-1, 1, 2, 3, 5],
} as const;

/** Local time of day the reminders go out at. */
export const REMINDER_HOUR = { nominationsClosing: 9, voteClosing: 9, monthlyPrompt: 10 } as const;
/** The monthly prompt goes out on this day of the month, or the next working day. */
export const MONTHLY_PROMPT_DAY = 15;

export function remindersOf(s: Pick<TeamSettings, 'reminders'>): ReminderSettings {
  return { ...DEFAULT_REMINDERS, ...(s.reminders ?? {}) };
}
