import template from '../../cards/team-settings.json';
import type { TeamSettings } from '../domain/team-settings';
import { attachment, expand, type CardAttachment } from './render';
import { listOf, safeName } from './safe-text';

import { LAST_SEEN_CHANNEL } from '../domain/team-settings-form';
import { REMINDER_CHOICES, remindersOf } from '../domain/reminder-settings';

export { LAST_SEEN_CHANNEL };

const hourInWords = (h: number) => (h === 12 ? 'midday' : h < 12 ? `${h}am` : `${h - 12}pm`);
const options = (values: readonly number[], title: (n: number) => string) => values.map((n) => ({ value: String(n), title: title(n) }));

export interface TeamSettingsCardView {
  settings: TeamSettings;
  /** Team members (and current leads) to choose leads from. */
  people: Array<{ id: string; name: string }>;
  /** Channels Valued knows for the team. */
  channels: Array<{ id: string; name: string }>;
  /** Names of leads set in configuration, who are always leads. */
  alwaysLeads: string[];
  notice?: string;
  errors?: string[];
}

export function teamSettingsCard(v: TeamSettingsCardView): CardAttachment {
  const s = v.settings;
  const heading = `Valued settings for ${safeName(s.teamName)}`;
  return attachment(
    expand(template, {
      speak: `${heading}. Governance leads, governance channel, values, digest day, prize, team vote, repeat-winner warning, how long records are kept, the team vote’s timing and reminders.`,
      heading,
      notice: v.notice ?? '',
      errors: v.errors ?? [],
      leadIds: s.leadIds.join(','),
      people: v.people.map((p) => ({ id: p.id, name: safeName(p.name) })),
      alwaysLeads: v.alwaysLeads.length ? `Also always a lead, set by your IT team: ${listOf(v.alwaysLeads.map(safeName))}.` : '',
      governanceChannelId: s.governanceChannelId ?? LAST_SEEN_CHANNEL,
      channels: [
        { id: LAST_SEEN_CHANNEL, name: 'Wherever the team last used Valued' },
        ...v.channels.map((c) => ({ id: c.id, name: safeName(c.name) })),
      ],
      values: s.values.join('\n'),
      digestDay: s.digestDay,
      prizeText: s.prizeText,
      voteEnabled: s.voteEnabled ? 'true' : 'false',
      repeatWinnerMonths: s.repeatWinnerMonths,
      retentionMonths: s.retentionMonths,
      ...reminderFields(s),
      ref: { teamId: s.teamId },
    }),
  );
}

function reminderFields(s: TeamSettings) {
  const r = remindersOf(s);
  const flag = (b: boolean) => (b ? 'true' : 'false');
  return {
    voteDays: String(r.voteDays),
    voteDayChoices: options(REMINDER_CHOICES.voteDays, (n) => (n === 1 ? '1 working day' : `${n} working days`)),
    voteCloseHour: String(r.voteCloseHour),
    hourChoices: options(REMINDER_CHOICES.voteCloseHour, hourInWords),
    nominationsReminderDays: String(r.nominationsReminderDays),
    nominationChoices: options(REMINDER_CHOICES.nominationsReminderDays, (n) =>
      n < 0 ? 'Never' : `${n} working ${n === 1 ? 'day' : 'days'} before the month’s last working day`,
    ),
    remindVoteOpen: flag(r.remindVoteOpen),
    remindVoteClosing: flag(r.remindVoteClosing),
    remindDigestReady: flag(r.remindDigestReady),
    monthlyPrompt: flag(r.monthlyPrompt),
  };
}
