// "My recognition" over the real protocol, plus the data rights: paging, privacy between
// people, profile, export, erase (with a scan of every table) and retention.
import { startHarness, type Harness } from '../support/harness';
import { startAzurite } from '../support/azurite';
import { seedHistory } from '../support/seed-tables';
import { textOf } from '../support/connector';
import { CHANNEL, TEAM, cardAction, conversationFor, message, people, type TestPerson, member } from '../support/teams';
import { MyRecognitionService } from '../../src/services/my-recognition-service';
import { TABLES } from '../../src/storage/table/keys';
import type { SlipHistoryEntry } from '../../src/domain/history';
import { monthOf, previousMonth } from '../../src/domain/box';
import { newAwardRound } from '../../src/domain/award-round';
import { TableStore } from '../../src/storage/table/table-store';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';

let h: Harness;
const personal = (p: TestPerson) => conversationFor('personal', p).id;
const lastCard = (p: TestPerson) => h.connector.lastCard(personal(p));

beforeAll(async () => {
  h = await startHarness();
  h.connector.members = Object.values(people).map(member);
});
afterAll(() => h.stop());
beforeEach(() => h.connector.clear());

function entry(i: number, over: Partial<SlipHistoryEntry> = {}): SlipHistoryEntry {
  const createdAt = new Date(Date.UTC(2026, 10, 20) - i * 3600_000).toISOString();
  return {
    kind: 'slip',
    slipId: `seed-${String(i).padStart(5, '0')}`,
    teamId: TEAM.id,
    month: createdAt.slice(0, 7),
    createdAt,
    sender: { id: 'aad-sender', teamsId: '29:sender', name: 'Seeder' },
    message: `slip ${i}`,
    values: [i % 2 ? 'Team player' : 'Skill and expertise'],
    visibility: 'team',
    ...over,
  };
}

test('paging through 2,500 slips returns each exactly once, newest first', async () => {
  // Storage of its own, so the tests after this one do not read past 5,000 rows in every query
  // of the history table (Azurite scans a whole table for each query).
  const azurite = await startAzurite();
  try {
    const store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'valued' });
    await store.ensureTables();
    const repos = createTableRepositories(store);
    const person = 'aad-paging-person';
    const all = Array.from({ length: 2500 }, (_, i) => entry(i));
    await seedHistory(store, repos, person, all);
    const service = new MyRecognitionService(repos.history, repos.profiles, 'Europe/London');
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await service.page(person, { continuationToken: token, pageSize: 100 });
      seen.push(...page.items.map((e) => e.slipId));
      token = page.continuationToken;
      pages++;
    } while (token && pages < 100);
    expect(seen).toHaveLength(2500);
    expect(new Set(seen).size).toBe(2500);
    expect(seen).toEqual(all.map((e) => e.slipId)); // seeded newest first
    // One value's slips, and one year's, page the same way.
    const teamPlayer = await service.page(person, { filter: { value: 'Team player' }, pageSize: 2000 });
    expect(teamPlayer.items.every((e) => e.values.includes('Team player'))).toBe(true);
    expect(teamPlayer.items).toHaveLength(1000);
  } finally {
    await azurite.release();
  }
}, 120_000);

