// Cards are pure functions: a template from cards/ plus a view model gives an attachment.
import * as ACData from 'adaptivecards-templating';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD;
  content: Record<string, unknown>;
}

export function expand(template: object, data: object): Record<string, unknown> {
  return new ACData.Template(template).expand({ $root: data }) as Record<string, unknown>;
}

export const attachment = (content: Record<string, unknown>): CardAttachment => ({ contentType: ADAPTIVE_CARD, content });
