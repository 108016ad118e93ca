// Reads what a slip form, nudge card or preview sends back. Invoke data comes from outside,
// so every field is checked for type and size before anything uses it.
import type { SlipFormFields } from '../cards/slip-form-card';

export interface ReadForm {
  fields: SlipFormFields;
  postAnyway: boolean;
  /** Set when the data was not what our cards send: shown kindly, and logged. */
  malformed?: string;
}

const MAX_FIELD = 5000;
const ID = /^[\w:.@;=\-]{1,200}$/;

function text(raw: Record<string, unknown>, key: string, max = MAX_FIELD): { value: string; bad?: string } {
  const v = raw[key];
  if (v === undefined || v === null) return { value: '' };
  if (typeof v !== 'string') return { value: '', bad: `${key} is not text` };
  if (v.length > max) return { value: v.slice(0, max), bad: `${key} is too long` };
  return { value: v };
}

function list(raw: Record<string, unknown>, key: string): { value: string[]; bad?: string } {
  const t = text(raw, key);
  if (t.bad) return { value: [], bad: t.bad };
  const items = [
    ...new Set(
      t.value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length > 50) return { value: items.slice(0, 50), bad: `${key} has too many items` };
  return { value: items };
}

export function readSlipForm(raw: unknown, fallbackDraftId: string): ReadForm {
  const data = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const note = (r: { bad?: string }) => r.bad && problems.push(r.bad);

  const recipients = list(data, 'recipients');
  note(recipients);
  const badIds = recipients.value.filter((id) => !ID.test(id));
  if (badIds.length) problems.push('recipients has an id that is not one');
  const values = list(data, 'values');
  note(values);
  const message = text(data, 'message');
  note(message);
  const quote = text(data, 'quote', 300);
  note(quote);
  const teamId = text(data, 'teamId', 200);
  note(teamId);
  const draft = text(data, 'draftId', 64);
  const visibility = data.visibility === 'private' ? 'private' : 'team';
  if (data.visibility !== undefined && data.visibility !== 'team' && data.visibility !== 'private')
    problems.push('visibility is not team or private');

  return {
    fields: {
      draftId: /^[\w-]{8,64}$/.test(draft.value) ? draft.value : fallbackDraftId,
      recipients: recipients.value.filter((id) => ID.test(id)),
      message: message.value,
      values: values.value,
      visibility,
      teamId: teamId.value,
      quote: quote.value,
    },
    postAnyway: data.postAnyway === true || data.postAnyway === 'true',
    malformed: problems.length ? problems.join('; ') : undefined,
  };
}
