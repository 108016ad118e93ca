// Star of the month over the real Teams protocol, one whole month: nominations from every
// entry point (named, name kept, a second one that edits the first, refusals), team settings,
// the lead's review and shortlist, a team vote with 30 people voting at once, a tie the lead
// settles, and the announcement with every personal message captured at the local connector.
// Every lead-only action is also pressed by someone who is not a lead.
import { startHarness, type Harness } from '../support/harness';
import { unpaced } from '../support/unpaced';
import { textOf, type Recorded } from '../support/connector';
import {
  CHANNEL,
  TEAM,
  cardAction,
  composeExtension,
  conversationFor,
  crowd,
  installationUpdate,
  message,
  messagePayload,
  people,
  taskModule,
  type TestPerson,
  type Where,
  member,
} from '../support/teams';
import { monthOf, monthLabel, nextMonth, previousMonth } from '../../src/domain/box';
import { NOT_A_LEAD, REVIEW_ONLY_PERSONAL } from '../../src/bot/star-of-the-month/reviewing';

let h: Harness;
const month = monthOf(new Date());
const box = { teamId: TEAM.id, month };
const voters = crowd(30);
const o = (from: TestPerson, where: Where = 'personal') => ({ serviceUrl: h.serviceUrl, from, where });

/** Sends a message; resolves to the replies to it. */
async function say(text: string, from: TestPerson, where: Where = 'personal', mentions: TestPerson[] = []): Promise<Recorded[]> {
  const a = message(text, { ...o(from, where), mentions, mentionBot: where !== 'personal' });
  expect((await h.post(a)).status).toBe(200);
  return h.connector.sent(a.conversation.id).filter((r) => r.activityId === a.id);
}
const press = (verb: string, data: Record<string, unknown>, from: TestPerson, where: Where = 'personal') =>
  h.post(cardAction(verb, data, o(from, where)));
const cardOf = (res: { body: any }) => res.body.value;
const cardText = (card: any) => textOf({ attachments: [{ content: card }] });
const settle = () => h.valued.bot.sender.idle();
const personalTo = (p: TestPerson) => h.connector.sent(conversationFor('personal', p).id);
const inChannel = () => h.connector.sent(CHANNEL.id);
const nominationsFor = async (p: TestPerson) =>
  (await h.valued.repos.nominations.listBox(TEAM.id, month)).filter((n) => n.nominee.id === p.aadObjectId);
const reason = (what: string) => `${what}: calm, kind and always there for patients and colleagues`;

let samSlipId: string;

beforeAll(async () => {
  // Nothing here is about pacing: the 30 voters' messages need not be spread over seconds.
  h = await startHarness({ FIRST_LEAD_IDS: people.jo.aadObjectId }, unpaced);
  h.connector.members = [...Object.values(people), ...voters].map(member);
  // Everyone who should be told something has Valued in a personal chat.
  await Promise.all(Object.values(people).map((p) => h.post(installationUpdate(o(p)))));
  // The team is first seen in its General channel; Amara thanks Sam there, so Sam has a slip to attach.
  await say('help', people.jo, 'channel');
  await say('thanks @Sam for covering my clinic at short notice', people.amara, 'channel', [people.sam]);
  await Promise.all(
    [people.priya, people.ola, people.sam].map((p) =>
      h.valued.repos.memberships.record({
        personId: p.aadObjectId,
        teamId: TEAM.id,
        teamName: TEAM.name,
        lastUsedAt: new Date().toISOString(),
      }),
    ),
  );
  samSlipId = (await h.valued.repos.slips.listBox(TEAM.id, month)).find((s) => s.recipients[0]?.id === people.sam.aadObjectId)!.id;
  // Ola won two months ago, so shortlisting Ola brings up the repeat-winner warning.
  const earlier = previousMonth(previousMonth(month));
  await h.valued.repos.awards.put({
    teamId: TEAM.id,
    month: earlier,
    winners: [{ id: people.ola.aadObjectId, teamsId: people.ola.id, name: people.ola.name }],
    highlyCommended: [],
    citation: 'For the winter rota',
    values: [],
    announcedAt: new Date().toISOString(),
  });
  await settle();
});
afterAll(() => h.stop());

