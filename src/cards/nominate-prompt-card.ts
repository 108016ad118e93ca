import template from '../../cards/nominate-prompt.json';
import { attachment, expand, type CardAttachment } from './render';
import { safeName } from './safe-text';

/**
 * Posted where someone typed "@Valued nominate" in a shared conversation: the form itself opens
 * in a dialog just for the person who presses the button, so what they write stays private.
 */
export function nominatePromptCard(v: { nomineeName?: string; data: Record<string, string> }): CardAttachment {
  const who = v.nomineeName ? safeName(v.nomineeName) : 'a colleague';
  return attachment(
    expand(template, {
      text: `Anyone can nominate ${who} for this month’s star of the month. The form opens just for you, and your governance lead reads every nomination.`,
      data: { msteams: { type: 'task/fetch' }, verb: 'nomination.open', ...v.data },
    }),
  );
}
