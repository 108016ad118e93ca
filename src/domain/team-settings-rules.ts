// What a lead may set for their team, and the bounds that keep the settings sensible.
import { CodedError } from './errors';
import type { TeamSettings } from './team-settings';
import type { ReminderSettings } from './reminder-settings';

export const SETTINGS_LIMITS = {
  maxLeads: 20,
  minValues: 1,
  maxValues: 12,
  maxValueLength: 60,
  maxDigestDay: 28,
  maxPrizeText: 200,
  maxRepeatWinnerMonths: 24,
  minRetentionMonths: 1,
  maxRetentionMonths: 120,
} as const;

/** The settings a lead edits: everything but the team's identity and bookkeeping. */
export type TeamSettingsChange = Pick<
  TeamSettings,
  'leadIds' | 'governanceChannelId' | 'values' | 'digestDay' | 'prizeText' | 'voteEnabled' | 'repeatWinnerMonths' | 'retentionMonths'
> & { reminders?: ReminderSettings };

const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** `alwaysLeads`: leads named in configuration, who count whatever the list says. */
export function checkTeamSettingsChange(c: TeamSettingsChange, alwaysLeads: readonly string[]): CodedError[] {
  const L = SETTINGS_LIMITS;
  const problems: CodedError[] = [];
  if (c.leadIds.length === 0 && alwaysLeads.length === 0) {
    problems.push(
      new CodedError('invalid_input', 'Please keep at least one governance lead, so someone can run star of the month.', 'leadIds'),
    );
  } else if (c.leadIds.length > L.maxLeads) {
    problems.push(new CodedError('invalid_input', `Please choose up to ${L.maxLeads} governance leads.`, 'leadIds'));
  }
  if (c.values.length < L.minValues || c.values.length > L.maxValues) {
    problems.push(
      new CodedError('invalid_input', `Please give between ${L.minValues} and ${L.maxValues} values, one on each line.`, 'values'),
    );
  } else if (c.values.some((v) => v.length > L.maxValueLength)) {
    problems.push(new CodedError('invalid_input', `Please keep each value to ${L.maxValueLength} characters.`, 'values'));
  }
  if (!whole(c.digestDay, 0, L.maxDigestDay)) {
    problems.push(
      new CodedError(
        'invalid_input',
        `Please choose a digest day from 1 to ${L.maxDigestDay}, or 0 for the first working day.`,
        'digestDay',
      ),
    );
  }
  if (c.prizeText.length > L.maxPrizeText) {
    problems.push(new CodedError('invalid_input', `Please keep the prize to ${L.maxPrizeText} characters.`, 'prizeText'));
  }
  if (!whole(c.repeatWinnerMonths, 0, L.maxRepeatWinnerMonths)) {
    problems.push(
      new CodedError(
        'invalid_input',
        `Please choose a repeat-winner window from 0 to ${L.maxRepeatWinnerMonths} months (0 turns the warning off).`,
        'repeatWinnerMonths',
      ),
    );
  }
  if (!whole(c.retentionMonths, L.minRetentionMonths, L.maxRetentionMonths)) {
    problems.push(
      new CodedError(
        'invalid_input',
        `Please choose how long records are kept: ${L.minRetentionMonths} to ${L.maxRetentionMonths} months.`,
        'retentionMonths',
      ),
    );
  }
  return problems;
}
