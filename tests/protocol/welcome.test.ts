// The foundation's behaviour over the real protocol: install, help, fallback, references.
import { QUICK_STORAGE_RETRY, startHarness, type Harness } from '../support/harness';
import { textOf } from '../support/connector';
import { botAdded, conversationFor, installationUpdate, message, people } from '../support/teams';

let h: Harness;
beforeAll(async () => {
  // A private Azurite: a test stops it to take storage away.
  h = await startHarness({}, { storageRetry: QUICK_STORAGE_RETRY }, { private: true });
});
afterAll(() => h.stop());
beforeEach(() => h.connector.clear());

const welcomeIn = (activity: any) =>
  activity.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive' && textOf(activity).includes('Welcome to Valued');

test.each(['personal', 'groupChat', 'channel'] as const)('help answers with the welcome card in %s', async (where) => {
  const a = message('help', { serviceUrl: h.serviceUrl, where, mentionBot: where !== 'personal' });
  const res = await h.post(a);
  expect(res.status).toBe(200);
  await h.connector.waitFor(() => h.connector.sent(a.conversation.id).length > 0);
  const [reply] = h.connector.sent(a.conversation.id);
  expect(reply.activityId).toBe(a.id); // a threaded reply to the message
  expect(welcomeIn(reply.body)).toBe(true);
  expect(textOf(reply.body)).toMatch(/thank colleagues/);
});

test('installing in a personal chat welcomes once and saves where the person can be reached', async () => {
  const from = people.sam;
  await h.post(installationUpdate({ serviceUrl: h.serviceUrl, from }));
  await h.post(botAdded({ serviceUrl: h.serviceUrl, from }));
  await h.post(botAdded({ serviceUrl: h.serviceUrl, from })); // Teams repeats this event
  const conv = conversationFor('personal', from).id;
  expect(h.connector.sent(conv).filter((r) => welcomeIn(r.body))).toHaveLength(1);
  const ref = await h.valued.repos.conversations.getPersonal(from.aadObjectId);
  expect((ref?.conversation as any)?.id).toBe(conv);
  expect(ref?.serviceUrl).toBe(h.serviceUrl);
});

test('adding the bot to a team welcomes the channel and sets the team up with default settings', async () => {
  const a = botAdded({ serviceUrl: h.serviceUrl, from: people.jo, where: 'channel' });
  await h.post(a);
  expect(h.connector.sent(a.conversation.id).some((r) => welcomeIn(r.body))).toBe(true);
  const settings = await h.valued.repos.teamSettings.get('19:therapies-team@thread.tacv2');
  expect(settings?.teamName).toBe('Therapies Team');
  expect(settings?.values).toContain('Above and beyond for patients');
  expect(
    await h.valued.repos.conversations.getChannel('19:therapies-team@thread.tacv2', '19:therapies-general@thread.tacv2'),
  ).toBeDefined();
});

test('something unknown gets a polite pointer to help', async () => {
  const a = message('what is the weather like', { serviceUrl: h.serviceUrl });
  await h.post(a);
  await h.connector.waitFor(() => h.connector.sent(a.conversation.id).length > 0);
  expect(textOf(h.connector.sent(a.conversation.id)[0].body)).toMatch(/Type \*\*help\*\*/);
});

test('a redelivered message is answered once', async () => {
  const a = message('help', { serviceUrl: h.serviceUrl, from: people.ola });
  await h.post(a);
  await h.post(a);
  expect(h.connector.sent(a.conversation.id)).toHaveLength(1);
  expect(h.logs.entries.some((e) => e.msg === 'redelivered activity ignored' && e.data?.activityId === a.id)).toBe(true);
});

test('every log line of a turn carries its activity id', async () => {
  const a = message('help', { serviceUrl: h.serviceUrl, from: people.priya });
  h.logs.entries.length = 0;
  await h.post(a);
  await h.post(a);
  const turnLines = h.logs.entries.filter((e) => e.name === 'turn');
  expect(turnLines.length).toBeGreaterThan(0);
  expect(turnLines.every((e) => e.data?.activityId === a.id)).toBe(true);
});

test('a malformed body gets a 4xx and the server keeps serving', async () => {
  const bad = await fetch(`${h.valued.http.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"type": "message", ',
  });
  expect(bad.status).toBeGreaterThanOrEqual(400);
  expect(bad.status).toBeLessThan(500);
  const empty = await h.post({});
  expect(empty.status).toBeLessThan(500);
  const health = await fetch(`${h.valued.http.url}/healthz`);
  expect(health.status).toBe(200);
});

test('/healthz says 503 with the reason while storage is down, and 200 again when it is back', async () => {
  await h.azurite.stop();
  const down = await fetch(`${h.valued.http.url}/healthz`);
  expect(down.status).toBe(503);
  expect((await down.json()).reason).toMatch(/storage/);
  await h.azurite.restart();
  await h.valued.store.ensureTables();
  const up = await fetch(`${h.valued.http.url}/healthz`);
  expect(up.status).toBe(200);
});

test.each(['/', '/privacy', '/terms'])('the page the manifest links to at %s is served', async (path) => {
  const res = await fetch(`${h.valued.http.url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  const html = await res.text();
  expect(html).toContain('<html lang="en-GB">');
  if (path === '/privacy') expect(html).toContain('What Valued stores');
});
