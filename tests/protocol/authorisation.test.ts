// Every path that is someone else's, tried over the real protocol by the wrong person: Amara
// (a member, not a lead) goes after Priya's history, profile, export, portfolio, CSV and
// erasure, a private slip she is not part of, every lead action, settings and the digest; Sam,
// the lead of another team, tries this team's lead actions. Each is refused, and afterwards
// every table holds exactly what it held before and nothing reached anyone else's chat.
// Each path has a control (the rightful person, same request) so a leak would be seen.
import { startHarness, type Harness } from '../support/harness';
import { textOf, type Recorded } from '../support/connector';
import {
  TEAM,
  cardAction,
  crowd,
  composeExtension,
  installationUpdate,
  message,
  people,
  type TestPerson,
  type Where,
} from '../support/teams';
import { monthOf } from '../../src/domain/box';
import { defaultTeamSettings } from '../../src/domain/team-settings';
import { LinkSigner, type LinkPurpose } from '../../src/services/link-signer';
import { TABLES } from '../../src/storage/table/keys';
import { PRIVATE_ONLY, SLIP_NOT_FOUND } from '../../src/services/access-policy';
import { NOT_A_LEAD } from '../../src/bot/star-of-the-month/reviewing';
import { LEADS_ONLY_READ_OUT, NOT_A_LEAD_OF_ANY_TEAM } from '../../src/bot/listeners/digest';
import type { Slip } from '../../src/domain/slip';

const LINK_SECRET = 'authorisation-test-secret-0123456789abcdef';
const signer = new LinkSigner(LINK_SECRET);
const month = monthOf(new Date());
const box = { teamId: TEAM.id, month };
const OTHER_TEAM = { id: '19:community-team@thread.tacv2', name: 'Community Team' };
const { amara, priya, sam, jo, ola } = people;
/** Someone who has not used Valued in any team. */
const newcomer = crowd(1, 900)[0];

// Priya's own words, which must never reach Amara.
const PRIYA_THANKED = 'for the calm handover on the stroke unit';
const PRIVATE = 'Thank you for listening when the shift went badly';
const PRIYA_TITLE = 'Ward sister';

let h: Harness;
let privateSlip: Slip;

const o = (from: TestPerson, where: Where = 'personal') => ({ serviceUrl: h.serviceUrl, from, where });
/** Ids of the activities posted here: replies to them go back to whoever sent them, not to others. */
const asked = new Set<string>();
const press = (verb: string, data: Record<string, unknown>, from: TestPerson, where: Where = 'personal') => {
  const a = cardAction(verb, data, o(from, where));
  asked.add(a.id);
  return h.post(a);
};
async function say(text: string, from: TestPerson, where: Where = 'personal', mentions: TestPerson[] = []): Promise<Recorded[]> {
  const a = message(text, { ...o(from, where), mentions, mentionBot: where !== 'personal' });
  asked.add(a.id);
  expect((await h.post(a)).status).toBe(200);
  return h.connector.sent(a.conversation.id).filter((r) => r.activityId === a.id);
}
const url = (path: string) => `${h.valued.http.url}${path}`;
const link = (personId: string, purpose: LinkPurpose) => encodeURIComponent(signer.sign(personId, purpose, new Date()));
const PERSON_PAGES: Array<[string, LinkPurpose]> = [
  ['/me/portfolio', 'portfolio'],
  ['/me/history.csv', 'history-csv'],
  ['/me/export.json', 'export'],
];

// Tables a refused request may still touch: where people are reached (remembered on every
// activity), the teams they use, redelivery claims and the sending limit. Everything else must
// be byte for byte as it was.
const BOOKKEEPING = new Set(['conversations', 'memberships', 'processed', 'ratelimits']);
async function everyTable(): Promise<string> {
  // The tables are read side by side; the snapshot keeps their fixed order.
  const names = TABLES.filter((n) => !BOOKKEEPING.has(n));
  const tables = await Promise.all(
    names.map(async (t) => {
      const rows: Array<Record<string, unknown>> = [];
      for await (const e of h.valued.store.table(t).listEntities()) {
        const { etag: _etag, timestamp: _timestamp, ...rest } = e as Record<string, unknown>;
        rows.push(rest);
      }
      rows.sort((a, b) => `${a.partitionKey}|${a.rowKey}`.localeCompare(`${b.partitionKey}|${b.rowKey}`));
      return [t, rows] as const;
    }),
  );
  return JSON.stringify(Object.fromEntries(tables));
}

/** What reached anyone but the person trying: card updates, and anything sent that is not a reply to them. */
const reachedOthers = () =>
  h.connector.requests.filter((r) => r.method === 'PUT' || (r.method === 'POST' && !(r.activityId && asked.has(r.activityId)))).length;

