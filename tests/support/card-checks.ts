// Checks every card must pass: the adaptivecards parser reports no validation events, plus the
// things it does not check (empty text, size, something for screen readers).
import * as AC from 'adaptivecards';

export const MAX_CARD_BYTES = 28 * 1024;

export function cardProblems(card: Record<string, unknown>, options: { maxBytes?: number } = {}): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  const validation = parsed.validateProperties();
  for (const v of validation.validationEvents) problems.push(`validate: ${v.message}`);

  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > (options.maxBytes ?? MAX_CARD_BYTES)) problems.push(`card is ${bytes} bytes`);
  if (typeof card.speak !== 'string' || card.speak.trim() === '') problems.push('no speak text for screen readers');

  const walk = (n: unknown, path: string) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach((c, i) => walk(c, `${path}[${i}]`));
    const o = n as Record<string, unknown>;
    if (o.type === 'TextBlock' && (typeof o.text !== 'string' || o.text.trim() === '')) problems.push(`empty TextBlock at ${path}`);
    if (o.type === 'Image' && !o.altText) problems.push(`image without altText at ${path}`);
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && !o.label) problems.push(`input without a label at ${path}`);
    if (typeof o.text === 'string' && o.text.includes('${')) problems.push(`unexpanded template at ${path}`);
    Object.entries(o).forEach(([k, v]) => walk(v, `${path}.${k}`));
  };
  walk(card, '$');
  return problems;
}
