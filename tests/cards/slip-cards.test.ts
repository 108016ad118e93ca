// Every slip-related card, rendered from its template, passes the parser and our own checks,
// including at the largest sizes the product allows.
import { slipCard, slipNotificationCard, cosignLine } from '../../src/cards/slip-card';
import { slipFormCard } from '../../src/cards/slip-form-card';
import { slipNudgeCard } from '../../src/cards/slip-nudge-card';
import { noticeCard } from '../../src/cards/notice-card';
import { DEFAULT_VALUES } from '../../src/domain/values';
import type { Slip } from '../../src/domain/slip';
import type { PersonRef } from '../../src/domain/person';
import { cardProblems } from '../support/card-checks';

const person = (i: number): PersonRef => ({ id: `aad-${i}`, teamsId: `29:user-${i}`, name: `Colleague Number ${i} With A Longish Name` });
const amara: PersonRef = { id: 'aad-a', teamsId: '29:a', name: 'Amara Okafor' };
const sam: PersonRef = { id: 'aad-s', teamsId: '29:s', name: 'Sam Patel' };

const slip = (over: Partial<Slip> = {}): Slip => ({
  id: 'slip-1',
  tenantId: 't',
  teamId: '19:team',
  month: '2026-11',
  conversationId: '19:chan',
  createdAt: '2026-11-24T10:15:00.000Z',
  sender: amara,
  recipients: [sam],
  message: 'Thank you for covering my clinic at short notice',
  values: ['Team player'],
  visibility: 'team',
  cosigners: [],
  notified: {},
  ...over,
});

const form = (mode: 'task' | 'chat', over = {}) =>
  slipFormCard({
    mode,
    draftId: 'd1',
    recipients: [],
    message: '',
    values: [],
    visibility: 'team',
    teamId: '19:team',
    quote: '',
    people: [{ id: 'aad-s', name: 'Sam Patel' }],
    valueChoices: [...DEFAULT_VALUES],
    teams: [],
    errors: [],
    ...over,
  });

test.each(['task', 'chat'] as const)(
  'the form (%s) passes the checks, with a people picker and static choices for clients without one',
  (mode) => {
    const { content } = form(mode);
    expect(cardProblems(content)).toEqual([]);
    const picker = (content.body as any[]).find((b) => b.id === 'recipients');
    expect(picker['choices.data']).toEqual({ type: 'Data.Query', dataset: 'graph.microsoft.com/users' });
    expect(picker.isMultiSelect).toBe(true);
    expect(picker.choices).toEqual([{ title: 'Sam Patel', value: 'aad-s' }]);
    const [action] = content.actions as any[];
    expect(action.type).toBe(mode === 'task' ? 'Action.Submit' : 'Action.Execute');
    expect(action.data).toMatchObject({ verb: 'slip.submit', draftId: 'd1' });
  },
);

test('the form shows every error and keeps what was typed', () => {
  const { content } = form('chat', {
    errors: ['Please choose one, two or three values.', "You can't thank yourself"],
    message: 'Thanks **so** much',
    recipients: ['aad-s'],
    values: ['Team player'],
    teams: [
      { id: '19:a', name: 'A' },
      { id: '19:b', name: 'B' },
    ],
    teamId: '19:b',
  });
  expect(cardProblems(content)).toEqual([]);
  const json = JSON.stringify(content);
  expect(json).toContain('Please choose one, two or three values.');
  const byId = (id: string) => (content.body as any[]).find((b) => b.id === id);
  expect(byId('message').value).toBe('Thanks **so** much');
  expect(byId('recipients').value).toBe('aad-s');
  expect(byId('values').value).toBe('Team player');
  expect(byId('teamId').value).toBe('19:b');
});

test('the nudge card offers Edit and Post anyway and carries the draft', () => {
  const { content } = slipNudgeCard(
    'chat',
    {
      draftId: 'd1',
      recipients: ['aad-s'],
      message: 'She is just a support worker but amazing',
      values: ['Team player'],
      visibility: 'team',
      teamId: '19:t',
      quote: '',
    },
    [{ found: 'just a support worker', phrase: 'just a support worker', suggestion: 'their preferred title' }],
  );
  expect(cardProblems(content)).toEqual([]);
  const titles = (content.actions as any[]).map((a) => a.title);
  expect(titles).toEqual(['Edit', 'Post anyway']);
  expect((content.actions as any[])[1].data).toMatchObject({
    verb: 'slip.submit',
    postAnyway: 'true',
    message: 'She is just a support worker but amazing',
  });
});

