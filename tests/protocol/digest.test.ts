// The monthly governance digest over the real Teams protocol: a box filled through the bot
// (slips in the channel, a private slip, a recipient who opted out of read-outs, a profile
// title, a nomination and an announced star), then the lead's "digest" command, the refusals,
// the card the scheduler posts in the channel and its leads-only button. Every card captured
// along the way is checked: private slips and opted-out people never appear.
import { startHarness, type Harness } from '../support/harness';
import { textOf, type Recorded } from '../support/connector';
import {
  CHANNEL,
  TEAM,
  cardAction,
  composeExtension,
  crowd,
  installationUpdate,
  message,
  people,
  type TestPerson,
  type Where,
} from '../support/teams';
import { monthLabel, monthOf, nextMonth, previousMonth } from '../../src/domain/box';
import { defaultTeamSettings } from '../../src/domain/team-settings';
import { LinkSigner } from '../../src/services/link-signer';
import { BAD_MONTH, DIGEST_ONLY_PERSONAL, LEADS_ONLY_READ_OUT, NOT_A_LEAD_OF_ANY_TEAM } from '../../src/bot/listeners/digest';

const LINK_SECRET = 'digest-protocol-test-secret-0123456789abcdef';
const signer = new LinkSigner(LINK_SECRET);
let h: Harness;
const month = monthOf(new Date());
const previous = previousMonth(month);
const previousLabel = previous.slice(0, 4) === month.slice(0, 4) ? monthLabel(previous).split(' ')[0] : monthLabel(previous);
const box = { teamId: TEAM.id, month };
const OTHER_TEAM = { id: '19:community-team@thread.tacv2', name: 'Community Team' };
const stranger = crowd(1, 900)[0];

const PRIVATE = 'Thank you for listening on Tuesday when I was upset';
const TO_OLA_ONLY = 'for sorting out the team lunch rota';
const TO_SAM = 'for covering my clinic at short notice';
const TO_SAM_AND_OLA = 'for the falls audit, done with such care';
const LAST_MONTH = 'Thank you for the clear handover notes';
const CITATION = 'For kindness under pressure, every single day';

const o = (from: TestPerson, where: Where = 'personal') => ({ serviceUrl: h.serviceUrl, from, where });
/** Every card the bot answered an invoke with, to check for leaks alongside what it sent. */
const answered: unknown[] = [];

async function say(text: string, from: TestPerson, where: Where = 'personal', mentions: TestPerson[] = []): Promise<Recorded[]> {
  const a = message(text, { ...o(from, where), mentions, mentionBot: where !== 'personal' });
  expect((await h.post(a)).status).toBe(200);
  return h.connector.sent(a.conversation.id).filter((r) => r.activityId === a.id);
}
async function press(verb: string, data: Record<string, unknown>, from: TestPerson, where: Where = 'personal') {
  const res = await h.post(cardAction(verb, data, o(from, where)));
  expect(res.status).toBe(200);
  answered.push(res.body);
  return res;
}
const settle = () => h.valued.bot.sender.idle();
const cardText = (card: any) => textOf({ attachments: [{ content: card }] });
const actionsOf = (card: any) => card.actions as Array<Record<string, any>>;
const linkOf = (url: string) => new URL(url).searchParams.get('link');

/** "For <name>…: <message>" for each read-out slip on the card. */
function readOut(card: any): string[] {
  return card.body
    .filter((b: any) => b.type === 'Container' && b.items?.[0]?.text?.startsWith('For '))
    .flatMap((g: any) => g.items.slice(1).map((s: any) => `${g.items[0].text}: ${s.items[0].inlines[0].text}`));
}

