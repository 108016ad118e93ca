// A team vote that closes at a set time, and the kind reminders, over the real Teams protocol
// with an injected clock in Europe/London across the October 2026 clock change (BST ends on
// Sunday 25 October). Two Valued instances share one storage account and race every scheduled
// run: each vote closes once, each reminder goes out once, only to the right people, and never
// to someone who turned notifications off.
import type { Valued } from '../../src/app';
import { startAnotherInstance, startHarness, type Harness } from '../support/harness';
import { textOf, type Recorded } from '../support/connector';
import {
  CHANNEL,
  TEAM,
  TENANT,
  cardAction,
  conversationFor,
  crowd,
  message,
  people,
  teamEvent,
  type TestPerson,
  type Where,
} from '../support/teams';
import { unpaced } from '../support/unpaced';

let h: Harness;
let second: Valued;
let clock = new Date('2026-10-23T09:00:00Z'); // Friday 23 October, 10:00 in London (BST)
const setClock = (iso: string) => (clock = new Date(iso));
const now = () => new Date(clock);
const month = '2026-10';
const box = { teamId: TEAM.id, month };
const voters = crowd(8, 400);
const [optedOut, ...others] = voters;
const everyone = [...Object.values(people), ...voters];
const o = (from: TestPerson, where: Where = 'personal') => ({ serviceUrl: h.serviceUrl, from, where });
const press = (verb: string, data: Record<string, unknown>, from: TestPerson, where: Where = 'personal') =>
  h.post(cardAction(verb, data, o(from, where)));
const cardText = (res: { body: any }) => textOf({ attachments: [{ content: res.body.value }] });
const settle = async () => {
  await h.valued.bot.sender.idle();
  await second.bot.sender.idle();
};

/** Every card sent to the person's personal chat (started by Valued or opened by them). */
function personalCards(p: TestPerson): Recorded[] {
  const ids = new Set([`a:personal-${p.id}`, conversationFor('personal', p).id]);
  return h.connector.sent().filter((r) => ids.has(r.conversationId));
}
const headed = (p: TestPerson, heading: string | RegExp) => personalCards(p).filter((r) => textOf(r.body).match(heading));
const channelCards = () => h.connector.sent(CHANNEL.id);

/** Both instances run their scheduled jobs at the same moment. */
async function bothRun() {
  const results = await Promise.all([h.valued.teamJobs.runDue(), second.teamJobs.runDue()]);
  await settle();
  return results;
}

const settingsForm = {
  teamId: TEAM.id,
  leadIds: people.jo.aadObjectId,
  governanceChannelId: 'last-seen',
  values: 'Team player\nSkill and expertise',
  digestDay: '0',
  prizeText: '',
  voteEnabled: 'true',
  repeatWinnerMonths: '6',
  retentionMonths: '24',
  voteDays: '3',
  voteCloseHour: '17',
  nominationsReminderDays: '2',
  remindVoteOpen: 'true',
  remindVoteClosing: 'true',
  remindDigestReady: 'true',
  monthlyPrompt: 'false',
};

beforeAll(async () => {
  h = await startHarness({ FIRST_LEAD_IDS: people.jo.aadObjectId }, { ...unpaced, now });
  second = await startAnotherInstance(h, { FIRST_LEAD_IDS: people.jo.aadObjectId }, { ...unpaced, now });
  h.connector.teamMembers[TEAM.id] = everyone.map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId, tenantId: TENANT }));
  h.connector.members = everyone.map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }));
  await h.post(teamEvent.botAdded({ serviceUrl: h.serviceUrl, from: people.jo }));
  await h.post(message('help', { ...o(people.jo, 'channel'), mentionBot: true }));
  await settle();
  // One colleague has turned notifications off in their profile.
  expect((await press('profile.save', { noNotifications: 'true', noReadOut: 'false' }, optedOut)).status).toBe(200);
  for (const [nominator, nominee] of [
    [people.amara, people.sam],
    [people.priya, people.ola],
  ])
    expect(
      cardText(
        await press(
          'nomination.submit',
          { ...box, nominee: nominee.aadObjectId, reason: `${nominee.name} kept the ward calm all month`, values: '', anonymous: 'false' },
          nominator,
        ),
      ),
    ).toContain('is nominated');
  await settle();
});
afterAll(async () => {
  await second.stop();
  await h.stop();
});

