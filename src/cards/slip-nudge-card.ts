import template from '../../cards/slip-nudge.json';
import type { Nudge } from '../domain/language-nudge';
import { attachment, expand, type CardAttachment } from './render';
import { actionType, draftData, stripTaskVerb, type FormMode, type SlipFormFields } from './slip-form-card';
import { userText } from './safe-text';

/** Points out wording with kinder alternatives; the sender edits or posts anyway. */
export function slipNudgeCard(mode: FormMode, draft: SlipFormFields, nudges: Nudge[], extra: Record<string, string> = {}): CardAttachment {
  const data = { ...draftData(draft), ...extra };
  const content = expand(template, {
    speak: `A gentle thought before you post. ${nudges.map((n) => `You wrote ${n.found}. You could say ${n.suggestion} instead.`).join(' ')}`,
    nudges: nudges.map((n) => ({ found: userText(n.found), suggestion: n.suggestion })),
    message: userText(draft.message),
    submitType: actionType(mode),
    editData: { ...data, verb: 'slip.edit' },
    postData: { ...data, verb: 'slip.submit', postAnyway: 'true' },
  });
  stripTaskVerb(content, mode);
  return attachment(content);
}
