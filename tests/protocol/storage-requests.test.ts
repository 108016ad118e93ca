// Storage request budgets on the write paths, counted by a pipeline policy on the real
// composition: a slip to 2 people (the message extension's Send, as Teams sends it), "Add my
// thanks", and the digest card's reads. Each figure is everything the operation sends, the
// background notifications included, once the team's rarely-changing data has been read once.
import { startHarness, type Harness } from '../support/harness';
import { RequestCounter } from '../support/request-counter';
import { seedSlips } from '../support/seed-tables';
import { composeExtension, cardAction, installationUpdate, people, teamEvent, TEAM, TENANT, type TestPerson } from '../support/teams';
import { monthOf, previousMonth } from '../../src/domain/box';
import type { Slip } from '../../src/domain/slip';
import { digestCard } from '../../src/cards/digest-card';

let h: Harness;
const counter = new RequestCounter();
const settle = () => h.valued.bot.sender.idle();

beforeAll(async () => {
  h = await startHarness({}, { storagePolicies: [counter.policy] });
  h.connector.members = Object.values(people).map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }));
  h.connector.teamMembers[TEAM.id] = h.connector.members;
  await h.post(teamEvent.botAdded({ serviceUrl: h.serviceUrl, from: people.jo }));
  for (const p of [people.sam, people.ola, people.priya]) await h.post(installationUpdate({ serviceUrl: h.serviceUrl, from: p }));
  await settle();
});
afterAll(() => h.stop());

let n = 0;
async function sendSlip(from: TestPerson, to: TestPerson[]): Promise<void> {
  const form = {
    draftId: `budget-${++n}`,
    recipients: to.map((p) => p.aadObjectId).join(','),
    message: `Thank you both for covering the 2pm clinic (${n})`,
    values: 'Team player',
    visibility: 'team',
    teamId: TEAM.id,
  };
  const o = { serviceUrl: h.serviceUrl, where: 'channel' as const, from };
  const preview = (await h.post(composeExtension.submitAction('sendThanks', form, o))).body.composeExtension.activityPreview;
  counter.start();
  const sent = await h.post(
    composeExtension.submitAction('sendThanks', {}, { ...o, botMessagePreviewAction: 'send', botActivityPreview: [preview] }),
  );
  expect(sent.status).toBe(200);
  await settle();
}

const boxSlip = async (k: number) =>
  (await h.valued.repos.slips.listBox(TEAM.id, monthOf(new Date()))).find((s) => s.message.endsWith(`(${k})`))!;

test('a slip to 2 people makes at most 8 storage requests in all, once their rows have been written here before', async () => {
  await sendSlip(people.amara, [people.ola, people.priya]); // the first reads what later slips reuse
  const cold = counter.stop();
  console.log(`slip to 2 people, nothing cached: ${cold} storage requests\n  ${counter.log.join('\n  ')}`);
  await sendSlip(people.amara, [people.ola, people.priya]);
  const requests = counter.stop();
  console.log(`slip to 2 people: ${requests} storage requests\n  ${counter.log.join('\n  ')}`);
  const slip = await boxSlip(n);
  expect(slip.notified).toEqual({ [people.ola.aadObjectId]: 'sent', [people.priya.aadObjectId]: 'sent' });
  expect(slip.notifyingUntil).toBeNull();
  expect(slip.postedActivityId).toBeTruthy();
  for (const p of [people.ola, people.priya]) expect((await h.valued.repos.history.summary(p.aadObjectId)).received).toBe(2);
  expect((await h.valued.repos.slips.summary(TEAM.id, monthOf(new Date()))).given[people.amara.aadObjectId]).toBe(2);
  expect(requests).toBeLessThanOrEqual(8);
  // Nothing known to this instance (a sender, a box and recipients it has never written): reads first.
  expect(cold).toBeLessThanOrEqual(15);
});

