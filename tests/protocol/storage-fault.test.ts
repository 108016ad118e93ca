// Storage going away mid-run: the person is told kindly where they are, /healthz says so, the
// process stays up, and the same request succeeds on its own once storage is back. A slip whose
// history write failed after its row was saved is completed by the retry of the same request.
import { RestError } from '@azure/data-tables';
import { QUICK_STORAGE_RETRY, startHarness, type Harness } from '../support/harness';
import { textOf } from '../support/connector';
import { cardAction, conversationFor, message, people, type TestPerson, member } from '../support/teams';
import { STORAGE_DOWN_MESSAGE } from '../../src/storage/storage-errors';
import type { PipelinePolicy } from '../../src/storage/table/table-store';
import type { Slip } from '../../src/domain/slip';
import { boxSummaryOf } from '../../src/domain/summaries';

let h: Harness;
// A real storage pipeline step (the SDK's own extension point): while `historyDown` is set, every
// write to the recipients' history partitions is answered as a 503 from the service, as a partial outage would be.
let historyDown = false;
const RECIPIENTS = [people.sam, people.priya];
const historyWritesRefused: string[] = [];
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
      const whose = RECIPIENTS.filter((p) => url.includes(`person|${p.aadObjectId}`) || body.includes(`person|${p.aadObjectId}`));
      historyWritesRefused.push(`${request.method} ${new URL(request.url).pathname} ${whose.map((p) => p.aadObjectId).join(' ')}`);
      throw new RestError('The history table is unavailable (injected).', { statusCode: 503, code: 'ServerBusy', request });
    }
    return next(request);
  },
};
// Valued's clock, so a retry can come "later" without waiting.
let skewMs = 0;
const now = () => new Date(Date.now() + skewMs);

beforeAll(async () => {
  // A private Azurite: a test stops it to take storage away.
  h = await startHarness({}, { storagePolicies: [failHistoryWrites], now, storageRetry: QUICK_STORAGE_RETRY }, { private: true });
  h.connector.members = Object.values(people).map(member);
});
afterAll(() => h.stop());

const health = async () => {
  const res = await fetch(`${h.valued.http.url}/healthz`);
  return { status: res.status, body: await res.json() };
};
const submit = (draftId: string, msg: string, from = people.jo) =>
  h.post(
    cardAction(
      'slip.submit',
      {
        draftId,
        recipients: `${people.sam.aadObjectId},${people.priya.aadObjectId}`,
        message: msg,
        values: 'Team player',
        visibility: 'team',
      },
      { serviceUrl: h.serviceUrl, where: 'groupChat', from, replyToId: 'act-form' },
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
const historyHas = async (p: TestPerson, slipId: string) =>
  (await h.valued.repos.history.slipPage(p.aadObjectId, 50)).items.some((e) => e.slipId === slipId);
/** The slip's box summary and its recipients' summaries agree with the rows they sum, and count it once. */
async function expectSummariesConsistent(slip: Slip): Promise<void> {
  const box = await h.valued.repos.slips.summary(slip.teamId, slip.month);
  expect(box).toEqual(boxSummaryOf(await h.valued.repos.slips.listBox(slip.teamId, slip.month)));
  for (const r of slip.recipients) {
    const mine = await h.valued.repos.history.summary(r.id);
    expect(mine).toEqual(await h.valued.repos.history.rebuildSummary(r.id));
    const rows = (await h.valued.repos.history.allSlips(r.id)).filter((e) => e.slipId === slip.id);
    expect(rows).toHaveLength(1);
  }
}
const sentHas = async (p: TestPerson, slipId: string) =>
  (await h.valued.repos.history.sent(p.aadObjectId)).some((e) => e.slipId === slipId);

test('with Azurite stopped: a kind message where the person is, /healthz 503, still serving; after restart the same submit succeeds', async () => {
  expect((await health()).status).toBe(200);
  await h.azurite.stop();
  try {
    // The form's Send button (Action.Execute): the answer replaces nothing and says what happened.
    const res = await submit('draft-storage-down-1', 'Thank you for staying late on the ward');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: STORAGE_DOWN_MESSAGE });

    // A chat message is answered in the chat with the same words.
    h.connector.clear();
    const said = message('thanks @Sam for the cover', {
      serviceUrl: h.serviceUrl,
      where: 'groupChat',
      from: people.jo,
      mentions: [people.sam],
    });
    expect((await h.post(said)).status).toBe(200);
    expect(h.connector.sent(said.conversation.id).map((r) => textOf(r.body))).toEqual([STORAGE_DOWN_MESSAGE]);

    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', reason: expect.stringMatching(/storage did not answer/) });
    // The process is still up and the server still answers.
    expect(process.exitCode ?? 0).toBe(0);
    expect((await fetch(`${h.valued.http.url}/api/messages`, { method: 'HEAD' })).status).toBe(200);
  } finally {
    await h.azurite.restart();
    await h.valued.store.ensureTables();
  }

  expect((await health()).status).toBe(200);
  h.connector.clear();
  const again = await submit('draft-storage-down-1', 'Thank you for staying late on the ward');
  expect(again.status).toBe(200);
  expect(again.body.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(again.body.value)).toMatch(/Your thanks is on its way/);
  await h.valued.bot.sender.idle();
  const [slip, ...more] = await slipsWith('Thank you for staying late on the ward');
  expect(more).toHaveLength(0);
  expect(await historyHas(people.sam, slip.id)).toBe(true);
  expect(await historyHas(people.priya, slip.id)).toBe(true);
  await expectSummariesConsistent(slip);
  expect(
    h.connector.sent(conversationFor('groupChat', people.jo).id).some((r) => textOf(r.body).includes('staying late on the ward')),
  ).toBe(true);
});