test('FIRST_LEAD_IDS makes Jo the first lead when the team is first seen', async () => {
  expect((await h.valued.repos.teamSettings.get(TEAM.id))!.leadIds).toEqual([people.jo.aadObjectId]);
});

describe('nominating', () => {
  test('"nominate" in a personal chat opens the form, with this month’s slips to attach', async () => {
    const [reply] = await say('nominate', people.amara);
    const card = reply.body.attachments[0].content;
    expect(cardText(card)).toContain(`For Therapies Team, ${monthLabel(month)}`);
    const slips = card.body.find((b: any) => b.id === 'slipIds');
    expect(slips.choices.map((c: any) => c.value)).toEqual([samSlipId]);
    expect(slips.choices[0].title).toContain('To Sam Patel: “for covering my clinic at short notice” from Amara Okafor');
    expect(card.body.find((b: any) => b.id === 'nominee').choices.map((c: any) => c.title)).not.toContain('Amara Okafor');
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'nomination.submit', data: { month, teamId: TEAM.id } });
  });

  test('a named nomination is saved with its slip and written into the nominee’s history', async () => {
    const res = await press(
      'nomination.submit',
      {
        month,
        teamId: TEAM.id,
        nominee: people.sam.aadObjectId,
        reason: reason('Sam covered three clinics'),
        values: 'Team player,Skill and expertise',
        anonymous: 'false',
        slipIds: samSlipId,
      },
      people.amara,
    );
    expect(cardText(cardOf(res))).toContain(`Sam Patel is nominated for star of the month for ${monthLabel(month)}.`);
    const [saved] = (await nominationsFor(people.sam)).filter((n) => n.nominator.id === people.amara.aadObjectId);
    expect(saved).toMatchObject({ anonymous: false, slipIds: [samSlipId], values: ['Team player', 'Skill and expertise'] });
    const history = await h.valued.repos.history.nominations(people.sam.aadObjectId);
    expect(history).toHaveLength(1);
    expect(history[0].nominator?.name).toBe('Amara Okafor');
  });

  test('a nomination with the name kept from the team (message extension): history has no nominator', async () => {
    const fetch = await h.post(composeExtension.fetchTask('nominate', o(people.priya, 'channel')));
    expect(fetch.body.task.type).toBe('continue');
    const form = fetch.body.task.value.card.content;
    expect(form.actions[0].type).toBe('Action.Submit');
    const data = {
      ...form.actions[0].data,
      nominee: people.sam.aadObjectId,
      reason: reason('Sam talked a frightened patient through her first session'),
      values: 'Including others',
      anonymous: 'true',
    };
    const res = await h.post(composeExtension.submitAction('nominate', data, o(people.priya, 'channel')));
    expect(res.body.task).toEqual({
      type: 'message',
      value: expect.stringContaining('Your name is kept from the team; your governance leads can see it.'),
    });
    const [saved] = (await nominationsFor(people.sam)).filter((n) => n.nominator.id === people.priya.aadObjectId);
    expect(saved.anonymous).toBe(true);
    const kept = (await h.valued.repos.history.nominations(people.sam.aadObjectId)).find((e) => e.reason.includes('frightened patient'))!;
    expect(kept.nominator).toBeUndefined();
  });

  test('nominating the same person again edits the first nomination', async () => {
    const res = await press(
      'nomination.submit',
      {
        month,
        teamId: TEAM.id,
        nominee: people.sam.aadObjectId,
        reason: reason('Sam covered four clinics in the end'),
        values: 'Team player',
        anonymous: 'false',
      },
      people.amara,
    );
    expect(cardText(cardOf(res))).toContain('Your nomination is updated');
    const mine = (await nominationsFor(people.sam)).filter((n) => n.nominator.id === people.amara.aadObjectId);
    expect(mine).toHaveLength(1);
    expect(mine[0].reason).toContain('four clinics');
    const history = await h.valued.repos.history.nominations(people.sam.aadObjectId);
    expect(history).toHaveLength(2);
    expect(history.filter((e) => e.nominator?.id === people.amara.aadObjectId).map((e) => e.reason)).toEqual([
      reason('Sam covered four clinics in the end'),
    ]);
  });

  test('nominating yourself, a bot, too short a reason, or someone else’s slip is refused in the form; nothing is saved', async () => {
    const before = (await h.valued.repos.nominations.listBox(TEAM.id, month)).length;
    const self = await press(
      'nomination.submit',
      { month, teamId: TEAM.id, nominee: people.ola.aadObjectId, reason: reason('I did well'), anonymous: 'false' },
      people.ola,
    );
    expect(cardText(cardOf(self))).toContain('You can’t nominate yourself');
    expect(cardOf(self).body.find((b: any) => b.id === 'reason').value).toBe(reason('I did well'));
    const short = await press(
      'nomination.submit',
      { month, teamId: TEAM.id, nominee: people.sam.aadObjectId, reason: 'Great', slipIds: samSlipId },
      people.ola,
    );
    expect(cardText(cardOf(short))).toContain('at least 20 characters');
    const notHis = await press(
      'nomination.submit',
      { month, teamId: TEAM.id, nominee: people.priya.aadObjectId, reason: reason('Priya'), slipIds: samSlipId },
      people.ola,
    );
    expect(cardText(cardOf(notHis))).toContain('isn’t a thank-you to this colleague');
    const bot = await press(
      'nomination.submit',
      { month, teamId: TEAM.id, nominee: '28:some-other-bot', reason: reason('The bot') },
      people.ola,
    );
    expect(cardText(cardOf(bot))).toContain('a bot can’t be nominated');
    const two = await press(
      'nomination.submit',
      { month, teamId: TEAM.id, nominee: `${people.sam.aadObjectId},${people.priya.aadObjectId}`, reason: reason('Both of them') },
      people.ola,
    );
    expect(cardText(cardOf(two))).toContain('A nomination is for one colleague. Please choose just one');
    expect((await h.valued.repos.nominations.listBox(TEAM.id, month)).length).toBe(before);
  });

  test('"@Valued nominate @Ola …" in a channel offers the form in a dialog, prefilled, which saves the nomination', async () => {
    const [reply] = await say('nominate @Ola for running the falls clinic single-handed', people.sam, 'channel', [people.ola]);
    const prompt = reply.body.attachments[0].content;
    expect(cardText(prompt)).toContain('Anyone can nominate Ola Nowak');
    const button = prompt.actions[0];
    expect(button.data.msteams).toEqual({ type: 'task/fetch' });
    const fetched = await h.post(taskModule.fetch(button.data, o(people.sam, 'channel')));
    const form = fetched.body.task.value.card.content;
    expect(form.body.find((b: any) => b.id === 'nominee').value).toBe(people.ola.aadObjectId);
    expect(form.body.find((b: any) => b.id === 'reason').value).toBe('running the falls clinic single-handed');
    const submitted = await h.post(
      taskModule.submit(
        {
          ...form.actions[0].data,
          nominee: people.ola.aadObjectId,
          reason: reason('Ola ran the falls clinic single-handed'),
          anonymous: 'false',
        },
        o(people.sam, 'channel'),
      ),
    );
    expect(submitted.body.task.value).toContain('Ola Nowak is nominated');
    expect(await nominationsFor(people.ola)).toHaveLength(1);
  });

  test('"Nominate" on someone’s message starts with its author', async () => {
    const res = await h.post(
      composeExtension.fetchTask('nominate', {
        ...o(people.amara, 'channel'),
        context: 'message',
        messagePayload: messagePayload(people.priya, '<p>I can stay late tonight</p>'),
      }),
    );
    expect(res.body.task.value.card.content.body.find((b: any) => b.id === 'nominee').value).toBe(people.priya.aadObjectId);
  });
});

