// Thank-you slips over the real Teams protocol: every entry point, the nudge, refusals,
// redelivery and concurrent "Add my thanks", with replies captured at the local connector.
import { startHarness, type Harness } from '../support/harness';
import { unpaced } from '../support/unpaced';
import { textOf } from '../support/connector';
import {
  BOT,
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
  type TestPerson,
  type Where,
  member,
} from '../support/teams';
import { monthOf } from '../../src/domain/box';
import type { Slip } from '../../src/domain/slip';

let h: Harness;
const month = () => monthOf(new Date());

beforeAll(async () => {
  // Nothing here is about pacing (tests/unit/teams-sender.test.ts is): sends need not be spread out.
  h = await startHarness({}, unpaced);
  h.connector.members = Object.values(people).map(member);
  // Sam has the bot in a personal chat (so can be notified); Ola has not.
  await h.post(installationUpdate({ serviceUrl: h.serviceUrl, from: people.sam }));
  // Amara has used Valued in the team, so chats outside a channel default to its box.
  await h.post(message('help', { serviceUrl: h.serviceUrl, where: 'channel', from: people.amara, mentionBot: true }));
  await h.valued.repos.memberships.record({
    personId: people.amara.aadObjectId,
    teamId: TEAM.id,
    teamName: TEAM.name,
    lastUsedAt: new Date().toISOString(),
  });
});
afterAll(() => h.stop());
beforeEach(() => h.connector.clear());

async function boxSlips(teamId = TEAM.id): Promise<Slip[]> {
  return h.valued.repos.slips.listBox(teamId, month());
}
const settle = () => h.valued.bot.sender.idle();
const cardsIn = (conversationId: string) => h.connector.sent(conversationId).filter((r) => r.body.attachments?.length);
const isSlipCard = (body: any) => textOf(body).includes('Thank you') && JSON.stringify(body).includes('slip.');
const notificationsTo = (p: TestPerson) =>
  h.connector.sent(conversationFor('personal', p).id).filter((r) => textOf(r.body).includes('thanked you'));