describe('in the personal chat', () => {
  beforeAll(async () => {
    for (let i = 0; i < 23; i++)
      await h.valued.repos.history.addSlips(people.priya.aadObjectId, [
        entry(i, { message: `Priya slip ${i}`, values: i < 3 ? ['Including others'] : ['Team player'] }),
      ]);
    await h.valued.repos.history.addSlips(people.ola.aadObjectId, [entry(1, { message: 'Ola private slip', visibility: 'private' })]);
  });

  test('"my recognition" shows totals, values, the newest 10, and pages Older and Newer through all of them', async () => {
    await h.post(message('my recognition', { serviceUrl: h.serviceUrl, from: people.priya }));
    const first = lastCard(people.priya);
    const text = JSON.stringify(first);
    expect(text).toContain('Your recognition');
    expect(first.body[1].columns[0].items[0].text).toBe('23');
    expect(text).toContain('Most recognised for: Team player (20) · Including others (3)');
    const messages = (card: any) => card.body.filter((b: any) => b.type === 'Container').map((c: any) => c.items[1].inlines[0].text);
    expect(messages(first)).toEqual(Array.from({ length: 10 }, (_, i) => `Priya slip ${i}`));

    const press = async (card: any, title: string) => {
      const action = card.actions.find((a: any) => a.title === title);
      const res = await h.post(cardAction(action.verb, action.data, { serviceUrl: h.serviceUrl, from: people.priya }));
      return res.body.value;
    };
    const second = await press(first, 'Older');
    expect(messages(second)).toEqual(Array.from({ length: 10 }, (_, i) => `Priya slip ${10 + i}`));
    const third = await press(second, 'Older');
    expect(messages(third)).toEqual(['Priya slip 20', 'Priya slip 21', 'Priya slip 22']);
    expect(third.actions.map((a: any) => a.title)).not.toContain('Older');
    const back = await press(third, 'Newer');
    expect(messages(back)).toEqual(messages(second));
    const front = await press(back, 'Newer');
    expect(messages(front)).toEqual(messages(first));
    expect(front.actions.map((a: any) => a.title)).not.toContain('Newer');
    expect(first.actions.find((a: any) => a.title === 'Recognition portfolio').url).toMatch(/\/me\/portfolio\?link=/);
  });

  test('the filter shows one value’s slips', async () => {
    await h.post(message('my recognition', { serviceUrl: h.serviceUrl, from: people.priya }));
    const show = lastCard(people.priya).actions.find((a: any) => a.title === 'Show');
    const res = await h.post(
      cardAction(show.verb, { ...show.data, value: 'Including others', year: '' }, { serviceUrl: h.serviceUrl, from: people.priya }),
    );
    const texts = res.body.value.body.filter((b: any) => b.type === 'Container').map((c: any) => c.items[1].inlines[0].text);
    expect(texts).toEqual(['Priya slip 0', 'Priya slip 1', 'Priya slip 2']);
  });

  test('A cannot read B’s history with crafted card data or B’s paging token', async () => {
    const bToken = (await h.valued.repos.history.slipPage(people.priya.aadObjectId, 10)).continuationToken!;
    const res = await h.post(
      cardAction(
        'history.page',
        { token: bToken, previous: '~', personId: people.priya.aadObjectId, fValue: '', fYear: '' },
        { serviceUrl: h.serviceUrl, from: people.ola },
      ),
    );
    const body = JSON.stringify(res.body.value);
    expect(body).not.toContain('Priya slip');
    // In a group chat, nobody's history is shown, not even their own.
    const group = await h.post(
      cardAction('history.page', { token: '' }, { serviceUrl: h.serviceUrl, from: people.ola, where: 'groupChat' }),
    );
    expect(group.body.value).toMatch(/just for you/);
    const a = message('my recognition', { serviceUrl: h.serviceUrl, from: people.ola, where: 'groupChat' });
    await h.post(a);
    expect(textOf(h.connector.sent(a.conversation.id)[0].body)).toMatch(/only show it in our personal chat/);
  });

  test('their own private slips are shown to them', async () => {
    await h.post(message('history', { serviceUrl: h.serviceUrl, from: people.ola }));
    expect(JSON.stringify(lastCard(people.ola))).toContain('Ola private slip');
  });

  test('the profile is optional, editable, and a bad choice is refused in the card', async () => {
    await h.post(message('profile', { serviceUrl: h.serviceUrl, from: people.amara }));
    expect(JSON.stringify(lastCard(people.amara))).toContain('Your profile');
    const save = (data: Record<string, unknown>) =>
      h.post(cardAction('profile.save', data, { serviceUrl: h.serviceUrl, from: people.amara }));
    const ok = await save({
      preferredTitle: 'Therapy support worker',
      staffGroup: 'support worker',
      profession: 'Physiotherapy',
      band: 'Band 3',
      noReadOut: 'true',
      noNotifications: 'false',
    });
    expect(JSON.stringify(ok.body.value)).toContain('Saved. Thank you!');
    expect(await h.valued.repos.profiles.get(people.amara.aadObjectId)).toMatchObject({
      preferredTitle: 'Therapy support worker',
      staffGroup: 'support worker',
      band: 'Band 3',
      noReadOut: true,
      noNotifications: false,
    });
    const bad = await save({ staffGroup: 'overlord', preferredTitle: 'x' });
    expect(JSON.stringify(bad.body.value)).toContain('wasn’t one from the list');
    expect((await h.valued.repos.profiles.get(people.amara.aadObjectId))?.staffGroup).toBe('support worker');
  });
});