describe('lead-only actions are refused kindly for someone who is not a lead', () => {
  test('"nominations" and "settings" say who can use them, where the person is', async () => {
    expect(textOf((await say('nominations', people.amara))[0].body)).toBe(NOT_A_LEAD);
    expect(textOf((await say('nominations', people.jo, 'channel'))[0].body)).toBe(REVIEW_ONLY_PERSONAL);
    expect(textOf((await say('settings', people.amara, 'channel'))[0].body)).toMatch(
      /^Only your team’s governance leads can change Valued’s settings/,
    );
    expect(textOf((await say('settings', people.amara))[0].body)).toMatch(/^Only governance leads can change Valued’s settings/);
  });

  test.each([
    ['som.review', {}],
    ['som.shortlist', { shortlist: people.amara.aadObjectId }],
    ['som.openVote', {}],
    ['som.closeVote', {}],
    ['som.saveAward', { winners: people.amara.aadObjectId, citation: 'Me' }],
    ['som.announce', { winners: people.amara.aadObjectId, citation: 'Me' }],
    ['som.closeBox', {}],
    ['settings.open', {}],
    [
      'settings.save',
      {
        leadIds: people.amara.aadObjectId,
        values: 'Me',
        digestDay: '1',
        prizeText: '',
        voteEnabled: 'true',
        repeatWinnerMonths: '0',
        retentionMonths: '12',
      },
    ],
  ])('%s pressed by Amara is refused and changes nothing', async (verb, extra) => {
    const res = await press(verb, { ...box, ...extra }, people.amara);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.body.value).toMatch(/^Only your team’s governance leads can .*a lead can add you in the settings card\.$/);
    const round = await h.valued.repos.awardRounds.get(TEAM.id, month);
    expect(round?.shortlist ?? []).toEqual([]);
    expect(round?.nominationsClosed ?? false).toBe(false);
    expect((await h.valued.repos.teamSettings.get(TEAM.id))!.leadIds).toEqual([people.jo.aadObjectId]);
    expect(await h.valued.repos.awards.get(TEAM.id, month)).toBeUndefined();
  });
});

