// People's own words go into TextRuns, which Teams shows without markdown, so "**", "[x](y)"
// or "![](…)" stay literal. Teams still turns bare addresses into links; a zero-width space
// keeps a typed address from becoming a link that looks like it came from the app.
import { dateFormat } from '../domain/date-format';
const ZWSP = '\u200B';

// A dot joining two host-like parts ("evil.example/path", "nhs.uk"), but not "e.g." or "3.5".
const HOST_DOT = /([a-z0-9-])\.(?=[a-z][a-z0-9-]*[a-z0-9])/gi;

export function userText(s: string): string {
  return s
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
    .replace(HOST_DOT, `$1.${ZWSP}`);
}

/**
 * Names and job titles appear inside our own formatted text, so they lose markdown and tag
 * characters, and a typed address is defused just as it is in a message.
 */
export function safeName(s: string): string {
  const cleaned = s
    .replace(/[<>[\]*_`#|\\{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return cleaned ? userText(cleaned) : 'A colleague';
}

export { listOf } from '../domain/counting';

export function formatWhen(iso: string, timeZone: string): string {
  return dateFormat({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}