test('no half-written slip survives: history fails after the slip row is saved, and the retry of the same request completes it', async () => {
  const msg = 'Thank you for the careful handover on Ward 7';
  historyDown = true;
  let first;
  try {
    first = await submit('draft-history-down-1', msg);
  } finally {
    // Recipients' writes run side by side: the fault lasts until the one still in flight has failed too.
    const deadline = Date.now() + 5000;
    while (!RECIPIENTS.every((p) => historyWritesRefused.some((w) => w.includes(p.aadObjectId))) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    historyDown = false;
  }
  expect(historyWritesRefused.length).toBeGreaterThan(0);
  expect(first.status).toBe(200);
  expect(first.body.value).toBe(STORAGE_DOWN_MESSAGE);

  // The state the failure left: the slip row exists (with the sender's entry, written before
  // it), the recipients' history does not.
  const [half] = await slipsWith(msg);
  expect(half).toBeDefined();
  expect(await historyHas(people.sam, half.id)).toBe(false);
  expect(await historyHas(people.priya, half.id)).toBe(false);
  expect(await sentHas(people.jo, half.id)).toBe(true);
  expect(half.postedActivityId).toBeUndefined();

  // The person presses Send again a little later (Teams keeps the form): the same request.
  skewMs = 20_000;
  h.connector.clear();
  const retry = await submit('draft-history-down-1', msg);
  expect(retry.status).toBe(200);
  expect(JSON.stringify(retry.body.value)).toMatch(/Your thanks is on its way/);
  await h.valued.bot.sender.idle();

  const slips = await slipsWith(msg);
  expect(slips).toHaveLength(1);
  expect(slips[0].id).toBe(half.id);
  expect(await historyHas(people.sam, half.id)).toBe(true);
  expect(await historyHas(people.priya, half.id)).toBe(true);
  expect(await sentHas(people.jo, half.id)).toBe(true);
  await expectSummariesConsistent(slips[0]);
  // The card the first attempt never posted is posted by the retry, once.
  const cards = h.connector.sent(conversationFor('groupChat', people.jo).id).filter((r) => textOf(r.body).includes('careful handover'));
  expect(cards).toHaveLength(1);
  expect(slips[0].postedActivityId).toBe(cards[0].id);
});