/** Runs a forbidden attempt; asserts nothing stored changed and nobody but the one trying was sent anything. */
async function nothingChanges<T>(attempt: () => Promise<T>): Promise<T> {
  await h.valued.bot.sender.idle();
  const before = await everyTable();
  const others = reachedOthers();
  const result = await attempt();
  await h.valued.bot.sender.idle();
  expect(await everyTable()).toBe(before);
  expect(reachedOthers()).toBe(others);
  return result;
}

const answerOf = (res: { status: number; body: any }) => {
  expect(res.status).toBe(200);
  return res.body.type === 'application/vnd.microsoft.activity.message' ? String(res.body.value) : JSON.stringify(res.body.value);
};

beforeAll(async () => {
  // Amara is who the tab shows when opened without Teams (local mode only).
  h = await startHarness({ FIRST_LEAD_IDS: jo.aadObjectId, LINK_SECRET, DEV_USER_ID: amara.aadObjectId, DEV_USER_NAME: amara.name });
  h.connector.members = Object.values(people).map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }));
  // Everyone installs at once: each installation is independent of the others.
  await Promise.all(Object.values(people).map((p) => h.post(installationUpdate(o(p)))));
  await say('help', jo, 'channel');
  // Sam leads another team, not this one.
  await h.valued.repos.teamSettings.ensure({
    ...defaultTeamSettings(OTHER_TEAM.id, OTHER_TEAM.name, 'tenant', new Date(), [jo.aadObjectId]),
    leadIds: [sam.aadObjectId],
  });
  await h.valued.repos.memberships.record({
    personId: sam.aadObjectId,
    teamId: OTHER_TEAM.id,
    teamName: OTHER_TEAM.name,
    lastUsedAt: new Date().toISOString(),
  });
  // Priya has recognition (a team slip and a private one), a profile, and is nominated.
  await say(`thanks @Priya ${PRIYA_THANKED}`, ola, 'channel', [priya]);
  const privately = await h.post(
    composeExtension.submitAction(
      'sendThanks',
      {
        draftId: 'draft-authz-private',
        recipients: priya.aadObjectId,
        message: PRIVATE,
        values: 'Including others',
        visibility: 'private',
      },
      o(sam, 'channel'),
    ),
  );
  expect(privately.body.task.value).toContain('Only you and they can see it');
  await press('profile.save', { preferredTitle: PRIYA_TITLE }, priya);
  await press(
    'nomination.submit',
    {
      ...box,
      nominee: priya.aadObjectId,
      reason: 'Priya kept the whole ward calm through a very hard week',
      values: 'Team player',
      anonymous: 'false',
    },
    ola,
  );
  await h.valued.bot.sender.idle();
  privateSlip = (await h.valued.repos.slips.listBox(TEAM.id, month)).find((s) => s.visibility === 'private')!;
  expect(privateSlip.message).toBe(PRIVATE);
  expect((await h.valued.repos.history.slipPage(priya.aadObjectId, 10)).items).toHaveLength(2);
});
afterAll(() => h.stop());

