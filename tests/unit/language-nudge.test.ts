import { findNudges } from '../../src/domain/language-nudge';
import data from '../../src/domain/language-nudge-phrases.json';

const phrases = data.phrases;
const found = (text: string) => findNudges(text, phrases).map((n) => n.phrase);

test.each([
  ['Thanks to Amara, who is just a support worker but ran the whole group', ['just a support worker']],
  ['She is JUST A SUPPORT WORKER?! No way, she is brilliant', ['just a support worker']],
  ['just   a  support-worker , and yet she led the session', ['just a support worker']],
  ['even though he is unqualified he spotted the pressure sore', ['unqualified']],
  ['Great work from our non-qualified staff this week', ['non-qualified']],
  ['Great work from our non qualified staff', ['non-qualified']],
  ['Our Non‑Qualified colleagues were amazing', ['non-qualified']], // a non-breaking hyphen splits words too
  ['Thanks to my assistant for the notes', ['my assistant']],
  ['Thanks to my support worker, Ola', ['my support worker']],
  ['she is just an assistant, they said. Not to us!', ['just an assistant']],
  ['“Unqualified”, they called her. Wrong.', ['unqualified']],
])('%s', (text, expected) => {
  expect(found(text)).toEqual(expected);
});

test.each([
  'Thanks for supporting a qualified nurse on the ward round',
  'Sam, our assistant practitioner, made the clinic run on time',
  'Thanks to my assistant practitioner colleague for the handover',
  'She is just brilliant as a support worker',
  'Thanks for supporting me while I qualified last year',
  'The team player award goes to our support workers',
  'My assistance request was handled in minutes',
  'He was just assisting with the transfer',
])('does not nudge: %s', (text) => {
  expect(found(text)).toEqual([]);
});

test('each nudge names what was typed, as typed, and a kinder alternative', () => {
  const [n] = findNudges('Big thanks, she is Just A Support Worker on paper only', phrases);
  expect(n.found).toBe('Just A Support Worker');
  expect(n.suggestion).toMatch(/preferred title/);
});

test('the data file covers every phrase the brief names', () => {
  const names = phrases.map((p) => p.phrase);
  for (const p of ['just a support worker', 'just an assistant', 'unqualified', 'non-qualified', 'my assistant', 'my support worker'])
    expect(names).toContain(p);
});