test('the slip card mentions each recipient, shows titles and values, and offers Add my thanks to others only', () => {
  const s = slip({ recipients: [sam, person(2)], values: ['Team player', 'Skill and expertise'] });
  const everyone = slipCard({
    slip: s,
    titles: { 'aad-s': 'Physiotherapist' },
    refreshUserIds: ['29:a', '29:s'],
    timeZone: 'Europe/London',
    teamName: 'Therapies',
  }).content;
  expect(cardProblems(everyone)).toEqual([]);
  expect((everyone.msteams as any).entities).toEqual([
    { type: 'mention', text: '<at>Sam Patel</at>', mentioned: { id: '29:s', name: 'Sam Patel' } },
    {
      type: 'mention',
      text: '<at>Colleague Number 2 With A Longish Name</at>',
      mentioned: { id: '29:user-2', name: 'Colleague Number 2 With A Longish Name' },
    },
  ]);
  const json = JSON.stringify(everyone);
  expect(json).toContain('<at>Sam Patel</at> (Physiotherapist)');
  expect(json).toContain('Skill and expertise');
  expect(json).toContain('24 Nov 2026, 10:15');
  expect((everyone.refresh as any).userIds).toEqual(['29:a', '29:s']);
  expect((everyone.actions as any[]).map((a) => a.title)).toEqual(['Add my thanks']);
  for (const viewer of [amara, sam]) {
    const mine = slipCard({ slip: s, titles: {}, viewer, refreshUserIds: [], timeZone: 'Europe/London' }).content;
    expect(cardProblems(mine)).toEqual([]);
    expect(mine.actions).toEqual([]);
  }
});

test('user text cannot become links, images or formatting that passes as the app’s own', () => {
  const s = slip({
    message: '**URGENT** [reset your password](https://evil.example) ![x](https://evil.example/a.png) <at>Everyone</at> www.evil.example',
    quote: '[quote](http://x.example)',
    sender: { ...amara, name: '**Admin** [x](y)' },
  });
  const { content } = slipCard({ slip: s, titles: {}, refreshUserIds: [], timeZone: 'Europe/London' });
  expect(cardProblems(content)).toEqual([]);
  const textBlocks: string[] = [];
  const runs: string[] = [];
  const walk = (n: any) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.type === 'TextBlock') textBlocks.push(n.text);
    if (n.type === 'TextRun') runs.push(n.text);
    Object.values(n).forEach(walk);
  };
  walk(content.body);
  // The message is only ever in a TextRun (never markdown), and addresses are broken up.
  expect(textBlocks.join('\n')).not.toContain('evil');
  expect(runs.join('\n')).toContain('**URGENT**');
  expect(runs.join('\n')).not.toMatch(/https?:\/\//);
  expect(runs.join('\n')).not.toMatch(/www\./);
  expect(textBlocks.join('\n')).not.toContain('[x](y)');
});

test('with 10 recipients, 200 co-signers and the longest message the card names a few, counts the rest, and stays well under 28 KB', () => {
  const s = slip({
    recipients: Array.from({ length: 10 }, (_, i) => person(i)),
    cosigners: Array.from({ length: 200 }, (_, i) => person(100 + i)),
    message: 'x'.repeat(1000),
    quote: 'q'.repeat(200),
    values: DEFAULT_VALUES.slice(0, 3),
  });
  const { content } = slipCard({
    slip: s,
    titles: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`aad-${i}`, 'Therapy support worker'])),
    refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:user-${1000 + i}-abcdefghijklmnopqrstuvwxyz`),
    timeZone: 'Europe/London',
  });
  expect(cardProblems(content, { maxBytes: 20 * 1024 })).toEqual([]);
  expect(JSON.stringify(content)).toContain('and 195 others add their thanks too');
});

test('co-sign lines read naturally', () => {
  expect(cosignLine([])).toBe('');
  expect(cosignLine([sam])).toBe('Sam Patel adds their thanks too.');
  expect(cosignLine([sam, amara])).toBe('Sam Patel and Amara Okafor add their thanks too.');
});

test('the notification and notice cards pass the checks', () => {
  const s = slip({ recipients: [sam, person(3)], values: ['Team player'], quote: 'Can someone cover clinic?' });
  const n = slipNotificationCard(s, 'Europe/London', 'Therapies').content;
  expect(cardProblems(n)).toEqual([]);
  expect(JSON.stringify(n)).toContain('Amara Okafor thanked you and 1 colleague');
  expect(cardProblems(noticeCard('Sent', 'Your thanks is on its way.', 'good').content)).toEqual([]);
});

test('card views are stable', () => {
  expect(
    slipCard({
      slip: slip({ cosigners: [person(9)] }),
      titles: {},
      refreshUserIds: ['29:a'],
      timeZone: 'Europe/London',
      teamName: 'Therapies',
    }),
  ).toMatchSnapshot();
  expect(form('task')).toMatchSnapshot();
});