beforeAll(async () => {
  h = await startHarness({ FIRST_LEAD_IDS: people.jo.aadObjectId, LINK_SECRET });
  h.connector.members = [...Object.values(people), stranger].map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }));
  for (const p of Object.values(people)) await h.post(installationUpdate(o(p)));
  // The team is first seen in its General channel, where Jo (the configured first lead) says hello.
  await say('help', people.jo, 'channel');
  // Sam has a preferred title; Ola chose not to have slips read out.
  await press('profile.save', { preferredTitle: 'Associate practitioner', staffGroup: 'support worker' }, people.sam);
  await press('profile.save', { noReadOut: 'true' }, people.ola);
  // One slip through the form, with values; the rest typed in the channel.
  const form = await press(
    'slip.submit',
    {
      draftId: 'draft-digest-sam',
      recipients: people.sam.aadObjectId,
      message: TO_SAM,
      values: 'Team player,Skill and expertise',
      visibility: 'team',
    },
    people.amara,
    'channel',
  );
  expect(cardText(form.body.value)).toContain('Your thanks is on its way');
  await say(`thanks @Sam @Ola ${TO_SAM_AND_OLA}`, people.priya, 'channel', [people.sam, people.ola]);
  await say(`thanks @Ola ${TO_OLA_ONLY}`, people.amara, 'channel', [people.ola]);
  const privately = await h.post(
    composeExtension.submitAction(
      'sendThanks',
      {
        draftId: 'draft-digest-private',
        recipients: people.sam.aadObjectId,
        message: PRIVATE,
        values: 'Including others',
        visibility: 'private',
      },
      o(people.priya, 'channel'),
    ),
  );
  expect(privately.body.task.value).toContain('Only you and they can see it');
  // Last month's box had one slip, for the change and for the default month.
  // Sam's own slip, so the copy is read out whichever order the box lists in.
  const one = (await h.valued.repos.slips.listBox(TEAM.id, month)).find(
    (s) => s.visibility === 'team' && s.recipients.length === 1 && s.recipients[0].id === people.sam.aadObjectId,
  )!;
  await h.valued.repos.slips.create({
    ...one,
    id: 'last-month-1',
    month: previous,
    createdAt: new Date(Date.now() - 35 * 86_400_000).toISOString(),
    message: LAST_MONTH,
    recipients: [one.recipients[0]],
    cosigners: [],
    visibility: 'team',
  });
  // Sam is nominated and announced as star of the month.
  await press(
    'nomination.submit',
    {
      ...box,
      nominee: people.sam.aadObjectId,
      reason: 'Sam covered three clinics and was kind to everyone all week',
      values: 'Team player',
      anonymous: 'false',
    },
    people.amara,
  );
  const announced = await press('som.announce', { ...box, winners: people.sam.aadObjectId, citation: CITATION }, people.jo);
  expect(cardText(announced.body.value)).toContain('Announced in the team channel');
  await settle();
  expect((await h.valued.repos.slips.listBox(TEAM.id, month)).map((s) => s.visibility).sort()).toEqual(['private', 'team', 'team', 'team']);
});

afterAll(() => h.stop());

describe('the lead’s "digest" command in the personal chat', () => {
  let card: any;

  beforeAll(async () => {
    const [reply] = await say(`digest ${monthLabel(month)}`, people.jo);
    card = reply.body.attachments[0].content;
  });

  test('shows the box: totals and the change, the star with the citation, the nomination', () => {
    const t = cardText(card);
    expect(t).toContain(`Therapies Team — digest for ${monthLabel(month)}`);
    expect(t).toContain(`4 slips, 3 more than ${previousLabel}`);
    expect(t).toContain('1 (counted, never read out)');
    expect(t).toContain('Star of the month');
    expect(t).toContain('Sam Patel');
    expect(JSON.stringify(card)).toContain(CITATION);
    expect(t).toContain('1 nomination for 1 colleague, made by 1 person.');
    expect(card.body.find((b: any) => b.type === 'FactSet' && b.facts.some((f: any) => f.title === 'Team player')).facts).toEqual([
      { title: 'Skill and expertise', value: '1 slip' },
      { title: 'Team player', value: '1 slip' },
    ]);
  });

  test('reads out only team slips to people who did not opt out; nobody who opted out is named', () => {
    expect(readOut(card)).toEqual([
      `For Sam Patel, Associate practitioner: ${TO_SAM}`,
      `For Sam Patel, Associate practitioner: ${TO_SAM_AND_OLA}`,
    ]);
    expect(cardText(card)).toContain('2 slips to read out');
    const all = JSON.stringify(card);
    for (const hidden of [PRIVATE, TO_OLA_ONLY, 'Ola Nowak', LAST_MONTH]) expect(all).not.toContain(hidden);
  });

  test('says how far recognition reaches the team, in counts only, never names', () => {
    const t = cardText(card);
    const reach = t.slice(t.indexOf('Reach: does recognition reach the whole team?'), t.indexOf('Slips to read out'));
    expect(reach).toMatch(
      /^Reach: does recognition reach the whole team\?\n(Of \d+ team members, (\d+|no one) received a thank-you or a nomination this month\.|This team has fewer than 5 members, so Reach shows no figures)/,
    );
    expect(reach).toContain('Counts only, never names.');
    for (const p of [...Object.values(people), stranger]) expect(reach).not.toContain(p.name);
  });

  test('carries three links for the lead, to this box only, that work for 12 hours', () => {
    const actions = actionsOf(card);
    expect(actions.map((a) => [a.type, a.title])).toEqual([
      ['Action.OpenUrl', 'Open read-out'],
      ['Action.OpenUrl', 'Printable page'],
      ['Action.OpenUrl', 'Download CSV'],
    ]);
    expect(actions.map((a) => new URL(a.url).pathname)).toEqual(['/digest/readout', '/digest/print', '/digest/export.csv']);
    for (const a of actions) {
      expect(a.url.startsWith(h.valued.http.url)).toBe(true);
      expect(signer.verifyBox(linkOf(a.url), 'digest', new Date())).toEqual({ personId: people.jo.aadObjectId, ...box });
      expect(signer.verifyBox(linkOf(a.url), 'digest', new Date(Date.now() + 11.9 * 3600_000))).toBeDefined();
      expect(signer.verifyBox(linkOf(a.url), 'digest', new Date(Date.now() + 12.1 * 3600_000))).toBeUndefined();
      expect(signer.verify(linkOf(a.url), 'portfolio', new Date())).toBeUndefined();
    }
  });

  test('the links open the lead’s read-out, printable page and CSV of this box', async () => {
    const [readout, print, csv] = await Promise.all(actionsOf(card).map((a) => fetch(a.url)));
    expect([readout.status, print.status, csv.status]).toEqual([200, 200, 200]);
    expect(await readout.text()).toContain(TO_SAM);
    expect(await print.text()).toContain(TO_SAM_AND_OLA);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).not.toContain(PRIVATE);
  });

  test('with no month it shows the month before this one', async () => {
    const [reply] = await say('digest', people.jo);
    const last = reply.body.attachments[0].content;
    expect(cardText(last)).toContain(`Therapies Team — digest for ${monthLabel(previous)}`);
    expect(readOut(last)).toEqual([expect.stringContaining(LAST_MONTH)]);
    expect(signer.verifyBox(linkOf(actionsOf(last)[0].url), 'digest', new Date())).toEqual({
      personId: people.jo.aadObjectId,
      teamId: TEAM.id,
      month: previous,
    });
  });
});

