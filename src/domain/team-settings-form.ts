// Reads a submitted settings card. Every field must be something the card offered: a channel
// from its list, a toggle's on or off, a choice from its choices, a number in its range. A value
// the card never offered (say, governance channel `true`) is refused and nothing is saved.
import { CodedError } from './errors';
import { REMINDER_CHOICES, remindersOf, type ReminderSettings } from './reminder-settings';
import type { TeamSettings } from './team-settings';
import type { TeamSettingsChange } from './team-settings-rules';

/** The channel choice meaning "no governance channel: wherever the team last used Valued". */
export const LAST_SEEN_CHANNEL = 'last-seen';

const ID = /^[\w:.@;=-]{1,200}$/;
type Raw = Record<string, unknown>;

const NOT_OFFERED = (what: string) =>
  `The ${what} you sent wasn’t one of the choices on the card. Please choose from the list and save again. Nothing was saved.`;

export interface SettingsOffer {
  /** The channels the card listed (besides "wherever the team last used Valued"). */
  channelIds: readonly string[];
}

export function readTeamSettingsForm(
  raw: unknown,
  current: TeamSettings,
  offer: SettingsOffer,
): { change: TeamSettingsChange; problems: CodedError[] } {
  const d: Raw = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Raw) : {};
  const problems: CodedError[] = [];
  const refuse = (field: string, what: string) => problems.push(new CodedError('invalid_input', NOT_OFFERED(what), field));
  const text = (key: string, max: number): string => {
    const v = d[key];
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string' && typeof v !== 'number') {
      refuse(key, 'value');
      return '';
    }
    return String(v).slice(0, max);
  };
  const num = (key: string): number => {
    const v = text(key, 20).trim();
    return v === '' ? NaN : Number(v);
  };
  // A toggle sends its valueOn or valueOff; one the card never had is refused. Left out: unchanged.
  const toggle = (key: string, was: boolean, what: string): boolean => {
    const v = d[key];
    if (v === undefined) return was;
    if (v === true || v === 'true') return true;
    if (v === false || v === 'false') return false;
    refuse(key, what);
    return was;
  };
  const choice = <K extends keyof typeof REMINDER_CHOICES>(key: K, was: number, what: string): number => {
    if (d[key] === undefined) return was;
    const v = text(key, 20).trim();
    const n = Number(v);
    if (v === '' || !(REMINDER_CHOICES[key] as readonly number[]).includes(n)) {
      refuse(key, what);
      return was;
    }
    return n;
  };

  const channel = text('governanceChannelId', 200).trim();
  let governanceChannelId = current.governanceChannelId;
  if (channel === LAST_SEEN_CHANNEL || (channel === '' && d.governanceChannelId !== undefined)) governanceChannelId = undefined;
  else if (channel) {
    if (offer.channelIds.includes(channel) && ID.test(channel)) governanceChannelId = channel;
    else refuse('governanceChannelId', 'governance channel');
  }

  const leadText = text('leadIds', 20_000);
  const leadIds = [
    ...new Set(
      leadText
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (leadIds.some((id) => !ID.test(id))) refuse('leadIds', 'list of governance leads');

  const was = remindersOf(current);
  const reminders: ReminderSettings = {
    voteDays: choice('voteDays', was.voteDays, 'vote length'),
    voteCloseHour: choice('voteCloseHour', was.voteCloseHour, 'closing time'),
    nominationsReminderDays: choice('nominationsReminderDays', was.nominationsReminderDays, 'nominations reminder'),
    remindVoteOpen: toggle('remindVoteOpen', was.remindVoteOpen, 'vote open reminder'),
    remindVoteClosing: toggle('remindVoteClosing', was.remindVoteClosing, 'vote closing reminder'),
    remindDigestReady: toggle('remindDigestReady', was.remindDigestReady, 'digest ready reminder'),
    monthlyPrompt: toggle('monthlyPrompt', was.monthlyPrompt, 'monthly prompt'),
  };

  return {
    change: {
      leadIds: leadIds.filter((id) => ID.test(id)).slice(0, 50),
      governanceChannelId,
      values: [
        ...new Set(
          text('values', 5000)
            .split(/\r?\n/)
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ],
      digestDay: num('digestDay'),
      prizeText: text('prizeText', 1000).trim(),
      voteEnabled: toggle('voteEnabled', false, 'team vote setting'),
      repeatWinnerMonths: num('repeatWinnerMonths'),
      retentionMonths: num('retentionMonths'),
      reminders,
    },
    problems,
  };
}
