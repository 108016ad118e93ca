// Valued knows its teams and reaches everyone in them, over the real Teams protocol: the roster
// read in pages when Valued is added to a team, members added and removed, 1:1 chats Valued
// starts itself for people who never wrote to it, references kept fresh when Teams' service
// address moves, and membership rules for nominating and voting.
import { startHarness, type Harness } from '../support/harness';
import { LocalConnector, textOf } from '../support/connector';
import {
  TEAM,
  TENANT,
  cardAction,
  conversationFor,
  crowd,
  installationUpdate,
  message,
  people,
  teamEvent,
  type TestPerson,
  type Where,
} from '../support/teams';
import { monthLabel, monthOf } from '../../src/domain/box';
import { unpaced } from '../support/unpaced';

let h: Harness;
const month = monthOf(new Date());
const member = (p: TestPerson) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId, tenantId: TENANT });
const o = (from: TestPerson, where: Where = 'personal', serviceUrl = h.serviceUrl) => ({ serviceUrl, from, where });
const settle = () => h.valued.bot.sender.idle();
const reason = (what: string) => `${what}: calm, kind and always there for patients and colleagues`;
/** 1,200 people: three pages of 500 for Teams' paged members API. */
const team = crowd(1195, 1000);
const everyone = [...Object.values(people), ...team];
const newcomer: TestPerson = { id: '29:user-newcomer', name: 'Nia Newcomer', aadObjectId: '00000000-0000-4000-8000-00000000beef' };

async function say(text: string, from: TestPerson, where: Where = 'personal', mentions: TestPerson[] = [], serviceUrl?: string) {
  const a = message(text, { ...o(from, where, serviceUrl), mentions, mentionBot: where !== 'personal' });
  expect((await h.post(a)).status).toBe(200);
  return a;
}

beforeAll(async () => {
  h = await startHarness({ FIRST_LEAD_IDS: people.jo.aadObjectId }, unpaced);
  h.connector.teamMembers[TEAM.id] = everyone.map(member);
  h.connector.members = everyone.slice(0, 50).map(member);
});
afterAll(() => h.stop());

describe('the roster', () => {
  test('adding Valued to a 1,200-member team reads all three pages, in the background, and records everyone', async () => {
    const res = await h.post(teamEvent.botAdded(o(people.jo, 'channel')));
    expect(res.status).toBe(200);
    await settle();
    const pages = h.connector.memberReads.filter((r) => r.conversationId === TEAM.id && r.pageSize);
    expect(pages.map((p) => p.continuationToken)).toEqual([undefined, 'page-500', 'page-1000']);
    expect(pages.every((p) => p.pageSize === 500)).toBe(true);
    const members = await h.valued.repos.memberships.listTeam(TEAM.id);
    expect(members).toHaveLength(1200);
    const sam = members.find((m) => m.personId === people.sam.aadObjectId)!;
    expect(sam).toMatchObject({ teamsId: people.sam.id, name: people.sam.name, tenantId: TENANT, teamName: TEAM.name, lastUsedAt: '' });
    // Both ways: the person's own partition says which teams they are in.
    expect((await h.valued.repos.memberships.list(team[1194].aadObjectId)).map((m) => m.teamId)).toEqual([TEAM.id]);
    expect((await h.valued.repos.rosters.get(TEAM.id))!).toMatchObject({ memberCount: 1200, claimedBy: '' });
    // The welcome card is posted in the team, as before.
    expect(h.connector.sent(TEAM.id).length).toBeGreaterThan(0);
  });

  test('a team member who never used Valued can nominate from their personal chat straight away', async () => {
    const [p] = team;
    const a = await say('nominate', p);
    const [reply] = h.connector.sent(a.conversation.id).filter((r) => r.activityId === a.id);
    expect(textOf(reply.body)).toContain('Therapies Team');
    expect(textOf(reply.body)).not.toContain('I don’t know your team yet');
  });

  test('a member added is recorded with their name from Teams; a member removed is no longer a member', async () => {
    h.connector.teamMembers[TEAM.id] = [...everyone, newcomer].map(member);
    await h.post(teamEvent.memberAdded(newcomer, o(people.jo, 'channel')));
    await settle();
    expect(await h.valued.repos.memberships.get(newcomer.aadObjectId, TEAM.id)).toMatchObject({
      name: 'Nia Newcomer',
      teamsId: newcomer.id,
    });
    await h.post(teamEvent.memberRemoved(team[5], o(people.jo, 'channel')));
    await settle();
    expect(await h.valued.repos.memberships.get(team[5].aadObjectId, TEAM.id)).toBeUndefined();
    expect((await h.valued.repos.memberships.listTeam(TEAM.id)).map((m) => m.personId)).not.toContain(team[5].aadObjectId);
    h.connector.teamMembers[TEAM.id] = [...everyone.filter((p) => p !== team[5]), newcomer].map(member);
  });

  test('reconciliation reads the roster again once it is a day old, and makes the members match', async () => {
    const before = h.connector.memberReads.length;
    // Not due yet: nothing is read.
    expect((await h.valued.bot.roster.reconcileDue()).synced).toEqual([]);
    expect(h.connector.memberReads.length).toBe(before);
    await ageRoster();
    h.connector.teamMembers[TEAM.id] = [...everyone.filter((p) => p !== team[5] && p !== team[6]), newcomer].map(member);
    expect((await h.valued.bot.roster.reconcileDue()).synced).toEqual([TEAM.id]);
    const members = (await h.valued.repos.memberships.listTeam(TEAM.id)).map((m) => m.personId);
    expect(members).toHaveLength(1199);
    expect(members).not.toContain(team[6].aadObjectId);
    expect(members).toContain(newcomer.aadObjectId);
  });

  test('Teams throttling (429) is retried with backoff, and the roster still reads whole', async () => {
    await ageRoster();
    h.connector.failNext({ status: 429, retryAfter: '0', times: 2, match: (r) => r.path.endsWith('/pagedmembers') });
    expect((await h.valued.bot.roster.reconcileDue()).synced).toEqual([TEAM.id]);
    expect(await h.valued.repos.memberships.listTeam(TEAM.id)).toHaveLength(1199);
  });
});