describe('refusals are kind and say what to do', () => {
  const replyTo = async (text: string, from: TestPerson, where: Where = 'personal') => textOf((await say(text, from, where))[0].body);

  test('a colleague who is not a lead is told who can see the digest', async () => {
    expect(await replyTo('digest', people.amara)).toBe(
      'Only your team’s governance leads can see the monthly digest and read-out. If you think you should be one, a lead can add you in the settings card.',
    );
    // Someone in no team Valued knows (not on any roster).
    expect(await replyTo(`digest ${month}`, crowd(1, 950)[0])).toBe(NOT_A_LEAD_OF_ANY_TEAM);
    // Someone on the team's roster who is not a lead.
    expect(await replyTo(`digest ${month}`, stranger)).toBe(
      'Only your team’s governance leads can see the monthly digest and read-out. If you think you should be one, a lead can add you in the settings card.',
    );
  });

  test('in a channel or a group chat the digest is only offered in the personal chat', async () => {
    expect(await replyTo('digest', people.jo, 'channel')).toBe(DIGEST_ONLY_PERSONAL);
    expect(await replyTo(`digest ${month}`, people.jo, 'groupChat')).toBe(DIGEST_ONLY_PERSONAL);
  });

  test.each(['Maybe', '2026-13', '05-2026', '2026-5', 'May twenty'])('"digest %s" asks for the month and year in words', async (asked) => {
    expect(await replyTo(`digest ${asked}`, people.jo)).toBe(BAD_MONTH);
  });

  test('a month that has not started yet has no digest', async () => {
    expect(await replyTo(`digest ${nextMonth(month)}`, people.jo)).toBe(
      `${monthLabel(nextMonth(month))} hasn’t started yet, so there’s no digest for it. Please choose ${monthLabel(month)} or an earlier month, for example: digest ${monthLabel(previous)}`,
    );
  });
});