describe('a person’s own recognition and data: the person only', () => {
  test('someone else’s history page (card data naming Priya) is refused; the control shows Priya hers', async () => {
    const bToken = (await h.valued.repos.history.slipPage(priya.aadObjectId, 1)).continuationToken;
    const data = { token: '', previous: '', fValue: '', fYear: '', personId: priya.aadObjectId };
    const answer = await nothingChanges(async () => answerOf(await press('history.page', data, amara)));
    expect(answer).toBe('Sorry, you can only see your own recognition.');
    // Priya's paging token, without naming her, still only ever reads Amara's own partition.
    const withToken = await nothingChanges(async () =>
      answerOf(await press('history.page', { ...data, personId: undefined, token: bToken }, amara)),
    );
    for (const text of [PRIYA_THANKED, PRIVATE]) expect(withToken).not.toContain(text);
    // In a group chat nobody's history is shown, not even their own.
    expect(await nothingChanges(async () => answerOf(await press('history.page', { ...data }, priya, 'groupChat')))).toBe(PRIVATE_ONLY);
    // Control: the same request from Priya, in her personal chat.
    const own = answerOf(await press('history.page', data, priya));
    expect(own).toContain(PRIYA_THANKED);
    expect(own).toContain(PRIVATE);
  });

  test('"my recognition", "profile", "export my data" and "erase my data" outside the personal chat are refused there', async () => {
    for (const text of ['my recognition', 'profile', 'export my data', 'erase my data']) {
      const replies = await nothingChanges(() => say(text, priya, 'groupChat'));
      expect(replies.map((r) => textOf(r.body))).toEqual([PRIVATE_ONLY]);
    }
  });

  test('saving someone else’s profile is refused; neither profile changes', async () => {
    const answer = await nothingChanges(async () =>
      answerOf(
        await press('profile.save', { personId: priya.aadObjectId, preferredTitle: 'Not a real title', staffGroup: 'other' }, amara),
      ),
    );
    expect(answer).toBe('Sorry, you can only change your own profile. Nothing was changed.');
    expect((await h.valued.repos.profiles.get(priya.aadObjectId))?.preferredTitle).toBe(PRIYA_TITLE);
    expect(await h.valued.repos.profiles.get(amara.aadObjectId)).toBeUndefined();
    // In a group chat, even one's own profile is not saved (the card would be read by others).
    expect(
      await nothingChanges(async () => answerOf(await press('profile.save', { preferredTitle: 'Charge nurse' }, priya, 'groupChat'))),
    ).toBe(PRIVATE_ONLY);
  });

  test('erasing someone else’s data is refused and nothing is erased; nor is anything erased from a group chat', async () => {
    const answer = await nothingChanges(async () =>
      answerOf(await press('erase.confirm', { confirm: 'erase', personId: priya.aadObjectId }, amara)),
    );
    expect(answer).toBe('Sorry, you can only erase your own data. Nothing was erased.');
    expect(await nothingChanges(async () => answerOf(await press('erase.confirm', { confirm: 'erase' }, priya, 'groupChat')))).toBe(
      PRIVATE_ONLY,
    );
    expect((await h.valued.repos.history.slipPage(priya.aadObjectId, 10)).items).toHaveLength(2);
    expect((await h.valued.repos.profiles.get(priya.aadObjectId))?.preferredTitle).toBe(PRIYA_TITLE);
  });

  test.each(PERSON_PAGES)(
    '%s: a link signed for Amara but naming Priya, an altered link, or a link for something else gets 403 and none of Priya’s data',
    async (path, purpose) => {
      const mine = decodeURIComponent(link(amara.aadObjectId, purpose));
      const [body, mac] = mine.split('.');
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
      const altered = `${Buffer.from(JSON.stringify({ ...claims, sub: priya.aadObjectId })).toString('base64url')}.${mac}`;
      const otherPurpose: LinkPurpose = purpose === 'export' ? 'portfolio' : 'export';
      const attempts = [
        `${path}?link=${encodeURIComponent(mine)}&personId=${encodeURIComponent(priya.aadObjectId)}`,
        `${path}?link=${encodeURIComponent(altered)}`,
        `${path}?link=${link(priya.aadObjectId, otherPurpose)}`,
        `${path}?link=${encodeURIComponent(signer.sign(priya.aadObjectId, purpose, new Date(Date.now() - 2 * 3600_000)))}`,
      ];
      for (const attempt of attempts) {
        const res = await nothingChanges(() => fetch(url(attempt)));
        const text = await res.text();
        expect([attempt, res.status]).toEqual([attempt, 403]);
        for (const secret of [PRIYA_THANKED, PRIVATE, PRIYA_TITLE]) expect(text).not.toContain(secret);
      }
      // Control: Priya's own link opens her data.
      const own = await fetch(url(`${path}?link=${link(priya.aadObjectId, purpose)}`));
      expect(own.status).toBe(200);
      expect(await own.text()).toContain(PRIYA_THANKED);
    },
  );

  test.each([
    ['GET', '/api/me/summary'],
    ['GET', '/api/me/slips'],
    ['GET', '/api/me/view/summary'],
    ['GET', '/api/me/view/slips'],
    ['POST', '/api/me/links'],
  ])('the tab’s %s %s naming Priya is refused with 403; unnamed it answers for the caller only', async (method, path) => {
    const res = await nothingChanges(() => fetch(url(`${path}?personId=${encodeURIComponent(priya.aadObjectId)}`), { method }));
    expect(res.status).toBe(403);
    const refused = await res.json();
    expect(refused.message).toMatch(/^Sorry, /);
    const own = await fetch(url(path), { method });
    expect(own.status).toBe(200);
    const text = await own.text();
    for (const secret of [PRIYA_THANKED, PRIVATE]) expect(text).not.toContain(secret);
  });
});