describe('reaching people who never wrote first', () => {
  test('a slip to someone who never opened Valued starts a 1:1 chat, tells them once, and stores the chat', async () => {
    const sam = team[10];
    h.connector.clear();
    const a = await say('thanks @Colleague for covering my clinic at short notice', people.amara, 'channel', [sam]);
    // Redelivered by Teams: still one slip, one personal message.
    await h.post(a);
    await settle();
    const started = h.connector.conversationsStarted();
    expect(started).toHaveLength(1);
    expect(started[0].body).toMatchObject({
      isGroup: false,
      bot: { id: expect.any(String) },
      members: [{ id: sam.id }],
      tenantId: TENANT,
      channelData: { tenant: { id: TENANT } },
    });
    const told = h.connector.sent(started[0].conversationId);
    expect(told).toHaveLength(1);
    expect(textOf(told[0].body)).toContain('covering my clinic');
    const [slip] = (await h.valued.repos.slips.listBox(TEAM.id, month)).filter((s) => s.recipients[0].id === sam.aadObjectId);
    expect(slip.notified).toEqual({ [sam.aadObjectId]: 'sent' });
    expect((await h.valued.repos.conversations.getPersonal(sam.aadObjectId))!.conversation).toMatchObject({
      id: started[0].conversationId,
    });
  });

  test('an award winner and the nominees who never wrote are told through chats Valued starts, once', async () => {
    const [winner, other] = [team[20], team[21]];
    for (const [nominee, nominator] of [
      [winner, team[30]],
      [other, team[31]],
    ]) {
      const res = await h.post(
        cardAction(
          'nomination.submit',
          { month, teamId: TEAM.id, nominee: nominee.aadObjectId, reason: reason(nominee.name), anonymous: 'false' },
          o(nominator),
        ),
      );
      expect(textOf({ attachments: [{ content: res.body.value }] })).toContain('is nominated');
    }
    h.connector.clear();
    const announce = cardAction(
      'som.announce',
      { teamId: TEAM.id, month, winners: winner.aadObjectId, citation: 'For kindness every single day' },
      o(people.jo),
    );
    await h.post(announce);
    await h.post(announce);
    await settle();
    const started = h.connector
      .conversationsStarted()
      .map((r) => r.body.members[0].id)
      .sort();
    expect(started).toEqual([winner.id, other.id].sort());
    const toWinner = h.connector.sent(`a:personal-${winner.id}`).map((r) => textOf(r.body));
    expect(toWinner).toHaveLength(2);
    expect(toWinner.join('\n')).toContain('star of the month');
    const toOther = h.connector.sent(`a:personal-${other.id}`).map((r) => textOf(r.body));
    expect(toOther).toHaveLength(1);
    expect(toOther[0]).toContain(reason(other.name));
  });

  test('someone who blocked Valued (403) is recorded as not notified, and Teams is not asked again', async () => {
    const blocked = team[40];
    h.connector.clear();
    h.connector.refuseNewConversations = 403;
    try {
      await say('thanks @Colleague for the handover notes', people.amara, 'channel', [blocked]);
      await settle();
    } finally {
      h.connector.refuseNewConversations = undefined;
    }
    expect(h.connector.conversationsStarted()).toHaveLength(1);
    const [slip] = (await h.valued.repos.slips.listBox(TEAM.id, month)).filter((s) => s.recipients[0].id === blocked.aadObjectId);
    expect(slip.notified).toEqual({ [blocked.aadObjectId]: 'not notified' });
  });
});