describe('the card the scheduler posts in the team channel', () => {
  let posted: any;
  let activityId: string | undefined;

  beforeAll(async () => {
    const settings = (await h.valued.repos.teamSettings.get(TEAM.id))!;
    const before = h.connector.sent(CHANNEL.id).length;
    activityId = await h.valued.bot.digestPoster.post(settings, await h.valued.digests.build(TEAM.id, month));
    const sent = h.connector.sent(CHANNEL.id).slice(before);
    expect(sent).toHaveLength(1);
    posted = sent[0].body;
  });

  test('goes into the team’s channel as a new post, with the month’s digest and no links', () => {
    expect(activityId).toEqual(expect.any(String));
    expect(posted.summary).toBe(`Therapies Team: digest for ${monthLabel(month)}`);
    const card = posted.attachments[0].content;
    expect(cardText(card)).toContain(`4 slips, 3 more than ${previousLabel}`);
    expect(readOut(card)).toHaveLength(2);
    expect(actionsOf(card)).toEqual([{ type: 'Action.Execute', title: 'Open read-out (leads)', verb: 'digest.links', data: box }]);
    expect(JSON.stringify(card)).not.toMatch(/link=|\/digest\/|Action\.OpenUrl/);
  });

  test('"Open read-out (leads)" gives a lead the same card with their own signed links', async () => {
    const { data, verb } = actionsOf(posted.attachments[0].content)[0];
    const res = await press(verb, data, people.jo, 'channel');
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = res.body.value;
    expect(readOut(card)).toEqual(readOut(posted.attachments[0].content));
    const urls = actionsOf(card).map((a) => a.url);
    expect(urls).toHaveLength(3);
    for (const url of urls)
      expect(signer.verifyBox(linkOf(url), 'digest', new Date())).toEqual({ personId: people.jo.aadObjectId, ...box });
  });

  test('anyone else gets a kind word and no digest or links, in the channel or with made-up data', async () => {
    for (const where of ['channel', 'personal'] as const) {
      const res = await press('digest.links', box, people.amara, where);
      expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: LEADS_ONLY_READ_OUT });
    }
    const malformed = await press('digest.links', { teamId: TEAM.id, month: 'soon' }, people.jo, 'channel');
    expect(malformed.body.value).toContain('Sorry, that button didn’t work.');
  });

  test('a team Valued has never seen in a channel has nowhere to post', async () => {
    const settings = defaultTeamSettings('19:never-seen@thread.tacv2', 'Never Seen', 't', new Date());
    const before = h.connector.sent().length;
    expect(await h.valued.bot.digestPoster.post(settings, await h.valued.digests.build(TEAM.id, month))).toBeUndefined();
    expect(h.connector.sent().length).toBe(before);
  });
});

test('a lead of two teams chooses the team first', async () => {
  await h.valued.repos.teamSettings.ensure(defaultTeamSettings(OTHER_TEAM.id, OTHER_TEAM.name, 't', new Date(), [people.jo.aadObjectId]));
  await h.valued.repos.memberships.record({
    personId: people.jo.aadObjectId,
    teamId: OTHER_TEAM.id,
    teamName: OTHER_TEAM.name,
    lastUsedAt: new Date().toISOString(),
  });
  const [reply] = await say(`digest ${month}`, people.jo);
  const choice = reply.body.attachments[0].content;
  expect(cardText(choice)).toContain(`Which team’s digest for ${monthLabel(month)}?`);
  expect(
    choice.body
      .find((b: any) => b.id === 'teamId')
      .choices.map((c: any) => c.title)
      .sort(),
  ).toEqual(['Community Team', 'Therapies Team']);
  expect(choice.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'digest.show', data: { month } });
  const res = await press('digest.show', { ...choice.actions[0].data, teamId: OTHER_TEAM.id }, people.jo);
  expect(cardText(res.body.value)).toContain(`Community Team — digest for ${monthLabel(month)}`);
  expect(cardText(res.body.value)).toContain('0 slips, the same as');
  expect(signer.verifyBox(linkOf(actionsOf(res.body.value)[0].url), 'digest', new Date())).toEqual({
    personId: people.jo.aadObjectId,
    teamId: OTHER_TEAM.id,
    month,
  });
  // The choice card's button, pressed by someone who leads neither team, shows nothing.
  const refused = await press('digest.show', { month, teamId: OTHER_TEAM.id }, people.amara);
  expect(refused.body.value).toMatch(/^Only your team’s governance leads can see the monthly digest/);
});

test('no card the bot sent, updated or answered with ever carried a private slip or a person who opted out', () => {
  // The private slip did reach Sam personally, as it should; nowhere else.
  const toSam = JSON.stringify(
    h.connector
      .sent()
      .filter((r) => r.body?.attachments && JSON.stringify(r.body).includes(PRIVATE))
      .map((r) => r.conversationId),
  );
  expect(JSON.parse(toSam).every((id: string) => id.startsWith('a:'))).toBe(true);
  const digestCards = [...h.connector.sent(), ...h.connector.updates()]
    .map((r) => r.body)
    .concat(answered.map((b: any) => ({ attachments: [{ content: b.value }] })))
    .filter((b: any) => JSON.stringify(b ?? {}).includes('— digest for'));
  expect(digestCards.length).toBeGreaterThanOrEqual(5);
  for (const c of digestCards) for (const hidden of [PRIVATE, TO_OLA_ONLY, 'Ola Nowak']) expect(JSON.stringify(c)).not.toContain(hidden);
  expect(digestCards.filter((c) => JSON.stringify(c).includes(TO_SAM)).length).toBeGreaterThanOrEqual(3);
});