describe('a plain message: thanks @Sam @Ola for covering my clinic', () => {
  test.each(['personal', 'groupChat', 'channel'] as Where[])(
    'in %s it posts the slip card, saves one slip and two history entries, and notifies',
    async (where) => {
      const before = (await boxSlips()).length;
      const a = message(`thanks @Sam @Ola for covering my clinic (${where})`, {
        serviceUrl: h.serviceUrl,
        where,
        from: people.amara,
        mentions: [people.sam, people.ola],
        mentionBot: where === 'channel',
      });
      expect((await h.post(a)).status).toBe(200);
      await settle();
      const slips = await boxSlips();
      expect(slips).toHaveLength(before + 1);
      const slip = slips.find((s) => s.message.endsWith(`(${where})`))!;
      expect(slip.message).toBe(`for covering my clinic (${where})`);
      expect(slip.recipients.map((r) => r.id)).toEqual([people.sam.aadObjectId, people.ola.aadObjectId]);
      expect(slip.sender.id).toBe(people.amara.aadObjectId);

      const [posted] = cardsIn(a.conversation.id);
      expect(posted.activityId).toBe(a.id);
      const card = posted.body.attachments[0].content;
      expect(card.msteams.entities.map((e: any) => e.mentioned.id)).toEqual([people.sam.id, people.ola.id]);
      expect(textOf(posted.body)).toContain('for covering my clinic');
      expect(slip.postedActivityId).toBe(posted.id);

      for (const p of [people.sam, people.ola]) {
        const page = await h.valued.repos.history.slipPage(p.aadObjectId, 50);
        expect(page.items.filter((e) => e.slipId === slip.id)).toHaveLength(1);
      }
      // Sam has a chat with Valued; Ola never opened one, but she is in the team, so Valued started
      // one with her (the first time) and keeps using it.
      expect(notificationsTo(people.sam).length).toBeGreaterThanOrEqual(1);
      expect(textOf(notificationsTo(people.sam).at(-1)!.body)).toContain('Amara Okafor thanked you and 1 colleague');
      expect(h.connector.sent(`a:personal-${people.ola.id}`).filter((r) => textOf(r.body).includes('thanked you'))).toHaveLength(1);
      expect(slip.notified).toEqual({ [people.sam.aadObjectId]: 'sent', [people.ola.aadObjectId]: 'sent' });
    },
  );

  test('a redelivered message makes one slip and one card', async () => {
    const a = message('thanks @Priya for the handover notes', {
      serviceUrl: h.serviceUrl,
      where: 'groupChat',
      from: people.jo,
      mentions: [people.priya],
    });
    await h.post(a);
    await h.post(a);
    await settle();
    const all = [...(await boxSlips('')), ...(await boxSlips())].filter((s) => s.message === 'for the handover notes');
    expect(all).toHaveLength(1);
    expect(cardsIn(a.conversation.id).filter((r) => isSlipCard(r.body))).toHaveLength(1);
  });

  test('"thanks" with nobody mentioned answers with the form, keeping what was said', async () => {
    const a = message('thanks for all the help today', { serviceUrl: h.serviceUrl, from: people.amara });
    await h.post(a);
    const [reply] = cardsIn(a.conversation.id);
    const card = reply.body.attachments[0].content;
    expect(textOf(reply.body)).toContain('Send a thank-you');
    expect(card.body.find((b: any) => b.id === 'message').value).toBe('for all the help today');
    const picker = card.body.find((b: any) => b.id === 'recipients');
    expect(picker.choices.map((c: any) => c.title)).toEqual(expect.arrayContaining(['Sam Patel', 'Jo Williams']));
    expect(picker.choices.map((c: any) => c.title)).not.toContain('Amara Okafor');
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'slip.submit' });
  });

  test('thanking yourself by mention is refused kindly, and nothing is saved', async () => {
    const before = (await boxSlips()).length;
    const a = message('thanks @Amara for being me', {
      serviceUrl: h.serviceUrl,
      where: 'channel',
      from: people.amara,
      mentions: [people.amara],
      mentionBot: true,
    });
    await h.post(a);
    expect(textOf(cardsIn(a.conversation.id)[0].body)).toMatch(/can't thank yourself/);
    expect((await boxSlips()).length).toBe(before);
  });

  test('wording that diminishes colleagues is pointed out, not posted and not rewritten', async () => {
    const a = message('thanks @Sam, not bad for just a support worker', {
      serviceUrl: h.serviceUrl,
      where: 'channel',
      from: people.jo,
      mentions: [people.sam],
      mentionBot: true,
    });
    await h.post(a);
    const [reply] = cardsIn(a.conversation.id);
    expect(textOf(reply.body)).toContain('A gentle thought before you post');
    expect(reply.body.attachments[0].content.actions.map((x: any) => x.title)).toEqual(['Edit', 'Post anyway']);
    expect((await boxSlips()).some((s) => s.message.includes('just a support worker'))).toBe(false);

    // Post anyway: the slip is posted exactly as written.
    const post = reply.body.attachments[0].content.actions[1];
    const res = await h.post(
      cardAction(post.verb, post.data, { serviceUrl: h.serviceUrl, where: 'channel', from: people.jo, replyToId: reply.id }),
    );
    expect(res.body.value.body.map((b: any) => b.text).join(' ')).toContain('Your thanks is on its way');
    expect((await boxSlips()).find((s) => s.message.includes('just a support worker'))?.message).toBe('not bad for just a support worker');
  });
});