test('when the digest is posted, each lead is told personally (a chat is started if need be), once', async () => {
  // A second lead, who has never written to Valued.
  await h.valued.repos.teamSettings.update(TEAM.id, (s) => ({ ...s, leadIds: [...s.leadIds, team[70].aadObjectId] }));
  h.connector.clear();
  expect(await h.valued.digestScheduler.postFor(TEAM.id, month)).toBe('posted');
  expect(await h.valued.digestScheduler.postFor(TEAM.id, month)).toBe('already');
  await settle();
  expect(h.connector.conversationsStarted().map((r) => r.body.members[0].id)).toEqual([team[70].id]);
  expect(h.connector.sent(`a:personal-${team[70].id}`)).toHaveLength(1);
  // Jo opened Valued earlier, so her own chat is used.
  const told = h.connector.sent(conversationFor('personal', people.jo).id);
  expect(told).toHaveLength(1);
  expect(textOf(told[0].body)).toContain(`type **digest ${monthLabel(month)}** here`);
});

describe('fresh references', () => {
  test('a stale serviceUrl is replaced on the person’s next activity, and the next notification goes to the new address', async () => {
    const ola = people.ola;
    await h.post(installationUpdate(o(ola)));
    const moved = await new LocalConnector().start();
    try {
      // Ola writes in the team's channel through Teams' new address: nothing of hers is lost.
      await say('help', ola, 'channel', [], moved.url);
      const stored = await h.valued.repos.conversations.getPersonal(ola.aadObjectId);
      expect(stored!.serviceUrl).toBe(moved.url);
      expect((stored!.conversation as { id: string }).id).toBe(conversationFor('personal', ola).id);
      // The team's channel moved too: team-wide posts use the new address.
      expect((await h.valued.repos.conversations.getChannel(TEAM.id, 'latest'))!.serviceUrl).toBe(moved.url);
      // Her next notification goes to the new address, not the old.
      h.connector.clear();
      await say('thanks @Ola for the new rota', people.amara, 'channel', [ola], moved.url);
      await settle();
      expect(h.connector.sent(conversationFor('personal', ola).id)).toHaveLength(0);
      expect(moved.sent(conversationFor('personal', ola).id).filter((r) => textOf(r.body).includes('new rota'))).toHaveLength(1);
    } finally {
      // Back to the usual address for the tests that follow.
      await say('help', ola, 'channel');
      await say('help', ola);
      await moved.stop();
    }
  });

  test('the reference is written only when it changes, not on every message', async () => {
    const writes: string[] = [];
    const repo = h.valued.repos.conversations;
    const save = repo.savePersonal.bind(repo);
    repo.savePersonal = async (id, ref) => {
      writes.push(id);
      return save(id, ref);
    };
    try {
      for (let i = 0; i < 5; i++) await say('help', people.priya);
      for (let i = 0; i < 3; i++) await say('help', people.priya, 'channel');
    } finally {
      repo.savePersonal = save;
    }
    expect(writes.length).toBeLessThanOrEqual(1);
  });
});

