// A slip completed by the retry of the same request: storage fails after the slip row is saved,
// the person presses Send again, and the retry finishes what the first attempt never did (the
// history entries, the sender's sent index, and the recipients' personal notifications),
// without doing twice anything that was done. Redeliveries never tell anyone twice.
import { RestError } from '@azure/data-tables';
import { startHarness, type Harness } from '../support/harness';
import { textOf } from '../support/connector';
import { cardAction, conversationFor, installationUpdate, people, type TestPerson, member } from '../support/teams';
import { STORAGE_DOWN_MESSAGE } from '../../src/storage/storage-errors';
import type { PipelinePolicy } from '../../src/storage/table/table-store';
import type { Slip } from '../../src/domain/slip';

let h: Harness;
// A real storage pipeline step: while set, every write to the recipients' history partitions
// fails as a 503 would, so the slip row is saved and everything after it is not.
let historyDown = false;
let historyWritesRefused = 0;
const failHistoryWrites: PipelinePolicy = {
  name: 'test-fail-history-writes',
  async sendRequest(request, next) {
    const body = typeof request.body === 'string' ? request.body : '';
    // Only the recipients' partitions: the sender's window and sent entry are written before the slip.
    const url = decodeURIComponent(request.url);
    const touchesHistory =
      (/\/valuedhistory\b/.test(new URL(request.url).pathname) || /\/valuedhistory\(/.test(body)) &&
      RECIPIENTS.some((p) => url.includes(`person|${p.aadObjectId}`) || body.includes(`person|${p.aadObjectId}`));
    if (historyDown && request.method !== 'GET' && touchesHistory) {
      historyWritesRefused++;
      throw new RestError('The history table is unavailable (injected).', { statusCode: 503, code: 'ServerBusy', request });
    }
    return next(request);
  },
};
// Valued's clock, so a retry can come "later" (past the card-posting takeover) without waiting.
let skewMs = 0;
const now = () => new Date(Date.now() + skewMs);
const personalOf = (p: TestPerson) => conversationFor('personal', p).id;
const recipients = [people.sam, people.priya];
const RECIPIENTS = recipients;

beforeAll(async () => {
  h = await startHarness({}, { storagePolicies: [failHistoryWrites], now });
  h.connector.members = Object.values(people).map(member);
  // The recipients have the app, so each can be told personally.
  for (const p of recipients) await h.post(installationUpdate({ serviceUrl: h.serviceUrl, from: p }));
});
afterAll(() => h.stop());

const submit = (draftId: string, msg: string) =>
  h.post(
    cardAction(
      'slip.submit',
      { draftId, recipients: recipients.map((p) => p.aadObjectId).join(','), message: msg, values: 'Team player', visibility: 'team' },
      { serviceUrl: h.serviceUrl, where: 'groupChat', from: people.jo, replyToId: 'act-form' },
    ),
  );
const slipsWith = async (msg: string): Promise<Slip[]> => {
  const rows: Slip[] = [];
  for await (const e of h.valued.store.table('slips').listEntities()) {
    const doc = JSON.parse(String(e.doc0)) as Slip;
    // Fields merged later with no read (x_…) win over the document's copy, as DocTable reads them.
    for (const [k, v] of Object.entries(e)) if (k.startsWith('x_')) (doc as any)[k.slice(2)] = JSON.parse(String(v));
    if (doc.message === msg) rows.push(doc);
  }
  return rows;
};
const historyEntries = async (p: TestPerson, slipId: string) =>
  (await h.valued.repos.history.slipPage(p.aadObjectId, 100)).items.filter((e) => e.slipId === slipId).length;
const sentEntries = async (p: TestPerson, slipId: string) =>
  (await h.valued.repos.history.sent(p.aadObjectId)).filter((e) => e.slipId === slipId).length;
/** Personal notifications that reached a person's chat about the slip with this message. */
const notificationsTo = (p: TestPerson, msg: string) => h.connector.sent(personalOf(p)).filter((r) => textOf(r.body).includes(msg)).length;
const cardsPosted = (msg: string) =>
  h.connector.sent(conversationFor('groupChat', people.jo).id).filter((r) => textOf(r.body).includes(msg)).length;

test('storage fails after the slip row is saved: the retry completes it, and each recipient is told exactly once', async () => {
  const msg = 'Thank you for settling the new starter in on nights';
  historyDown = true;
  let first;
  try {
    first = await submit('draft-repair-1', msg);
  } finally {
    // Recipients' writes run side by side: the fault lasts until the one still in flight has failed too.
    await new Promise((r) => setTimeout(r, 500));
    historyDown = false;
  }
  expect(historyWritesRefused).toBeGreaterThan(0);
  expect(first.body.value).toBe(STORAGE_DOWN_MESSAGE);
  await h.valued.bot.sender.idle();

  // Half-written: the row exists and the sender's entry (written before it); no history, nobody told.
  const [half] = await slipsWith(msg);
  expect(half).toBeDefined();
  expect(half.notified).toEqual({});
  for (const p of recipients) {
    expect(await historyEntries(p, half.id)).toBe(0);
    expect(notificationsTo(p, msg)).toBe(0);
  }
  expect(await sentEntries(people.jo, half.id)).toBe(1);

  // The person presses Send again a little later: the same request.
  skewMs = 20_000;
  const retry = await submit('draft-repair-1', msg);
  expect(retry.status).toBe(200);
  expect(JSON.stringify(retry.body.value)).toMatch(/Your thanks is on its way/);
  await h.valued.bot.sender.idle();

  const slips = await slipsWith(msg);
  expect(slips).toHaveLength(1);
  expect(slips[0].id).toBe(half.id);
  for (const p of recipients) {
    expect(await historyEntries(p, half.id)).toBe(1);
    expect(notificationsTo(p, msg)).toBe(1);
    expect(slips[0].notified[p.aadObjectId]).toBe('sent');
  }
  expect(await sentEntries(people.jo, half.id)).toBe(1);
  expect(cardsPosted(msg)).toBe(1);

  // A plain redelivery of the same request afterwards changes and sends nothing.
  const again = await submit('draft-repair-1', msg);
  expect(again.status).toBe(200);
  await h.valued.bot.sender.idle();
  expect(await slipsWith(msg)).toHaveLength(1);
  for (const p of recipients) {
    expect(await historyEntries(p, half.id)).toBe(1);
    expect(notificationsTo(p, msg)).toBe(1);
  }
  expect(await sentEntries(people.jo, half.id)).toBe(1);
  expect(cardsPosted(msg)).toBe(1);
});

test('a redelivery while the first attempt is still telling people sends no second notification', async () => {
  const msg = 'Thank you for the calm you brought to a hard shift';
  // Sam's first notification is held up by Teams' throttling (Retry-After: 1 second), so the
  // first attempt is still telling people when the same request arrives again.
  h.connector.failNext({
    status: 429,
    retryAfter: '1',
    times: 1,
    match: (r) => r.method === 'POST' && r.path.includes(personalOf(people.sam)),
  });
  const first = await submit('draft-repair-2', msg);
  expect(JSON.stringify(first.body.value)).toMatch(/Your thanks is on its way/);
  const redelivered = await submit('draft-repair-2', msg);
  expect(redelivered.status).toBe(200);
  await h.valued.bot.sender.idle();

  const slips = await slipsWith(msg);
  expect(slips).toHaveLength(1);
  for (const p of recipients) {
    expect(notificationsTo(p, msg)).toBe(1);
    expect(await historyEntries(p, slips[0].id)).toBe(1);
    expect(slips[0].notified[p.aadObjectId]).toBe('sent');
  }
  expect(cardsPosted(msg)).toBe(1);
});