describe('settings: only what the card offered', () => {
  test.each([
    ['governanceChannelId', 'true', 'governance channel'],
    ['voteDays', '7', 'vote length'],
    ['voteCloseHour', '23', 'closing time'],
    ['remindVoteOpen', 'yes', 'vote open reminder'],
    ['monthlyPrompt', 'on', 'monthly prompt'],
  ])('%s = %s is refused kindly and nothing is saved', async (field, value, what) => {
    const before = await h.valued.repos.teamSettings.get(TEAM.id);
    const res = await press('settings.save', { ...settingsForm, [field]: value }, people.jo, 'channel');
    expect(res.status).toBe(200);
    expect(cardText(res)).toContain(`The ${what} you sent wasn’t one of the choices on the card.`);
    expect(cardText(res)).toContain('Nothing was saved.');
    expect(await h.valued.repos.teamSettings.get(TEAM.id)).toEqual(before);
  });

  test('the offered values are saved, and the card shows the vote and reminder choices', async () => {
    const ok = await press('settings.save', settingsForm, people.jo, 'channel');
    expect(cardText(ok)).toContain('Saved.');
    const ids = ok.body.value.body.filter((b: any) => b.id).map((b: any) => b.id);
    expect(ids).toEqual(expect.arrayContaining(['voteDays', 'voteCloseHour', 'remindVoteOpen', 'monthlyPrompt']));
    const saved = (await h.valued.repos.teamSettings.get(TEAM.id))!;
    expect(saved.voteEnabled).toBe(true);
    expect(saved.reminders).toMatchObject({ voteDays: 3, voteCloseHour: 17, monthlyPrompt: false });
  });
});