describe('the form in a chat (Action.Execute)', () => {
  const submit = (data: Record<string, unknown>, from = people.amara, where: Where = 'groupChat') =>
    h.post(
      cardAction(
        'slip.submit',
        { draftId: `draft-${Math.random().toString(36).slice(2, 12)}`, visibility: 'team', ...data },
        { serviceUrl: h.serviceUrl, where, from, replyToId: 'act-form' },
      ),
    );
  const errorsIn = (res: { body: any }) => JSON.stringify(res.body.value);

  test.each([
    ['yourself', { recipients: people.amara.aadObjectId, message: 'Me!', values: 'Team player' }, /can't thank yourself/],
    ['a bot', { recipients: `${people.sam.aadObjectId},${BOT.id}`, message: 'Thanks', values: 'Team player' }, /bot can’t be thanked/],
    [
      'more than 10 people',
      {
        recipients: crowd(11)
          .map((p) => p.aadObjectId)
          .join(','),
        message: 'Thanks all',
        values: 'Team player',
      },
      /up to 10 people/,
    ],
    [
      'an empty message',
      { recipients: people.sam.aadObjectId, message: '   ', values: 'Team player' },
      /say what you are thanking them for/,
    ],
    [
      'an over-long message',
      { recipients: people.sam.aadObjectId, message: 'x'.repeat(1001), values: 'Team player' },
      /1000 characters \(it is 1001 now\)/,
    ],
    ['an unknown value', { recipients: people.sam.aadObjectId, message: 'Thanks', values: 'Being tall' }, /isn’t one this team uses/],
    ['no value', { recipients: people.sam.aadObjectId, message: 'Thanks', values: '' }, /one, two or three values/],
    [
      'four values',
      {
        recipients: people.sam.aadObjectId,
        message: 'Thanks',
        values: 'Team player,Skill and expertise,Including others,Learning and growing',
      },
      /one, two or three values/,
    ],
    ['malformed data', { recipients: 42, message: { evil: true }, values: 'Team player' }, /didn’t come through properly/],
  ])('refuses %s with a clear message in the form, keeping what was typed', async (_name, data, expected) => {
    const before = (await boxSlips()).length;
    const res = await submit(data);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(errorsIn(res)).toMatch(expected);
    if (typeof data.message === 'string' && data.message.trim()) {
      expect(res.body.value.body.find((b: any) => b.id === 'message').value).toBe(data.message);
    }
    expect((await boxSlips()).length).toBe(before);
  });

  test('a good submit posts the slip and turns the form into a confirmation; a double click makes one slip', async () => {
    const data = {
      draftId: 'draft-double-click-1',
      recipients: `${people.sam.aadObjectId},${people.priya.aadObjectId}`,
      message: 'Thank you both for the falls training',
      values: 'Learning and growing,Team player',
    };
    const [first, second] = await Promise.all([submit(data, people.jo), submit(data, people.jo)]);
    for (const r of [first, second])
      expect(JSON.stringify(r.body.value)).toMatch(/Your thanks is on its way|Sam Patel and Priya Shah will be told/);
    await settle();
    const made = (await boxSlips()).filter((s) => s.message === data.message);
    expect(made).toHaveLength(1);
    expect(made[0].values).toEqual(['Learning and growing', 'Team player']);
    expect(cardsIn(conversationFor('groupChat', people.jo).id).filter((r) => textOf(r.body).includes(data.message))).toHaveLength(1);
  });
});

describe('the message extension', () => {
  const where: Where = 'channel';

  test('"Send thanks": form → preview → Send posts the slip; Edit reopens the form with the draft', async () => {
    const fetch = await h.post(composeExtension.fetchTask('sendThanks', { serviceUrl: h.serviceUrl, where, from: people.jo }));
    expect(fetch.body.task.type).toBe('continue');
    const form = fetch.body.task.value.card.content;
    expect(form.actions[0].type).toBe('Action.Submit');
    const draftId = form.actions[0].data.draftId;
    expect(draftId).toMatch(/^[\w-]{8,}$/);

    const data = {
      ...form.actions[0].data,
      recipients: people.amara.aadObjectId,
      message: 'You made Mr Ahmed laugh on a hard day',
      values: 'Above and beyond for patients',
      visibility: 'team',
    };
    const submitted = await h.post(composeExtension.submitAction('sendThanks', data, { serviceUrl: h.serviceUrl, where, from: people.jo }));
    expect(submitted.body.composeExtension.type).toBe('botMessagePreview');
    const preview = submitted.body.composeExtension.activityPreview;
    expect(textOf(preview)).toContain('You made Mr Ahmed laugh');

    const edit = await h.post(
      composeExtension.submitAction(
        'sendThanks',
        {},
        { serviceUrl: h.serviceUrl, where, from: people.jo, botMessagePreviewAction: 'edit', botActivityPreview: [preview] },
      ),
    );
    const edited = edit.body.task.value.card.content;
    expect(edited.body.find((b: any) => b.id === 'message').value).toBe('You made Mr Ahmed laugh on a hard day');
    expect(edited.body.find((b: any) => b.id === 'recipients').value).toBe(people.amara.aadObjectId);

    const send = composeExtension.submitAction(
      'sendThanks',
      {},
      { serviceUrl: h.serviceUrl, where, from: people.jo, botMessagePreviewAction: 'send', botActivityPreview: [preview] },
    );
    expect((await h.post(send)).status).toBe(200);
    // Teams may deliver the same send twice: still one slip and one card.
    await h.post({ ...send, id: `${send.id}-retry` });
    await settle();
    const slips = (await boxSlips()).filter((s) => s.message === 'You made Mr Ahmed laugh on a hard day');
    expect(slips).toHaveLength(1);
    expect(slips[0].values).toEqual(['Above and beyond for patients']);
    const posted = cardsIn(conversationFor(where, people.jo).id).filter((r) => textOf(r.body).includes('Mr Ahmed'));
    expect(posted).toHaveLength(1);
    expect(posted[0].body.attachments[0].content.actions.map((x: any) => x.title)).toEqual(['Add my thanks']);
  });

  test('the nudge appears in the task module with Edit and Post anyway', async () => {
    const data = {
      draftId: 'draft-nudge-me-1',
      recipients: people.amara.aadObjectId,
      message: 'Great job for an unqualified member of staff',
      values: 'Team player',
      visibility: 'team',
    };
    const res = await h.post(composeExtension.submitAction('sendThanks', data, { serviceUrl: h.serviceUrl, where, from: people.jo }));
    const card = res.body.task.value.card.content;
    expect(textOf({ attachments: [{ content: card }] })).toContain('unqualified');
    expect(card.actions.map((x: any) => x.title)).toEqual(['Edit', 'Post anyway']);
    const anyway = await h.post(
      composeExtension.submitAction('sendThanks', card.actions[1].data, { serviceUrl: h.serviceUrl, where, from: people.jo }),
    );
    expect(anyway.body.composeExtension.type).toBe('botMessagePreview');
    const edit = await h.post(
      composeExtension.submitAction('sendThanks', card.actions[0].data, { serviceUrl: h.serviceUrl, where, from: people.jo }),
    );
    expect(edit.body.task.value.card.content.body.find((b: any) => b.id === 'message').value).toBe(data.message);
  });

  test('"Thank for this" prefills the author and keeps a short quote of the message', async () => {
    const payload = messagePayload(people.sam, '<p>Can anyone cover the <b>2pm</b> clinic? I&#39;m stuck on the ward.</p>');
    const fetch = await h.post(
      composeExtension.fetchTask('thankForThis', {
        serviceUrl: h.serviceUrl,
        where,
        from: people.priya,
        context: 'message',
        messagePayload: payload,
      }),
    );
    const form = fetch.body.task.value.card.content;
    expect(form.body.find((b: any) => b.id === 'recipients').value).toBe(people.sam.aadObjectId);
    expect(JSON.stringify(form)).toContain("Can anyone cover the 2pm clinic? I'm stuck on the ward.");
    const data = {
      ...form.actions[0].data,
      recipients: people.sam.aadObjectId,
      message: 'Thank you for asking early',
      values: 'Trusted with responsibility',
      visibility: 'team',
    };
    const submitted = await h.post(
      composeExtension.submitAction('thankForThis', data, {
        serviceUrl: h.serviceUrl,
        where,
        from: people.priya,
        context: 'message',
        messagePayload: payload,
      }),
    );
    const preview = submitted.body.composeExtension.activityPreview;
    await h.post(
      composeExtension.submitAction(
        'thankForThis',
        {},
        { serviceUrl: h.serviceUrl, where, from: people.priya, botMessagePreviewAction: 'send', botActivityPreview: [preview] },
      ),
    );
    await settle();
    const slip = (await boxSlips()).find((s) => s.message === 'Thank you for asking early')!;
    expect(slip.quote).toBe("Can anyone cover the 2pm clinic? I'm stuck on the ward.");
    expect(slip.recipients[0].name).toBe('Sam Patel');
  });

  test('a private slip is never posted in the conversation: it goes to the recipient and the sender is told', async () => {
    const data = {
      draftId: 'draft-private-1',
      recipients: people.sam.aadObjectId,
      message: 'Thank you for listening on Tuesday',
      values: 'Including others',
      visibility: 'private',
    };
    const res = await h.post(composeExtension.submitAction('sendThanks', data, { serviceUrl: h.serviceUrl, where, from: people.priya }));
    expect(res.body.task).toEqual({ type: 'message', value: 'Your thanks has gone to Sam Patel. Only you and they can see it.' });
    await settle();
    expect(cardsIn(conversationFor(where, people.priya).id)).toHaveLength(0);
    expect(notificationsTo(people.sam).some((r) => textOf(r.body).includes('Thank you for listening on Tuesday'))).toBe(true);
    const slip = (await boxSlips()).find((s) => s.message === 'Thank you for listening on Tuesday')!;
    expect(slip.visibility).toBe('private');
  });

  test('malformed invoke data gets the form back with a kind message, and nothing is saved', async () => {
    const before = (await boxSlips()).length;
    const res = await h.post(
      composeExtension.submitAction(
        'sendThanks',
        { recipients: ['not', 'a', 'string'], message: 7 },
        { serviceUrl: h.serviceUrl, where, from: people.jo },
      ),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body.task.value.card.content)).toContain('didn’t come through properly');
    expect((await boxSlips()).length).toBe(before);
    expect(h.logs.entries.some((e) => e.msg === 'malformed slip form')).toBe(true);
  });
});