describe('membership rules', () => {
  test('someone outside the team cannot vote in its vote: refused kindly, nothing changes', async () => {
    const stranger: TestPerson = { id: '29:user-stranger', name: 'Sid Stranger', aadObjectId: '00000000-0000-4000-8000-00000000dead' };
    const round = { teamId: TEAM.id, month };
    await h.valued.repos.awardRounds.update({ ...(await h.valued.repos.awardRounds.get(TEAM.id, month))!, ...round }, (r) => ({
      ...r,
      vote: 'open',
      announcedAt: undefined,
      shortlist: [team[20].aadObjectId, team[21].aadObjectId],
    }));
    const votesBefore = await h.valued.repos.votes.listBox(TEAM.id, month);
    const res = await h.post(cardAction('som.vote', { teamId: TEAM.id, month, nomineeId: team[20].aadObjectId }, o(stranger)));
    expect(res.status).toBe(200);
    expect(textOf({ text: res.body.value })).toContain('this vote is for members of the team');
    expect(await h.valued.repos.votes.listBox(TEAM.id, month)).toEqual(votesBefore);
    // A member's vote is counted.
    const ok = await h.post(cardAction('som.vote', { teamId: TEAM.id, month, nomineeId: team[20].aadObjectId }, o(team[50], 'channel')));
    expect(String(ok.body.value)).toContain('Your vote for');
  });

  test('a non-member cannot nominate into the box, and a non-member cannot be nominated: refused in the form, nothing saved', async () => {
    const before = await h.valued.repos.nominations.listBox(TEAM.id, month);
    const stranger: TestPerson = { id: '29:user-stranger2', name: 'Sam Stranger', aadObjectId: '00000000-0000-4000-8000-00000000dea2' };
    const byStranger = await h.post(
      cardAction(
        'nomination.submit',
        { month, teamId: TEAM.id, nominee: team[60].aadObjectId, reason: reason('A stranger'), anonymous: 'false' },
        o(stranger),
      ),
    );
    expect(textOf({ attachments: [{ content: byStranger.body.value }] })).toMatch(
      /I don’t know your team yet|only members of the team can nominate/,
    );
    const ofStranger = await h.post(
      cardAction(
        'nomination.submit',
        { month, teamId: TEAM.id, nominee: stranger.aadObjectId, reason: reason('Someone else'), anonymous: 'false' },
        o(team[61]),
      ),
    );
    expect(textOf({ attachments: [{ content: ofStranger.body.value }] })).toContain(
      'isn’t a member of this team, so they can’t be nominated here',
    );
    expect(await h.valued.repos.nominations.listBox(TEAM.id, month)).toEqual(before);
  });
});

describe('Valued removed from the team', () => {
  test('the team becomes inactive: its roster is forgotten and its scheduled jobs stop', async () => {
    await h.post(teamEvent.botRemoved(o(people.jo, 'channel')));
    await settle();
    expect((await h.valued.repos.teamSettings.get(TEAM.id))!.removedAt).toBeTruthy();
    expect(await h.valued.repos.memberships.listTeam(TEAM.id)).toHaveLength(0);
    expect(await h.valued.repos.memberships.get(people.sam.aadObjectId, TEAM.id)).toBeUndefined();
    // History stays the person's own.
    expect((await h.valued.repos.history.allSlips(team[10].aadObjectId)).length).toBeGreaterThan(0);
    const reads = h.connector.memberReads.length;
    await ageRoster();
    expect((await h.valued.bot.roster.reconcileDue()).synced).toEqual([]);
    expect(h.connector.memberReads.length).toBe(reads);
    expect((await h.valued.digestScheduler.runDue()).posted).toEqual([]);
    // Added again: active again, and the roster is read afresh. The team is smaller by now (and
    // 1,200 members were read above), so exactly today's roster must be stored.
    const today = everyone.slice(0, 40);
    h.connector.teamMembers[TEAM.id] = today.map(member);
    await h.post(teamEvent.botAdded(o(people.jo, 'channel')));
    await settle();
    expect((await h.valued.repos.teamSettings.get(TEAM.id))!.removedAt).toBeUndefined();
    const stored = (await h.valued.repos.memberships.listTeam(TEAM.id)).map((m) => m.personId).sort();
    expect(stored).toEqual(today.map((p) => p.aadObjectId).sort());
  });
});

/** Makes the stored roster look a day and a bit old. */
async function ageRoster() {
  const table = (h.valued.store as unknown as { table(name: string): any }).table('rosters');
  for await (const row of table.listEntities()) {
    const doc = JSON.parse(row.doc0);
    doc.syncedAt = new Date(Date.now() - 25 * 3600_000).toISOString();
    await table.upsertEntity({ partitionKey: row.partitionKey, rowKey: row.rowKey, parts: 1, doc0: JSON.stringify(doc) }, 'Replace');
  }
}
