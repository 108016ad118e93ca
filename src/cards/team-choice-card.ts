import template from '../../cards/team-choice.json';
import { attachment, expand, type CardAttachment } from './render';
import { safeName } from './safe-text';

/** Asks which team, for a lead of several; the button carries on with the chosen one. */
export function teamChoiceCard(v: {
  heading: string;
  text: string;
  button: string;
  verb: string;
  teams: Array<{ id: string; name: string }>;
  data?: Record<string, string>;
}): CardAttachment {
  return attachment(
    expand(template, {
      heading: v.heading,
      text: v.text,
      button: v.button,
      verb: v.verb,
      teams: v.teams.map((t) => ({ id: t.id, name: safeName(t.name) })),
      teamId: v.teams[0]?.id ?? '',
      data: v.data ?? {},
    }),
  );
}