describe('a vote that closes at a set time', () => {
  test('the lead opens the vote on Friday for 3 working days: it closes on Wednesday 28 October at 5pm, after the clocks change', async () => {
    await press('som.shortlist', { ...box, shortlist: `${people.sam.aadObjectId},${people.ola.aadObjectId}` }, people.jo);
    h.connector.clear();
    const res = await press('som.openVote', { ...box, voteDays: '3' }, people.jo);
    expect(cardText(res)).toContain('The team vote is open until Wednesday 28 October at 5pm');
    // The card offers the lengths with their real closing times, for extending.
    expect(cardText(res)).toContain('2 working days: until Tuesday 27 October at 5pm');
    const round = (await h.valued.repos.awardRounds.get(TEAM.id, month))!;
    expect(round.voteClosesAt).toBe('2026-10-28T17:00:00.000Z'); // 5pm GMT
    await settle();
    expect(textOf(channelCards()[0].body)).toContain('Voting closes on Wednesday 28 October at 5pm.');
  });

  test('members are told personally once that the vote is open; not the one who opted out', async () => {
    await bothRun(); // the scheduler's catch-up finds it already sent
    for (const p of [people.amara, people.sam, ...others]) expect(headed(p, /vote for October 2026 is open/)).toHaveLength(1);
    expect(personalCards(optedOut)).toHaveLength(0);
    const card = headed(people.amara, /is open/)[0].body.attachments[0].content;
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'som.vote', data: box });
  });

  test('members vote from the channel card or their personal chat', async () => {
    for (const p of others.slice(0, 3))
      expect((await press('som.vote', { ...box, nomineeId: people.sam.aadObjectId }, p, 'channel')).body.value).toMatch(/^Thank you/);
    expect((await press('som.vote', { ...box, nomineeId: people.ola.aadObjectId }, others[3])).body.value).toMatch(/^Thank you/);
  });

  test('the "closes tomorrow" reminder: not at 08:59 on Tuesday, once at 09:00 GMT, only to those who haven’t voted', async () => {
    h.connector.clear();
    setClock('2026-10-27T08:59:00Z');
    expect((await bothRun()).flatMap((r) => r.reminders)).toEqual([]);
    expect(h.connector.sent()).toHaveLength(0);
    setClock('2026-10-27T09:00:00Z');
    const runs = await bothRun();
    expect(runs.flatMap((r) => r.reminders)).toEqual([`${TEAM.id}|vote closing`]);
    await bothRun();
    const remindedPeople = everyone.filter((p) => headed(p, /vote closes tomorrow/).length > 0);
    expect(remindedPeople.map((p) => p.name).sort()).toEqual([...Object.values(people), ...others.slice(4)].map((p) => p.name).sort());
    for (const p of remindedPeople) expect(headed(p, /vote closes tomorrow/)).toHaveLength(1);
  });

  test('a lead extends the vote once, to a later time only', async () => {
    setClock('2026-10-27T10:00:00Z');
    const same = await press('som.extendVote', { ...box, voteDays: '1' }, people.jo);
    expect(cardText(same)).toContain('The vote already runs until Wednesday 28 October at 5pm. Please choose a later time');
    const ok = await press('som.extendVote', { ...box, voteDays: '2' }, people.jo);
    expect(cardText(ok)).toContain('The vote now closes on Thursday 29 October at 5pm.');
    const again = await press('som.extendVote', { ...box, voteDays: '3' }, people.jo);
    expect(cardText(again)).toContain('already been extended once');
    expect((await h.valued.repos.awardRounds.get(TEAM.id, month))!.voteClosesAt).toBe('2026-10-29T17:00:00.000Z');
    await settle();
    expect(textOf(h.connector.updates().at(-1)!.body)).toContain('Voting closes on Thursday 29 October at 5pm.');
  });

  test('nominations closing: once in the channel at 09:00 on Wednesday 28 October, with the count and a Nominate button', async () => {
    h.connector.clear();
    setClock('2026-10-28T08:59:00Z');
    await bothRun();
    expect(channelCards()).toHaveLength(0);
    setClock('2026-10-28T09:00:00Z');
    await bothRun();
    await bothRun();
    const posted = channelCards();
    expect(posted).toHaveLength(1);
    expect(textOf(posted[0].body)).toContain(
      'Nominations for October 2026’s star of the month close at the end of Saturday 31 October. 2 so far. Who made a difference this month?',
    );
    expect(posted[0].body.attachments[0].content.actions[0]).toMatchObject({ type: 'Action.Submit', title: 'Nominate' });
  });

  test('with both instances racing at 5pm, the vote closes exactly once and the lead gets the tally once', async () => {
    setClock('2026-10-29T16:59:00Z');
    expect((await bothRun()).flatMap((r) => r.votesClosed)).toEqual([]);
    expect((await press('som.vote', { ...box, nomineeId: people.ola.aadObjectId }, others[4], 'channel')).body.value).toMatch(/^Thank you/);
    h.connector.clear();
    setClock('2026-10-29T17:00:00Z');
    const runs = await bothRun();
    expect(runs.flatMap((r) => r.votesClosed)).toEqual([`${TEAM.id}|${month}`]);
    await bothRun();
    const results = headed(people.jo, /The vote for October 2026 has closed/);
    expect(results).toHaveLength(1);
    const card = results[0].body.attachments[0].content;
    expect(textOf(results[0].body)).toContain('with 5 votes in all. Nobody can see who voted for whom.');
    expect(card.body.find((b: any) => b.type === 'FactSet').facts).toEqual([
      { title: 'Sam Patel', value: '3 votes' },
      { title: 'Ola Nowak', value: '2 votes' },
    ]);
    expect(card.actions[0]).toMatchObject({ verb: 'som.review', data: box });
    // Secret: nothing the lead is sent names a voter.
    for (const v of others) expect(JSON.stringify(results[0].body)).not.toContain(v.name);
    const closedCards = h.connector.updates();
    expect(closedCards).toHaveLength(1);
    expect(textOf(closedCards[0].body)).toContain('The vote closed on Thursday 29 October at 5pm.');
    expect((await h.valued.repos.awardRounds.get(TEAM.id, month))!).toMatchObject({ vote: 'closed', voteClosedBy: 'schedule' });
    // Nobody else was told the result.
    for (const p of [people.amara, people.sam, ...others]) expect(headed(p, /has closed/)).toHaveLength(0);
  });

  test('a late vote is refused kindly, the card says the vote has closed, and nothing changes', async () => {
    setClock('2026-10-29T17:05:00Z');
    const before = await h.valued.repos.votes.listBox(TEAM.id, month);
    const roundBefore = await h.valued.repos.awardRounds.get(TEAM.id, month);
    const late = await press('som.vote', { ...box, nomineeId: people.sam.aadObjectId }, others[5], 'channel');
    expect(late.status).toBe(200);
    expect(cardText(late)).toContain('Sorry, this vote has closed, so your vote wasn’t counted.');
    expect(cardText(late)).toContain('The vote closed on Thursday 29 October at 5pm.');
    expect(late.body.value.actions ?? []).toEqual([]);
    const changed = await press('som.vote', { ...box, nomineeId: people.sam.aadObjectId }, others[4], 'channel');
    expect(cardText(changed)).toContain('has closed');
    expect(await h.valued.repos.votes.listBox(TEAM.id, month)).toEqual(before);
    expect(await h.valued.repos.awardRounds.get(TEAM.id, month)).toEqual(roundBefore);
  });
});