describe('"Add my thanks"', () => {
  let slip: Slip;
  let cardId: string;

  beforeAll(async () => {
    h.connector.clear();
    const a = message('thanks @Amara for leading the huddle', {
      serviceUrl: h.serviceUrl,
      where: 'channel',
      from: people.jo,
      mentions: [people.amara],
      mentionBot: true,
    });
    await h.post(a);
    await settle();
    slip = (await boxSlips()).find((s) => s.message === 'for leading the huddle')!;
    cardId = slip.postedActivityId!;
  });
  const press = (from: TestPerson, verb = 'slip.cosign') =>
    h.post(
      cardAction(
        verb,
        { slipId: slip.id, teamId: slip.teamId, month: slip.month },
        { serviceUrl: h.serviceUrl, where: 'channel', from, replyToId: cardId },
      ),
    );

  test('20 colleagues pressing at once are each counted once, and the card shows all 20', async () => {
    const colleagues = crowd(20);
    const results = await Promise.all(colleagues.map((p) => press(p)));
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(r.body.value)).toContain('You’ve added your thanks.');
      expect(r.body.value.actions).toEqual([]);
    }
    await settle();
    const stored = await h.valued.repos.slips.get(slip.teamId, slip.month, slip.id);
    expect(stored!.cosigners).toHaveLength(20);
    expect(new Set(stored!.cosigners.map((c) => c.id)).size).toBe(20);
    const updates = h.connector.updates().filter((u) => u.activityId === cardId);
    expect(updates.length).toBeGreaterThan(0);
    const last = updates.at(-1)!.body.attachments[0].content;
    expect(JSON.stringify(last)).toContain('and 15 others add their thanks too');
    // The card everyone sees still offers the button; it never becomes one person's view.
    expect(last.actions.map((x: any) => x.title)).toEqual(['Add my thanks']);
  });

  test('pressing twice counts once, with a friendly word', async () => {
    await press(people.priya);
    const again = await press(people.priya);
    expect(again.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'You’ve already added your thanks to this one. Thank you!',
    });
    const stored = await h.valued.repos.slips.get(slip.teamId, slip.month, slip.id);
    expect(stored!.cosigners.filter((c) => c.id === people.priya.aadObjectId)).toHaveLength(1);
  });

  test('the sender and the recipient are not offered it, and cannot add to it', async () => {
    for (const p of [people.jo, people.amara]) {
      const view = await press(p, 'slip.refresh');
      expect(view.body.value.actions).toEqual([]);
      const res = await press(p);
      expect(res.body.type).toBe('application/vnd.microsoft.activity.message');
      expect(res.body.value).toMatch(/can’t add to it/);
    }
  });

  test('a crafted button press for a slip that does not exist, or with junk data, is answered kindly', async () => {
    const res = await h.post(
      cardAction(
        'slip.cosign',
        { slipId: 'nope', teamId: TEAM.id, month: month() },
        { serviceUrl: h.serviceUrl, where: 'channel', from: people.sam },
      ),
    );
    expect(res.status).toBe(200);
    const junk = await h.post(
      cardAction('slip.cosign', { slipId: { $ne: 1 }, month: '2026-13' }, { serviceUrl: h.serviceUrl, where: 'channel', from: people.sam }),
    );
    expect(junk.body.value).toMatch(/button didn’t work/);
  });
});

test('the slip card refreshes for every member of a small chat', async () => {
  h.connector.clear();
  const a = message('thanks @Ola for the lift', {
    serviceUrl: h.serviceUrl,
    where: 'channel',
    from: people.priya,
    mentions: [people.ola],
    mentionBot: true,
  });
  await h.post(a);
  const [posted] = cardsIn(a.conversation.id);
  expect(posted.body.attachments[0].content.refresh.userIds.sort()).toEqual(
    Object.values(people)
      .map((p) => p.id)
      .sort(),
  );
  expect(posted.conversationId).toBe(`${CHANNEL.id};messageid=1700000000000`);
});