describe('a private slip: its sender and recipients only', () => {
  const ref = () => ({ slipId: privateSlip.id, teamId: privateSlip.teamId, month: privateSlip.month });

  test('adding thanks to a private slip one is not part of is "not found"; no thanks is added', async () => {
    const answer = await nothingChanges(async () => answerOf(await press('slip.cosign', ref(), amara, 'channel')));
    expect(answer).toBe(SLIP_NOT_FOUND);
    expect((await h.valued.repos.slips.get(privateSlip.teamId, privateSlip.month, privateSlip.id))!.cosigners).toEqual([]);
  });

  test('refreshing a private slip one is not part of shows nothing of it; its recipient sees it', async () => {
    const answer = await nothingChanges(async () => answerOf(await press('slip.refresh', ref(), amara, 'channel')));
    expect(answer).not.toContain(PRIVATE);
    expect(answer).toMatch(/^Sorry, /);
    expect(answerOf(await press('slip.refresh', ref(), priya, 'channel'))).toContain(PRIVATE);
  });
});

describe('a box’s nominations, each lead action and the team’s settings: that team’s leads only', () => {
  test('"nominations" and "settings" from a member are refused', async () => {
    expect((await nothingChanges(() => say('nominations', amara))).map((r) => textOf(r.body))).toEqual([NOT_A_LEAD]);
    const [inChannel] = await nothingChanges(() => say('settings', amara, 'channel'));
    expect(textOf(inChannel.body)).toMatch(/^Only your team’s governance leads can change Valued’s settings/);
  });

  test.each([
    ['som.review', {}],
    ['som.shortlist', { shortlist: priya.aadObjectId }],
    ['som.openVote', {}],
    ['som.closeVote', {}],
    ['som.saveAward', { winners: priya.aadObjectId, citation: 'For everything' }],
    ['som.announce', { winners: priya.aadObjectId, citation: 'For everything' }],
    ['som.closeBox', {}],
    ['settings.open', {}],
    [
      'settings.save',
      {
        leadIds: amara.aadObjectId,
        values: 'Me',
        digestDay: '1',
        prizeText: '',
        voteEnabled: 'true',
        repeatWinnerMonths: '0',
        retentionMonths: '12',
      },
    ],
  ])('%s by a member, and by the lead of another team, is refused and changes nothing', async (verb, extra) => {
    for (const who of [amara, sam]) {
      const answer = await nothingChanges(async () => answerOf(await press(verb, { ...box, ...extra }, who)));
      expect(answer).toMatch(/^Only your team’s governance leads can .*a lead can add you in the settings card\.$/);
      expect(answer).not.toContain('Priya kept the whole ward calm');
    }
  });
});

describe('the digest and read-out: that team’s leads only', () => {
  test('"digest" from a member, or in the other team’s lead’s chat for this team, is refused', async () => {
    // Amara uses Valued in this team, so she hears the team's own refusal; someone in no team, how to start.
    const [refused] = await nothingChanges(() => say(`digest ${month}`, amara));
    expect(textOf(refused.body)).toMatch(/^Only your team’s governance leads can see the monthly digest/);
    expect((await nothingChanges(() => say(`digest ${month}`, newcomer))).map((r) => textOf(r.body))).toEqual([NOT_A_LEAD_OF_ANY_TEAM]);
    const show = await nothingChanges(async () => answerOf(await press('digest.show', { teamId: TEAM.id, month }, sam)));
    expect(show).toMatch(/^Only your team’s governance leads can see the monthly digest/);
    // "Open read-out (leads)" pressed away from the team's channel, with this team's box.
    expect(await nothingChanges(async () => answerOf(await press('digest.links', box, amara)))).toBe(LEADS_ONLY_READ_OUT);
    // Control: the lead gets the card with links.
    expect(answerOf(await press('digest.show', { teamId: TEAM.id, month }, jo))).toContain('/digest/readout?link=');
  });

  test('the read-out, printable page and CSV refuse a member’s link, another team’s lead’s link and an altered box', async () => {
    const lead = decodeURIComponent(encodeURIComponent(signer.signBox(jo.aadObjectId, 'digest', box, new Date())));
    const [body, mac] = lead.split('.');
    const moved = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), box: `${OTHER_TEAM.id}|${month}` })).toString('base64url')}.${mac}`;
    const links = [
      signer.signBox(amara.aadObjectId, 'digest', box, new Date()),
      signer.signBox(sam.aadObjectId, 'digest', box, new Date()),
      moved,
    ];
    for (const path of ['/digest/readout', '/digest/print', '/digest/export.csv']) {
      for (const l of links) {
        const res = await nothingChanges(() => fetch(url(`${path}?link=${encodeURIComponent(l)}`)));
        expect(res.status).toBe(403);
        expect(await res.text()).not.toContain(PRIYA_THANKED);
      }
      const own = await fetch(url(`${path}?link=${encodeURIComponent(lead)}`));
      expect(own.status).toBe(200);
      expect(await own.text()).toContain(PRIYA_THANKED);
    }
  });
});