describe('a vote refused at its closing time even before any scheduler runs', () => {
  test('at exactly the closing time a vote is refused', async () => {
    const next = '2026-11';
    const nbox = { teamId: TEAM.id, month: next };
    setClock('2026-11-02T08:00:00Z');
    await press(
      'nomination.submit',
      { ...nbox, nominee: people.sam.aadObjectId, reason: 'Sam trained two new starters', values: '', anonymous: 'false' },
      people.amara,
    );
    await press(
      'nomination.submit',
      { ...nbox, nominee: people.ola.aadObjectId, reason: 'Ola ran the falls clinic', values: '', anonymous: 'false' },
      people.amara,
    );
    await press('som.shortlist', { ...nbox, shortlist: `${people.sam.aadObjectId},${people.ola.aadObjectId}` }, people.jo);
    expect(cardText(await press('som.openVote', { ...nbox, voteDays: '1' }, people.jo))).toContain('open until Tuesday 3 November at 5pm');
    await settle();
    setClock('2026-11-03T17:00:00Z');
    const late = await press('som.vote', { ...nbox, nomineeId: people.sam.aadObjectId }, others[0], 'channel');
    expect(cardText(late)).toContain('Sorry, this vote has closed');
    expect(await h.valued.repos.votes.listBox(TEAM.id, next)).toEqual([]);
    // The lead can still close it themselves before the scheduler does.
    expect(cardText(await press('som.closeVote', nbox, people.jo))).toContain('The team vote is closed.');
    expect((await bothRun()).flatMap((r) => r.votesClosed)).toEqual([]);
  });
});

describe('digest ready and the monthly prompt', () => {
  test('digest ready: once to the lead on digest day, with the button, even with both instances posting', async () => {
    h.connector.clear();
    setClock('2026-11-02T09:00:00Z'); // the first working day of November, 9am GMT
    await Promise.all([h.valued.digestScheduler.runDue(), second.digestScheduler.runDue()]);
    await settle();
    await Promise.all([h.valued.digestScheduler.runDue(), second.digestScheduler.runDue()]);
    await settle();
    const ready = headed(people.jo, /October 2026’s digest is ready/);
    expect(ready).toHaveLength(1);
    expect(ready[0].body.attachments[0].content.actions[0]).toMatchObject({ verb: 'digest.show', data: box });
    for (const p of [people.amara, ...others]) expect(headed(p, /digest is ready/)).toHaveLength(0);
  });

  test('the monthly prompt is off by default, then once per person on Monday 16 November at 10am; not to who thanked or opted out', async () => {
    h.connector.clear();
    setClock('2026-11-16T10:00:00Z');
    await bothRun();
    for (const p of everyone) expect(headed(p, /Has someone helped you this month/)).toHaveLength(0);
    // Amara thanked someone this month; the lead turns the prompt on.
    setClock('2026-11-10T12:00:00Z');
    await h.post(message('thanks @Sam for the handover', { ...o(people.amara, 'channel'), mentions: [people.sam], mentionBot: true }));
    // ...and turns the nominations reminder off.
    await press('settings.save', { ...settingsForm, monthlyPrompt: 'true', nominationsReminderDays: '-1' }, people.jo, 'channel');
    await settle();
    h.connector.clear();
    setClock('2026-11-16T09:59:00Z');
    await bothRun();
    for (const p of everyone) expect(headed(p, /Has someone helped you this month/)).toHaveLength(0);
    setClock('2026-11-16T10:00:00Z');
    await bothRun();
    await bothRun();
    for (const p of [people.sam, people.jo, people.ola, people.priya, ...others]) {
      const prompts = headed(p, /Has someone helped you this month/);
      expect(prompts).toHaveLength(1);
      expect(prompts[0].body.attachments[0].content.actions[0]).toMatchObject({ type: 'Action.Submit', title: 'Send thanks' });
    }
    expect(headed(people.amara, /Has someone helped you/)).toHaveLength(0);
    expect(personalCards(optedOut)).toHaveLength(0);
  });

  test('a reminder turned off is not sent: no nominations reminder for November', async () => {
    h.connector.clear();
    setClock('2026-11-26T09:00:00Z'); // 2 working days before Monday 30 November
    await bothRun();
    setClock('2026-11-30T09:00:00Z');
    await bothRun();
    expect(channelCards()).toHaveLength(0);
  });
});