test('"Add my thanks" makes at most 3 storage requests', async () => {
  const press = (slip: Awaited<ReturnType<typeof boxSlip>>, from: TestPerson) =>
    h.post(
      cardAction(
        'slip.cosign',
        { slipId: slip.id, teamId: slip.teamId, month: slip.month },
        { serviceUrl: h.serviceUrl, where: 'channel', from, replyToId: slip.postedActivityId },
      ),
    );
  // Sam has pressed before (so this instance has seen Sam in the team).
  await press(await boxSlip(n - 1), people.sam);
  await settle();
  const slip = await boxSlip(n);
  counter.start();
  const res = await press(slip, people.sam);
  await settle();
  const requests = counter.stop();
  console.log(`"Add my thanks": ${requests} storage requests\n  ${counter.log.join('\n  ')}`);
  expect(JSON.stringify(res.body.value)).toContain('You’ve added your thanks.');
  const stored = await h.valued.repos.slips.get(slip.teamId, slip.month, slip.id);
  expect(stored!.cosigners.map((c) => c.name)).toEqual([people.sam.name]);
  expect((await h.valued.repos.slips.summary(TEAM.id, monthOf(new Date()))).cosigns).toBe(2);
  expect(requests).toBeLessThanOrEqual(3);
});

// Boxes of a past year, seeded straight into storage with their summaries (seed-tables.ts):
// the card's month, the month before and the one before that.
function boxOf(month: string, count: number): Slip[] {
  const cast = Object.values(people).map((p) => ({ id: p.aadObjectId, teamsId: p.id, name: p.name }));
  return Array.from({ length: count }, (_, i) => ({
    id: `bulk-${month}-${i}`,
    tenantId: TENANT,
    teamId: TEAM.id,
    month,
    conversationId: TEAM.id,
    createdAt: `${month}-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00.000Z`,
    sender: cast[i % cast.length],
    recipients: [cast[(i + 1) % cast.length], ...(i % 3 ? [] : [cast[(i + 2) % cast.length]])],
    message: `Thank you for the handover (${i})`,
    values: ['Team player'],
    visibility: i % 5 ? 'team' : 'private',
    cosigners: [],
    notified: {},
  }));
}

test('the digest card of a 1,000-slip box costs the same storage requests as one of 100 slips', async () => {
  // 100 slips with 1,000 the month before; 1,000 with 100 the month before; 10 in each month before that.
  const boxes = [
    { month: '2025-01', sizes: [100, 1000, 10] },
    { month: '2025-06', sizes: [1000, 100, 10] },
  ];
  const slips: Slip[] = [];
  for (const b of boxes) {
    let month = b.month;
    for (const size of b.sizes) {
      slips.push(...boxOf(month, size));
      month = previousMonth(month);
    }
  }
  await seedSlips(h.valued.store, h.valued.repos, slips);
  const cost = async (month: string, way: 'card' | 'build') => {
    await h.valued.digests[way](TEAM.id, month); // team settings and profiles read once, as a running instance has
    counter.start();
    const digest = await h.valued.digests[way](TEAM.id, month);
    const card = digestCard({ digest });
    const requests = counter.stop();
    console.log(`digest ${way} of ${digest.totals.slips} slips: ${requests} storage requests\n  ${counter.log.join('\n  ')}`);
    expect(card.content).toBeTruthy();
    return { requests, log: [...counter.log], digest };
  };
  const small = await cost('2025-01', 'card');
  const large = await cost('2025-06', 'card');
  expect(small.digest.totals.slips).toBe(100);
  expect(large.digest.totals.slips).toBe(1000);
  expect(small.digest.previous.slips).toBe(1000);
  expect(large.digest.previous.slips).toBe(100);
  expect(large.requests).toBe(small.requests);
  expect(large.log).toEqual(small.log);
  // This month's slips (one page each here), the two summaries, three months' nominations, the
  // award round, the award and the team's members.
  expect(large.requests).toBeLessThanOrEqual(9);
  // For comparison (logged): the pages' build reads the months before slip by slip, which on
  // loopback Azurite is as many requests (a page holds 1,000 rows) but every row of them.
  await cost('2025-01', 'build');
}, 180_000);