describe('team settings', () => {
  const form = {
    teamId: TEAM.id,
    leadIds: people.jo.aadObjectId,
    governanceChannelId: 'last-seen',
    values: 'Team player\nSkill and expertise\nIncluding others',
    digestDay: '3',
    prizeText: 'A voucher for the hospital café',
    voteEnabled: 'true',
    repeatWinnerMonths: '6',
    retentionMonths: '24',
  };

  test('a lead edits every setting in the channel; problems are shown in the card', async () => {
    const [reply] = await say('settings', people.jo, 'channel');
    const card = reply.body.attachments[0].content;
    expect(card.body.filter((b: any) => b.id).map((b: any) => b.id)).toEqual([
      'leadIds',
      'governanceChannelId',
      'values',
      'digestDay',
      'prizeText',
      'voteEnabled',
      'repeatWinnerMonths',
      'retentionMonths',
      'voteDays',
      'voteCloseHour',
      'nominationsReminderDays',
      'remindVoteOpen',
      'remindVoteClosing',
      'remindDigestReady',
      'monthlyPrompt',
    ]);

    const bad = await press('settings.save', { ...form, values: '', digestDay: '40' }, people.jo, 'channel');
    expect(cardText(cardOf(bad))).toContain('Please give between 1 and 12 values');
    expect(cardText(cardOf(bad))).toContain('Please choose a digest day from 1 to 28');

    const ok = await press(
      'settings.save',
      { ...form, leadIds: `${people.jo.aadObjectId},${people.priya.aadObjectId}` },
      people.jo,
      'channel',
    );
    expect(cardText(cardOf(ok))).toContain('Saved.');
    const s = (await h.valued.repos.teamSettings.get(TEAM.id))!;
    expect(s).toMatchObject({
      leadIds: [people.jo.aadObjectId, people.priya.aadObjectId],
      values: ['Team player', 'Skill and expertise', 'Including others'],
      digestDay: 3,
      prizeText: 'A voucher for the hospital café',
      voteEnabled: true,
      repeatWinnerMonths: 6,
      retentionMonths: 24,
    });
    expect(s.governanceChannelId).toBeUndefined();
  });

  test('a lead a lead added can change settings; once removed, they cannot', async () => {
    const [reply] = await say('settings', people.priya);
    expect(cardText(reply.body.attachments[0].content)).toContain('Valued settings for Therapies Team');
    await press('settings.save', { ...form, leadIds: people.jo.aadObjectId }, people.priya);
    const again = await press('settings.save', { ...form, leadIds: people.priya.aadObjectId }, people.priya);
    expect(again.body.value).toMatch(/^Only your team’s governance leads/);
    // The configured first lead is a lead whatever the list says.
    await press('settings.save', { ...form, leadIds: people.ola.aadObjectId }, people.jo);
    expect(cardText(cardOf(await press('settings.open', { teamId: TEAM.id }, people.jo)))).toContain(
      'Also always a lead, set by your IT team: Jo Williams',
    );
    await press('settings.save', form, people.jo);
    expect((await h.valued.repos.teamSettings.get(TEAM.id))!.leadIds).toEqual([people.jo.aadObjectId]);
  });
});

