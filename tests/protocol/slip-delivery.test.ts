// Notifications under Teams' throttling, and which team's box a slip lands in from a chat.
import { startHarness, type Harness } from '../support/harness';
import { textOf } from '../support/connector';
import { cardAction, conversationFor, installationUpdate, message, people, type TestPerson, member } from '../support/teams';
import { monthOf } from '../../src/domain/box';

let h: Harness;
const personalOf = (p: TestPerson) => conversationFor('personal', p).id;

beforeAll(async () => {
  // The Bot Framework client retries 429 and 5xx itself (from a fixed 1 s base, honouring
  // Retry-After) before the sender's own backoff sees them, so a 502 here costs real seconds.
  h = await startHarness();
  h.connector.members = Object.values(people).map(member);
  await Promise.all([people.sam, people.ola, people.priya].map((p) => h.post(installationUpdate({ serviceUrl: h.serviceUrl, from: p }))));
});
afterAll(() => h.stop());
beforeEach(() => h.connector.clear());

async function slipWithMessage(text: string) {
  const all = [];
  for (const team of ['', '19:team-a@thread.tacv2', '19:team-b@thread.tacv2'])
    all.push(...(await h.valued.repos.slips.listBox(team, monthOf(new Date()))));
  return all.find((s) => s.message === text);
}

test('a 429 with Retry-After is waited out and the notification still arrives', async () => {
  const conv = personalOf(people.sam);
  // 0.4 s rather than Teams' usual whole seconds: the same header, waited out twice sooner.
  h.connector.failNext({ status: 429, retryAfter: '0.4', times: 2, match: (r) => r.method === 'POST' && r.path.includes(conv) });
  const started = Date.now();
  await h.post(message('thanks @Sam for the cover', { serviceUrl: h.serviceUrl, from: people.jo, mentions: [people.sam] }));
  await h.valued.bot.sender.idle();
  expect(Date.now() - started).toBeGreaterThanOrEqual(800); // Retry-After honoured both times
  expect(h.connector.sent(conv).filter((r) => textOf(r.body).includes('Jo Williams thanked you'))).toHaveLength(1);
  expect((await slipWithMessage('for the cover'))?.notified[people.sam.aadObjectId]).toBe('sent');
});

test('a 502 is retried with backoff until it goes through', async () => {
  const conv = personalOf(people.ola);
  h.connector.failNext({ status: 502, times: 2, match: (r) => r.method === 'POST' && r.path.includes(conv) });
  await h.post(message('thanks @Ola for the spare chairs', { serviceUrl: h.serviceUrl, from: people.jo, mentions: [people.ola] }));
  await h.valued.bot.sender.idle();
  expect(h.connector.sent(conv)).toHaveLength(1);
  // Both failures were answered before the delivery that went through.
  expect((h.connector as any).faults.find((f: any) => f.status === 502).times).toBe(0);
  expect((await slipWithMessage('for the spare chairs'))?.notified[people.ola.aadObjectId]).toBe('sent');
});

test('another 4xx is not retried: the slip records "not notified" and the sender sees no error', async () => {
  const conv = personalOf(people.priya);
  h.connector.failNext({ status: 403, times: 5, match: (r) => r.method === 'POST' && r.path.includes(conv) });
  const a = message('thanks @Priya for the notes', { serviceUrl: h.serviceUrl, from: people.jo, mentions: [people.priya] });
  await h.post(a);
  await h.valued.bot.sender.idle();
  expect(h.connector.sent(a.conversation.id).some((r) => textOf(r.body).includes('for the notes'))).toBe(true);
  expect((await slipWithMessage('for the notes'))?.notified[people.priya.aadObjectId]).toBe('not notified');
  // One refused attempt was made, and it was not repeated.
  const fault = (h.connector as any).faults.find((f: any) => f.status === 403);
  expect(fault.times).toBe(4);
});

test('from a chat, the slip goes to the team chosen in the form, else the last team used; never a team that is not theirs', async () => {
  const now = Date.now();
  await h.valued.repos.memberships.record({
    personId: people.amara.aadObjectId,
    teamId: '19:team-a@thread.tacv2',
    teamName: 'Team A',
    lastUsedAt: new Date(now - 60_000).toISOString(),
  });
  await h.valued.repos.memberships.record({
    personId: people.amara.aadObjectId,
    teamId: '19:team-b@thread.tacv2',
    teamName: 'Team B',
    lastUsedAt: new Date(now).toISOString(),
  });

  const a = message('thanks', { serviceUrl: h.serviceUrl, from: people.amara });
  await h.post(a);
  const form = h.connector.sent(a.conversation.id)[0].body.attachments[0].content;
  const teamPicker = form.body.find((b: any) => b.id === 'teamId');
  expect(teamPicker.choices.map((c: any) => c.title)).toEqual(['Team B', 'Team A']);
  expect(teamPicker.value).toBe('19:team-b@thread.tacv2');

  const submit = (teamId: string, text: string) =>
    h.post(
      cardAction(
        'slip.submit',
        {
          draftId: `draft-${text.length}-${teamId.length}-abcdef`,
          recipients: people.sam.aadObjectId,
          message: text,
          values: 'Team player',
          visibility: 'team',
          teamId,
        },
        { serviceUrl: h.serviceUrl, from: people.amara },
      ),
    );
  await submit('19:team-a@thread.tacv2', 'Chosen team A');
  await submit('19:someone-elses-team@thread.tacv2', 'Not my team');
  expect((await slipWithMessage('Chosen team A'))?.teamId).toBe('19:team-a@thread.tacv2');
  // Team A is now the last used, so the unknown team falls back to it.
  expect((await slipWithMessage('Not my team'))?.teamId).toBe('19:team-a@thread.tacv2');
});

test('when Teams sends only the team id, the card still names the team: from team details, else from its settings', async () => {
  const teamId = '19:nameless-team@thread.tacv2';
  const inChannel = (text: string, mentions: TestPerson[]) => {
    const a: any = message(text, { serviceUrl: h.serviceUrl, where: 'channel', from: people.jo, mentions, mentionBot: true });
    a.channelData = { ...a.channelData, team: { id: teamId }, channel: { id: '19:nameless-general@thread.tacv2' } };
    a.conversation = { ...a.conversation, id: '19:nameless-general@thread.tacv2;messageid=1' };
    return a;
  };
  h.connector.teams[teamId] = 'Stroke Rehab Team';
  const first = inChannel('thanks @Sam for the transfer', [people.sam]);
  await h.post(first);
  expect(textOf(h.connector.sent(first.conversation.id)[0].body)).toContain('Stroke Rehab Team: this can be read out');
  expect((await h.valued.repos.teamSettings.get(teamId))?.teamName).toBe('Stroke Rehab Team');

  // Another instance, where team details cannot be had, falls back to the stored name.
  delete h.connector.teams[teamId];
  const other = await startHarness({ STORAGE_CONNECTION_STRING: h.azurite.connectionString });
  try {
    const second = inChannel('thanks @Ola for the hoist training', [people.ola]);
    second.serviceUrl = other.serviceUrl;
    other.connector.members = h.connector.members;
    await other.post(second);
    expect(textOf(other.connector.sent(second.conversation.id)[0].body)).toContain('Stroke Rehab Team: this can be read out');
  } finally {
    await other.stop();
  }
});
