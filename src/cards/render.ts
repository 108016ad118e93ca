// Cards are pure functions: a template from cards/ plus a view model gives an attachment.
import * as ACData from 'adaptivecards-templating';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD;
  content: Record<string, unknown>;
}

// Parsing a template's ${…} expressions is most of the cost of drawing a card, and a Template
// may be expanded again and again, so each template file is parsed once. (expand() is synchronous,
// so sharing an instance is safe.)
const parsed = new WeakMap<object, ACData.Template>();

export function expand(template: object, data: object): Record<string, unknown> {
  let compiled = parsed.get(template);
  if (!compiled) {
    compiled = new ACData.Template(template);
    parsed.set(template, compiled);
  }
  return compiled.expand({ $root: data }) as Record<string, unknown>;
}

export const attachment = (content: Record<string, unknown>): CardAttachment => ({ contentType: ADAPTIVE_CARD, content });