describe('the month, run by the lead', () => {
  test('"nominations" shows every nominee with reasons, nominators, slips and last win', async () => {
    const [reply] = await say('nominations', people.jo);
    const t = cardText(reply.body.attachments[0].content);
    expect(t).toContain(`Star of the month: Therapies Team, ${monthLabel(month)}`);
    expect(t).toContain('2 nominations · 1 slip this month · last won: never');
    expect(t).toContain(`last won: ${monthLabel(previousMonth(previousMonth(month)))}`);
    expect(t).toContain('From Amara Okafor · Team player');
    expect(t).toContain('From Priya Shah (name kept from the team)');
    expect(t).toContain('Sam covered four clinics in the end');
    expect(t).not.toContain('Sam covered three clinics');
  });

  test('shortlisting brings up the repeat-winner warning', async () => {
    const res = await press('som.shortlist', { ...box, shortlist: `${people.sam.aadObjectId},${people.ola.aadObjectId}` }, people.jo);
    const t = cardText(cardOf(res));
    expect(t).toContain('Shortlist saved.');
    expect(t).toContain(`Ola Nowak was star of the month in ${monthLabel(previousMonth(previousMonth(month)))}, within the last 6 months`);
    expect((await h.valued.repos.awardRounds.get(TEAM.id, month))!.shortlist).toEqual([people.sam.aadObjectId, people.ola.aadObjectId]);
  });

  let voteCardId: string;

  test('opening the vote posts a secret vote card in the team channel', async () => {
    h.connector.clear();
    const res = await press('som.openVote', box, people.jo);
    expect(cardText(cardOf(res))).toContain('The team vote is open');
    const [posted] = inChannel();
    const card = posted.body.attachments[0].content;
    expect(cardText(card)).toContain('Your vote is secret');
    expect(card.body.find((b: any) => b.id === 'nomineeId').choices.map((c: any) => c.title)).toEqual(['Sam Patel', 'Ola Nowak']);
    voteCardId = posted.id;
    expect((await h.valued.repos.awardRounds.get(TEAM.id, month))!.voteCard).toEqual({ channelId: CHANNEL.id, activityId: voteCardId });
  });

  test('30 colleagues vote at once; changed and repeated votes count once; nobody votes for themselves', async () => {
    const vote = (p: TestPerson, nominee: TestPerson) => press('som.vote', { ...box, nomineeId: nominee.aadObjectId }, p, 'channel');
    const first = await Promise.all(voters.map((p, i) => vote(p, i < 17 ? people.sam : people.ola)));
    for (const r of first) expect(r.body.value).toMatch(/^Thank you. Your vote for (Sam Patel|Ola Nowak) is in. Nobody else can see it/);
    // Two change their minds and one presses again, all at once: still 30 votes, now 15 each.
    await Promise.all([vote(voters[0], people.ola), vote(voters[1], people.ola), vote(voters[20], people.ola)]);
    const stored = await h.valued.repos.votes.listBox(TEAM.id, month);
    expect(stored).toHaveLength(30);
    expect(stored.filter((v) => v.nomineeId === people.sam.aadObjectId)).toHaveLength(15);
    expect(stored.filter((v) => v.nomineeId === people.ola.aadObjectId)).toHaveLength(15);

    const self = await vote(people.sam, people.sam);
    expect(self.body.value).toContain('You can’t vote for yourself');
    const notShortlisted = await vote(people.priya, people.amara);
    expect(notShortlisted.body.value).toBe('Please choose one of the shortlisted colleagues.');
    expect(await h.valued.repos.votes.listBox(TEAM.id, month)).toHaveLength(30);
  });

  test('closing the vote shows the lead the tie (and closes the vote card); later votes are refused', async () => {
    h.connector.clear();
    const res = await press('som.closeVote', box, people.jo);
    const t = cardText(cardOf(res));
    expect(t).toContain('team vote closed: 30 votes');
    expect(t).toContain('It’s a tie between Sam Patel and Ola Nowak, with 15 votes each. It’s your call');
    await settle();
    const update = h.connector.updates().find((u) => u.activityId === voteCardId)!;
    const closedText = cardText(update.body.attachments[0].content);
    expect(closedText).toMatch(/The vote closed on \w+ \d+ \w+ at /);
    // The public card shows no counts (checked on what people read, not on ids, addresses or the date).
    expect(closedText.replace(/closed on [^.]*\./, '')).not.toMatch(/\b(15|30)\b/);
    const late = await press('som.vote', { ...box, nomineeId: people.sam.aadObjectId }, voters[5], 'channel');
    expect(cardText(cardOf(late))).toContain('Sorry, this vote has closed, so your vote wasn’t counted. Thank you for taking part.');
  });

  test('announcing needs a winner and a citation; saving for later keeps the choice', async () => {
    const none = await press('som.announce', { ...box, winners: '', citation: '' }, people.jo);
    expect(cardText(cardOf(none))).toContain('Please choose the star of the month');
    const saved = await press(
      'som.saveAward',
      { ...box, winners: people.sam.aadObjectId, highlyCommended: people.ola.aadObjectId, citation: 'For covering four clinics' },
      people.jo,
    );
    expect(cardText(cardOf(saved))).toContain('Saved. Nothing is shared until you press Announce.');
    expect(
      cardOf(saved)
        .body.find((b: any) => b.items?.some((i: any) => i.id === 'citation'))
        .items.find((i: any) => i.id === 'citation').value,
    ).toBe('For covering four clinics');
    expect(await h.valued.repos.awards.get(TEAM.id, month)).toBeUndefined();
  });

  test('the lead settles the tie and announces: channel card, winner’s card, every nominee told, award in history', async () => {
    h.connector.clear();
    const citation = 'For covering four clinics with kindness and calm';
    const res = await press(
      'som.announce',
      { ...box, winners: people.sam.aadObjectId, highlyCommended: people.ola.aadObjectId, citation },
      people.jo,
    );
    expect(cardText(cardOf(res))).toContain('Announced in the team channel');
    await settle();

    const [announcement] = inChannel();
    const card = announcement.body.attachments[0].content;
    expect(cardText(card)).toContain(`Star of the month: ${monthLabel(month)}`);
    expect(cardText(card)).toContain(citation);
    expect(cardText(card)).toContain('Prize: A voucher for the hospital café');
    expect(cardText(card)).toContain('Highly commended: Ola Nowak');
    expect(card.msteams.entities.map((e: any) => e.mentioned.id)).toEqual([people.sam.id]);

    const toSam = personalTo(people.sam).map((r) => cardText(r.body.attachments?.[0]?.content));
    expect(toSam.some((t) => t.includes('Congratulations, you are star of the month!') && t.includes(citation))).toBe(true);
    const samReasons = toSam.find((t) => t.includes('You were nominated for star of the month'))!;
    expect(samReasons).toContain('From Amara Okafor');
    expect(samReasons).toContain('From a colleague (they kept their name from the team)');
    expect(samReasons).toContain('Sam talked a frightened patient through her first session');
    expect(samReasons).not.toContain('Priya Shah');
    const olaReasons = personalTo(people.ola)
      .map((r) => cardText(r.body.attachments?.[0]?.content))
      .find((t) => t.includes('You were nominated'))!;
    expect(olaReasons).toContain('From Sam Patel');
    expect(olaReasons).toContain('You were highly commended. The star of the month is Sam Patel.');

    const award = (await h.valued.repos.awards.get(TEAM.id, month))!;
    expect(award.winners.map((w) => w.id)).toEqual([people.sam.aadObjectId]);
    expect(award.values).toEqual(['Team player', 'Including others']);
    expect(await h.valued.repos.history.awards(people.sam.aadObjectId)).toEqual([
      expect.objectContaining({ kind: 'award', result: 'winner', month, citation, teamName: TEAM.name }),
    ]);
    expect(await h.valued.repos.history.awards(people.ola.aadObjectId)).toEqual([
      expect.objectContaining({ result: 'highly commended', month }),
    ]);
  });

  test('a box is announced once; later nominations go into next month’s box and say so', async () => {
    const again = await press('som.announce', { ...box, winners: people.ola.aadObjectId, citation: 'Another go' }, people.jo);
    expect(cardText(cardOf(again))).toContain(`The star of the month for ${monthLabel(month)} has already been announced.`);
    expect((await h.valued.repos.awards.get(TEAM.id, month))!.winners[0].id).toBe(people.sam.aadObjectId);

    const late = await press(
      'nomination.submit',
      { month, teamId: TEAM.id, nominee: people.priya.aadObjectId, reason: reason('Priya trained the new starters'), anonymous: 'false' },
      people.amara,
    );
    expect(cardText(cardOf(late))).toContain(
      `Nominations for ${monthLabel(month)} have closed, so it is in the box for ${monthLabel(nextMonth(month))}.`,
    );
    expect((await h.valued.repos.nominations.listBox(TEAM.id, nextMonth(month))).map((n) => n.nominee.id)).toEqual([
      people.priya.aadObjectId,
    ]);
  });

  test('"nominations YYYY-MM" shows a past month’s box; a lead can close nominations early', async () => {
    const past = previousMonth(month);
    const [reply] = await say(`nominations ${past}`, people.jo);
    expect(cardText(reply.body.attachments[0].content)).toContain(`No nominations yet for ${monthLabel(past)}`);
    const closed = await press('som.closeBox', { teamId: TEAM.id, month: past }, people.jo);
    expect(cardText(cardOf(closed))).toContain(
      `Nominations for ${monthLabel(past)} are closed. New nominations go into the box for ${monthLabel(month)}.`,
    );
    expect((await h.valued.repos.awardRounds.get(TEAM.id, past))!.nominationsClosed).toBe(true);
    const [bad] = await say('nominations May', people.jo);
    expect(textOf(bad.body)).toContain('for example: nominations 2026-05');
  });
});
