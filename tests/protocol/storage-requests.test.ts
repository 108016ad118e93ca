// Storage request budgets on the write paths, counted by a pipeline policy on the real
// composition: a slip to 2 people (the message extension's Send, as Teams sends it) and
// "Add my thanks". Each figure is everything the operation sends, the background
// notifications included, once the team's rarely-changing data has been read once.
import { startHarness, type Harness } from '../support/harness';
import { RequestCounter } from '../support/request-counter';
import { composeExtension, cardAction, installationUpdate, people, teamEvent, TEAM, type TestPerson } from '../support/teams';
import { monthOf } from '../../src/domain/box';

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