describe('data rights', () => {
  const sam = people.sam;
  const say = (from: TestPerson, text: string, mentions: TestPerson[], where: 'channel' | 'personal' = 'channel') =>
    h.post(message(text, { serviceUrl: h.serviceUrl, from, mentions, where, mentionBot: where === 'channel' }));

  beforeAll(async () => {
    await say(sam, 'thanks @Jo for the supervision session', [people.jo]);
    await say(people.jo, 'thanks @Sam for the falls audit', [people.sam]);
    await say(people.jo, 'thanks @Ola and @Sam for the rota', [people.ola, people.sam]);
    await say(people.priya, 'thanks @Ola for the lift', [people.ola]);
    const slip = (await h.valued.repos.slips.listBox(TEAM.id, monthOf(new Date()))).find((s) => s.message === 'for the lift')!;
    await h.post(
      cardAction(
        'slip.cosign',
        { slipId: slip.id, teamId: slip.teamId, month: slip.month },
        { serviceUrl: h.serviceUrl, where: 'channel', from: sam, replyToId: slip.postedActivityId },
      ),
    );
    await h.valued.repos.votes.cast({
      teamId: TEAM.id,
      month: monthOf(new Date()),
      voterId: sam.aadObjectId,
      nomineeId: people.jo.aadObjectId,
      castAt: new Date().toISOString(),
    });
    await h.post(cardAction('profile.save', { preferredTitle: 'Physiotherapist' }, { serviceUrl: h.serviceUrl, from: sam }));
    // Sam is shortlisted and chosen as this month's star, before the announcement.
    await h.valued.repos.awardRounds.update(newAwardRound(TEAM.id, monthOf(new Date()), new Date()), (r) => ({
      ...r,
      shortlist: [sam.aadObjectId, people.jo.aadObjectId],
      winners: [sam.aadObjectId],
    }));
    await h.valued.bot.sender.idle();
  });

  test('export holds everything about the person and nothing of anyone else', async () => {
    await h.post(message('export my data', { serviceUrl: h.serviceUrl, from: sam }));
    const url = lastCard(sam).actions[0].url as string;
    expect(url).toContain('/me/export.json?link=');
    const data = await (await fetch(url)).json();
    expect(data.profile.preferredTitle).toBe('Physiotherapist');
    expect(data.received.map((r: any) => r.message).sort()).toEqual(['for the falls audit', 'for the rota']);
    expect(data.sent.map((s: any) => s.message)).toEqual(['for the supervision session']);
    expect(data.thanksAdded.map((t: any) => t.to)).toEqual([['Ola Nowak']]);
    expect(data.votes).toEqual([expect.objectContaining({ voterId: sam.aadObjectId, nomineeId: people.jo.aadObjectId })]);
    expect(JSON.stringify(data)).not.toContain('Priya'); // Priya's slip to Ola is not Sam's, beyond his added thanks
  });

  test('a forged, altered or stale export link is refused', async () => {
    await h.post(message('export my data', { serviceUrl: h.serviceUrl, from: sam }));
    const url = new URL(lastCard(sam).actions[0].url);
    const token = url.searchParams.get('link')!;
    const forged = `${Buffer.from(JSON.stringify({ sub: people.jo.aadObjectId, pur: 'export', exp: Date.now() + 60_000 })).toString('base64url')}.${token.split('.')[1]}`;
    for (const bad of [forged, token.slice(0, -2), 'nonsense', '']) {
      url.searchParams.set('link', bad);
      expect((await fetch(url)).status).toBe(403);
    }
  });

  test('erase leaves no trace of the person in any table, keeps their sent slips from "a former colleague", and can run again', async () => {
    await h.post(message('erase my data', { serviceUrl: h.serviceUrl, from: sam }));
    expect(JSON.stringify(lastCard(sam))).toContain('Erase your data?');
    const confirm = lastCard(sam).actions[0];
    for (let i = 0; i < 2; i++) {
      const res = await h.post(cardAction(confirm.verb, confirm.data, { serviceUrl: h.serviceUrl, from: sam }));
      expect(JSON.stringify(res.body.value)).toContain('Your data has been erased');
    }
    const traces: string[] = [];
    for (const t of TABLES) {
      for await (const row of h.valued.store.table(t).listEntities()) {
        const text = JSON.stringify(row);
        for (const mark of [sam.aadObjectId, sam.id, sam.name, sam.aadObjectId.replace(/-/g, '~')])
          if (text.includes(mark)) traces.push(`${t}: ${text.slice(0, 200)}`);
      }
    }
    expect(traces).toEqual([]);
    // Jo still has the slip Sam sent, now from a former colleague.
    const jo = await h.valued.repos.history.allSlips(people.jo.aadObjectId);
    expect(jo.find((e) => e.message === 'for the supervision session')?.sender.name).toBe('a former colleague');
    expect((await h.valued.repos.awardRounds.get(TEAM.id, monthOf(new Date())))?.shortlist).toEqual([people.jo.aadObjectId]);
    // Ola keeps the rota slip, which now names only Ola.
    const rota = (await h.valued.repos.slips.listBox(TEAM.id, monthOf(new Date()))).find((s) => s.message === 'for the rota');
    expect(rota?.recipients.map((r) => r.name)).toEqual(['Ola Nowak']);
  });
});

