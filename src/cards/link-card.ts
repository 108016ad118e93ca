import template from '../../cards/link.json';
import eraseTemplate from '../../cards/confirm-erase.json';
import { attachment, expand, type CardAttachment } from './render';

/** A heading, a sentence and one button that opens a page. */
export function linkCard(heading: string, text: string, button: string, url: string): CardAttachment {
  return attachment(expand(template, { heading, text, button, url }));
}

export function confirmEraseCard(): CardAttachment {
  return attachment(expand(eraseTemplate, {}));
}
