// The hourly sending limit over the real protocol, with the limit set to 3: the 4th slip is
// refused kindly where the person is and not saved; a redelivery of an allowed one still works.
import { startHarness, type Harness } from '../support/harness';
import { textOf } from '../support/connector';
import { TEAM, cardAction, conversationFor, message, people, type TestPerson, member } from '../support/teams';
import { monthOf } from '../../src/domain/box';
import { RATE_LIMIT_MESSAGE } from '../../src/domain/rate-limit';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ SLIP_RATE_LIMIT_PER_HOUR: '3' });
  h.connector.members = Object.values(people).map(member);
});
afterAll(() => h.stop());

const boxSlips = () => h.valued.repos.slips.listBox(TEAM.id, monthOf(new Date()));
const submit = (draftId: string, msg: string, from: TestPerson = people.amara) =>
  h.post(
    cardAction(
      'slip.submit',
      { draftId, recipients: people.sam.aadObjectId, message: msg, values: 'Team player', visibility: 'team' },
      { serviceUrl: h.serviceUrl, where: 'channel', from, replyToId: 'act-form' },
    ),
  );

test('the fourth slip in an hour is refused with a kind message and not saved; a redelivery of an allowed one is not refused', async () => {
  for (let i = 1; i <= 3; i++) {
    const res = await submit(`draft-limit-${i}`, `Thank you for shift ${i}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('Your thanks is on its way');
  }
  const fourth = await submit('draft-limit-4', 'Thank you for shift 4');
  expect(fourth.status).toBe(200);
  expect(JSON.stringify(fourth.body)).toContain(RATE_LIMIT_MESSAGE);
  expect(RATE_LIMIT_MESSAGE).toBe(
    'You’ve sent a lot of thank-yous in the last hour — thank you! Please wait a little before sending more.',
  );

  // Teams retrying the second submit: the same slip, so it is not counted again.
  const again = await submit('draft-limit-2', 'Thank you for shift 2');
  expect(JSON.stringify(again.body)).toContain('Your thanks is on its way');
  expect(JSON.stringify(again.body)).not.toContain(RATE_LIMIT_MESSAGE);

  await h.valued.bot.sender.idle();
  const mine = (await boxSlips())
    .filter((s) => s.sender.id === people.amara.aadObjectId)
    .map((s) => s.message)
    .sort();
  expect(mine).toEqual(['Thank you for shift 1', 'Thank you for shift 2', 'Thank you for shift 3']);

  // A quick message is refused the same way, in the chat where it was typed.
  const quick = message('thanks @Sam for the extra cover', {
    serviceUrl: h.serviceUrl,
    where: 'personal',
    from: people.amara,
    mentions: [people.sam],
  });
  expect((await h.post(quick)).status).toBe(200);
  const replies = h.connector.sent(conversationFor('personal', people.amara).id).map((r) => textOf(r.body));
  expect(replies.some((t) => t.includes(RATE_LIMIT_MESSAGE))).toBe(true);
  const everywhere = [...(await boxSlips()), ...(await h.valued.repos.slips.listBox('', monthOf(new Date())))];
  expect(everywhere.some((s) => s.message.includes('extra cover'))).toBe(false);

  // The limit is per person: Jo can still send.
  expect(JSON.stringify((await submit('draft-limit-jo', 'Thank you from Jo', people.jo)).body)).toContain('Your thanks is on its way');
});

test('concurrent submits from one person never get past the limit', async () => {
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(`draft-burst-${i}`, `Burst thanks ${i}`, people.priya)));
  const refused = results.filter((r) => JSON.stringify(r.body).includes(RATE_LIMIT_MESSAGE));
  expect(refused).toHaveLength(3);
  await h.valued.bot.sender.idle();
  expect((await boxSlips()).filter((s) => s.sender.id === people.priya.aadObjectId)).toHaveLength(3);
});

test('nominations share the limit: the fourth new one is refused and not saved; editing an earlier one still works', async () => {
  const month = monthOf(new Date());
  const nominate = (nominee: TestPerson, reason: string) =>
    h.post(
      cardAction(
        'nomination.submit',
        { month, teamId: TEAM.id, nominee: nominee.aadObjectId, reason, values: 'Team player', anonymous: 'false' },
        { serviceUrl: h.serviceUrl, where: 'channel', from: people.ola },
      ),
    );
  for (const p of [people.sam, people.jo, people.priya]) {
    expect(JSON.stringify((await nominate(p, `${p.name} covered three clinics this week`)).body)).toContain(
      'Thank you for your nomination',
    );
  }
  const fourth = await nominate(people.amara, 'Amara kept the whole team going on Friday');
  expect(JSON.stringify(fourth.body)).toContain(RATE_LIMIT_MESSAGE);
  const edited = await nominate(people.sam, 'Sam covered four clinics this week, in the end');
  expect(JSON.stringify(edited.body)).toContain('Your nomination is updated');
  const box = await h.valued.repos.nominations.listBox(TEAM.id, month);
  expect(
    box
      .filter((n) => n.nominator.id === people.ola.aadObjectId)
      .map((n) => n.nominee.name)
      .sort(),
  ).toEqual(['Jo Williams', 'Priya Shah', 'Sam Patel']);
});
