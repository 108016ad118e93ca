// Names and job titles are defused exactly as messages are: a typed web address must never
// become a live link on a card that looks as if the app wrote it.
import { safeName, userText } from '../../src/cards/safe-text';
import { slipCard, slipNotificationCard } from '../../src/cards/slip-card';
import type { Slip } from '../../src/domain/slip';

const ZWSP = '\u200B';

/** What Teams would turn into a link: a scheme, "www." or a dot joining two host-like parts. */
const linkable = (s: string) => /:\/\/|\bwww\.|[a-z0-9-]\.[a-z][a-z0-9-]*[a-z0-9]/i.test(s);

const ADDRESSES = [
  'https://evil.example',
  'http://evil.example/login',
  'www.evil.example',
  'WWW.Evil.Example',
  'evil.example/path',
  'go to evil.example/path?x=1 now',
  'sub.evil.example',
  'mailto:someone@evil.example',
];

describe('userText (messages)', () => {
  test.each(ADDRESSES)('%s is no longer an address, and reads the same', (text) => {
    const out = userText(text);
    expect(linkable(out)).toBe(false);
    expect(out.replaceAll(ZWSP, '')).toBe(text);
  });

  test.each(['Thanks, e.g. for the rota', 'It went up 3.5 per cent', 'Well done.', 'i.e. everyone'])(
    'ordinary text is left as it is: %s',
    (text) => {
      expect(userText(text)).toBe(text);
    },
  );

  test('defusing twice changes nothing more', () => {
    for (const text of ADDRESSES) expect(userText(userText(text))).toBe(userText(text));
  });
});

describe('safeName (names and job titles)', () => {
  test.each(ADDRESSES)('a name or title of %s is defused exactly as a message is', (text) => {
    expect(safeName(text)).toBe(userText(text));
    expect(linkable(safeName(text))).toBe(false);
  });

  test('markdown is still stripped, and the address inside it defused', () => {
    const out = safeName('[Click me](https://evil.example) **now**');
    expect(out).not.toMatch(/[[\]*]/);
    expect(linkable(out)).toBe(false);
  });

  test('ordinary names are unchanged; an empty one becomes "A colleague"', () => {
    expect(safeName('Amara Okafor')).toBe('Amara Okafor');
    expect(safeName("Siobhán O'Neill-Ng")).toBe("Siobhán O'Neill-Ng");
    expect(safeName('  ** ')).toBe('A colleague');
  });
});

describe('slip cards', () => {
  const sender = { id: 'aad-a', teamsId: '29:a', name: 'www.evil.example' };
  const recipient = { id: 'aad-s', teamsId: '29:s', name: 'Sam https://evil.example' };
  const slip: Slip = {
    id: 'slip-1',
    tenantId: 't',
    teamId: '19:team',
    month: '2026-11',
    conversationId: '19:chan',
    createdAt: '2026-11-24T10:15:00.000Z',
    sender,
    recipients: [recipient],
    message: 'Thank you, see evil.example/path',
    values: ['Team player'],
    visibility: 'private',
    cosigners: [{ id: 'aad-c', teamsId: '29:c', name: 'evil.example/path' }],
    notified: {},
  };

  /** Every shown string in the card that carries the address someone typed ("speak" is only read aloud). */
  const typed = (node: unknown, key = ''): string[] => {
    if (typeof node === 'string') return key !== 'speak' && /evil/i.test(node) ? [node] : [];
    if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => typed(v, Array.isArray(node) ? key : k));
    return [];
  };

  test('names and preferred job titles with addresses never become links on the slip card', () => {
    const card = slipCard({
      slip,
      titles: { 'aad-a': 'Lead at https://evil.example', 'aad-s': 'evil.example/path' },
      refreshUserIds: [],
      timeZone: 'Europe/London',
      teamName: 'www.evil.example',
    });
    const strings = typed(card.content);
    expect(strings.length).toBeGreaterThan(5);
    for (const s of strings) expect([s, linkable(s)]).toEqual([s, false]);
  });

  test('nor on the card each recipient gets', () => {
    const strings = typed(slipNotificationCard(slip, 'Europe/London', 'evil.example/path').content);
    expect(strings.length).toBeGreaterThan(2);
    for (const s of strings) expect([s, linkable(s)]).toEqual([s, false]);
  });
});