test('retention deletes exactly the records older than the team’s period, once a day', async () => {
  const teamId = '19:retention-team@thread.tacv2';
  await h.valued.repos.teamSettings.ensure({
    teamId,
    teamName: 'Retention',
    tenantId: 't',
    leadIds: [],
    values: ['Team player'],
    digestDay: 0,
    prizeText: '',
    voteEnabled: false,
    repeatWinnerMonths: 6,
    retentionMonths: 3,
    timeZone: 'Europe/London',
    updatedAt: new Date().toISOString(),
  });
  await h.valued.repos.memberships.record({
    personId: 'aad-retained',
    teamId,
    teamName: 'Retention',
    lastUsedAt: new Date().toISOString(),
  });
  let month = monthOf(new Date());
  const months: string[] = [];
  for (let i = 0; i < 6; i++, month = previousMonth(month)) months.push(month);
  // Months 0..3 back are kept (3 months' retention counts back from this month); 4 and 5 expire.
  for (const m of months) {
    const createdAt = `${m}-15T12:00:00.000Z`;
    await h.valued.repos.slips.create({
      id: `ret-${m}`,
      tenantId: 't',
      teamId,
      month: m,
      conversationId: 'c',
      createdAt,
      sender: { id: 'aad-s', teamsId: '29:s', name: 'S' },
      recipients: [{ id: 'aad-retained', teamsId: '29:r', name: 'R' }],
      message: m,
      values: ['Team player'],
      visibility: 'team',
      cosigners: [],
      notified: {},
    });
    await h.valued.repos.history.addSlips('aad-retained', [
      {
        kind: 'slip',
        slipId: `ret-${m}`,
        teamId,
        month: m,
        createdAt,
        sender: { id: 'aad-s', teamsId: '29:s', name: 'S' },
        message: m,
        values: ['Team player'],
        visibility: 'team',
      },
    ]);
    await h.valued.repos.awards.put({
      teamId,
      month: m,
      winners: [],
      highlyCommended: [],
      citation: m,
      values: [],
      announcedAt: createdAt,
    });
    await h.valued.repos.awardRounds.update(newAwardRound(teamId, m, new Date(createdAt)), (r) => ({ ...r, citation: m }));
  }
  // Another team's old slip in the same person's history is governed by that team's period.
  await h.valued.repos.history.addSlips('aad-retained', [
    {
      kind: 'slip',
      slipId: 'other-team-old',
      teamId: 'other',
      month: months[5],
      createdAt: `${months[5]}-15T12:00:00.000Z`,
      sender: { id: 'aad-s', teamsId: '29:s', name: 'S' },
      message: 'other',
      values: [],
      visibility: 'team',
    },
  ]);

  // The person's own notes on those slips go with them; a note on another team's slip stays.
  for (const [slipId, createdAt, t] of [
    ...months.map((m) => [`ret-${m}`, `${m}-15T12:00:00.000Z`, teamId]),
    ['other-team-old', `${months[5]}-15T12:00:00.000Z`, 'other'],
  ]) {
    await h.valued.repos.reflections.put({
      personId: 'aad-retained',
      slipId,
      createdAt,
      teamId: t,
      month: createdAt.slice(0, 7),
      frameworkId: 'ahp-support-worker-2021',
      domains: ['formal-knowledge'],
      reflection: 'kept with its slip',
      updatedAt: createdAt,
    });
  }

  const result = await h.valued.retention.runDaily();
  expect(result.ran).toBe(true);
  const notesLeft = (await h.valued.repos.reflections.list('aad-retained')).map((n) => n.slipId).sort();
  expect(notesLeft).toEqual([...months.slice(0, 4).map((m) => `ret-${m}`), 'other-team-old'].sort());
  for (const [i, m] of months.entries()) {
    expect(!!(await h.valued.repos.slips.get(teamId, m, `ret-${m}`))).toBe(i <= 3);
    expect(!!(await h.valued.repos.awards.get(teamId, m))).toBe(i <= 3);
    expect(!!(await h.valued.repos.awardRounds.get(teamId, m))).toBe(i <= 3);
  }
  const left = (await h.valued.repos.history.allSlips('aad-retained')).map((e) => e.slipId).sort();
  expect(left).toEqual([...months.slice(0, 4).map((m) => `ret-${m}`), 'other-team-old'].sort());
  const byValue = await h.valued.repos.history.slipPage('aad-retained', 100, undefined, { value: 'Team player' });
  expect(byValue.items).toHaveLength(4);
  // A second instance (or a second run the same day) does nothing.
  expect((await h.valued.retention.runDaily()).ran).toBe(false);
  void CHANNEL;
});
