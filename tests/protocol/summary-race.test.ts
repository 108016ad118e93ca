// Two Valued instances on one storage account, each with its own memory of the rows it wrote:
// slips and "Add my thanks" presses arriving at both at once leave every summary exact.
import type { Valued } from '../../src/app';
import { monthOf } from '../../src/domain/box';
import { boxSummaryOf } from '../../src/domain/summaries';
import { startAnotherInstance, startHarness, type Harness } from '../support/harness';
import { TEAM, cardAction, crowd, message, people, teamEvent } from '../support/teams';
import { unpaced } from '../support/unpaced';

let h: Harness;
let second: Valued;
const month = () => monthOf(new Date());

beforeAll(async () => {
  h = await startHarness({}, unpaced);
  h.connector.members = Object.values(people).map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }));
  second = await startAnotherInstance(h, {}, unpaced);
  await h.post(teamEvent.botAdded({ serviceUrl: h.serviceUrl, from: people.jo }));
  await h.valued.bot.sender.idle();
}, 60_000);
afterAll(async () => {
  await second.stop();
  await h.stop();
});

const postTo = async (v: Valued, activity: unknown) => {
  const res = await fetch(`${v.http.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};
const settle = () => Promise.all([h.valued.bot.sender.idle(), second.bot.sender.idle()]);

test('50 slips into one box from two instances at once: the box and person summaries are exact', async () => {
  const senders = [people.amara, people.jo, people.ola];
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      postTo(
        i % 2 ? second : h.valued,
        message(`thanks @Sam @Priya for race slip ${i}`, {
          serviceUrl: h.serviceUrl,
          where: 'channel',
          from: senders[i % 3],
          mentions: [people.sam, people.priya],
          mentionBot: true,
        }),
      ),
    ),
  );
  expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
  await settle();
  const slips = (await h.valued.repos.slips.listBox(TEAM.id, month())).filter((s) => s.message.startsWith('for race slip'));
  expect(slips).toHaveLength(50);
  const summary = await h.valued.repos.slips.summary(TEAM.id, month());
  expect(summary.slips).toBe(50);
  expect(summary.received[people.sam.aadObjectId]).toBe(50);
  expect(summary.received[people.priya.aadObjectId]).toBe(50);
  expect(summary.given[people.amara.aadObjectId] + summary.given[people.jo.aadObjectId] + summary.given[people.ola.aadObjectId]).toBe(50);
  expect(summary).toEqual(boxSummaryOf(await h.valued.repos.slips.listBox(TEAM.id, month())));
  for (const p of [people.sam, people.priya]) {
    const mine = await second.repos.history.summary(p.aadObjectId);
    expect(mine.received).toBe(50);
    expect(mine).toEqual(await h.valued.repos.history.rebuildSummary(p.aadObjectId));
  }
}, 120_000);

test('20 "Add my thanks" at once across two instances: the slip and its box summary are exact', async () => {
  const slip = (await h.valued.repos.slips.listBox(TEAM.id, month())).find((s) => s.message === 'for race slip 7')!;
  const before = await h.valued.repos.slips.summary(TEAM.id, month());
  const pressers = crowd(20, 500);
  const results = await Promise.all(
    pressers.map((p, i) =>
      postTo(
        i % 2 ? second : h.valued,
        cardAction(
          'slip.cosign',
          { slipId: slip.id, teamId: slip.teamId, month: slip.month },
          { serviceUrl: h.serviceUrl, where: 'channel', from: p, replyToId: slip.postedActivityId },
        ),
      ),
    ),
  );
  for (const r of results) expect(JSON.stringify(r.body)).toContain('You’ve added your thanks.');
  await settle();
  const stored = await h.valued.repos.slips.get(slip.teamId, slip.month, slip.id);
  expect(new Set(stored!.cosigners.map((c) => c.id)).size).toBe(20);
  expect(stored!.cosigners).toHaveLength(20);
  const after = await h.valued.repos.slips.summary(TEAM.id, month());
  expect(after.cosigns).toBe(before.cosigns + 20);
  expect(after).toEqual(boxSummaryOf(await h.valued.repos.slips.listBox(TEAM.id, month())));
}, 120_000);
