import template from '../../cards/slip-form.json';
import type { Visibility } from '../domain/slip';
import { attachment, expand, type CardAttachment } from './render';
import { safeName, userText } from './safe-text';

/** Where the form is shown: a task module (Action.Submit) or a chat card (Action.Execute, updates in place). */
export type FormMode = 'task' | 'chat';

export interface SlipFormFields {
  draftId: string;
  recipients: string[];
  message: string;
  values: string[];
  visibility: Visibility;
  teamId: string;
  quote: string;
}

export interface SlipFormView extends SlipFormFields {
  mode: FormMode;
  people: Array<{ id: string; name: string }>;
  valueChoices: string[];
  teams: Array<{ id: string; name: string }>;
  errors: string[];
}

export const actionType = (mode: FormMode): string => (mode === 'task' ? 'Action.Submit' : 'Action.Execute');

/** The fields that travel with an action, so a card without inputs can carry a draft. */
export function draftData(f: SlipFormFields): Record<string, string> {
  return {
    draftId: f.draftId,
    recipients: f.recipients.join(','),
    message: f.message,
    values: f.values.join(','),
    visibility: f.visibility,
    teamId: f.teamId,
    quote: f.quote,
  };
}

export function slipFormCard(v: SlipFormView): CardAttachment {
  const content = expand(template, {
    heading: 'Send a thank-you',
    speak: 'Send a thank-you. Choose who to thank, say what for, and pick the values they showed.',
    errors: v.errors,
    quote: userText(v.quote),
    people: v.people.map((p) => ({ id: p.id, name: safeName(p.name) })),
    recipients: v.recipients.join(','),
    message: v.message,
    values: v.values.join(','),
    valueChoices: v.valueChoices,
    visibility: v.visibility,
    teams: v.teams.map((t) => ({ id: t.id, name: safeName(t.name) })),
    teamId: v.teamId,
    submitType: actionType(v.mode),
    // The inputs are merged into this on submit; the hidden fields keep the draft's identity.
    submitData: { verb: 'slip.submit', draftId: v.draftId, quote: v.quote, ...(v.teams.length <= 1 ? { teamId: v.teamId } : {}) },
  });
  stripTaskVerb(content, v.mode);
  return attachment(content);
}

// Action.Submit has no verb property (the verb travels in data); Action.Execute needs one.
export function stripTaskVerb(content: Record<string, unknown>, mode: FormMode): void {
  if (mode !== 'task') return;
  for (const a of (content.actions as Array<Record<string, unknown>>) ?? []) delete a.verb;
}
