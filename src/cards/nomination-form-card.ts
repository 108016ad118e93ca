import template from '../../cards/nomination-form.json';
import type { Slip } from '../domain/slip';
import { attachment, expand, type CardAttachment } from './render';
import { actionType, stripTaskVerb, type FormMode } from './slip-form-card';
import { safeName } from './safe-text';

export interface NominationFormFields {
  nominee: string;
  reason: string;
  values: string[];
  anonymous: boolean;
  slipIds: string[];
  teamId: string;
  /** The box the form was opened for: a late submit says where it went instead. */
  month: string;
}

export interface NominationFormView extends NominationFormFields {
  mode: FormMode;
  teamName: string;
  monthLabel: string;
  people: Array<{ id: string; name: string }>;
  valueChoices: string[];
  /** The box's team-visible slips that may be attached. */
  slips: Slip[];
  teams: Array<{ id: string; name: string }>;
  errors: string[];
}

const SLIP_TITLE = 90;

function slipTitle(slip: Slip, showRecipient: boolean): string {
  const to = showRecipient ? `To ${slip.recipients.map((r) => safeName(r.name)).join(', ')}: ` : '';
  const text = `${to}“${slip.message.replace(/\s+/g, ' ')}” from ${safeName(slip.sender.name)}`;
  return text.length > SLIP_TITLE ? `${text.slice(0, SLIP_TITLE - 1)}…` : text;
}

export function nominationFormCard(v: NominationFormView): CardAttachment {
  const content = expand(template, {
    speak: 'Nominate a colleague for star of the month. Choose who, say why, and pick any values they showed.',
    intro: `For ${safeName(v.teamName)}, ${v.monthLabel}. Say what they did and why it mattered: your governance lead reads every nomination.`,
    errors: v.errors,
    nominee: v.nominee,
    people: v.people.map((p) => ({ id: p.id, name: safeName(p.name) })),
    reason: v.reason,
    values: v.values.join(','),
    valueChoices: v.valueChoices,
    slips: v.slips.map((s) => ({ id: s.id, title: slipTitle(s, !v.nominee) })),
    slipIds: v.slipIds.join(','),
    anonymous: v.anonymous ? 'true' : 'false',
    teams: v.teams.map((t) => ({ id: t.id, name: safeName(t.name) })),
    teamId: v.teamId,
    submitType: actionType(v.mode),
    submitData: { verb: 'nomination.submit', month: v.month, ...(v.teams.length <= 1 ? { teamId: v.teamId } : {}) },
  });
  stripTaskVerb(content, v.mode);
  return attachment(content);
}
