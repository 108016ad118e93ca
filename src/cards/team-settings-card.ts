import template from '../../cards/team-settings.json';
import type { TeamSettings } from '../domain/team-settings';
import { attachment, expand, type CardAttachment } from './render';
import { listOf, safeName } from './safe-text';

/** The channel choice meaning "no governance channel: wherever the team last used Valued". */
export const LAST_SEEN_CHANNEL = 'last-seen';

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
      speak: `${heading}. Governance leads, governance channel, values, digest day, prize, team vote, repeat-winner warning and how long records are kept.`,
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
      ref: { teamId: s.teamId },
    }),
  );
}
