// DigestService against real Table storage (Azurite): a box seeded through the repositories
// comes back as the hand-worked digest (Reach included), and building it reads only that box's
// partitions, the two months before and the team's members (counted by a storage pipeline
// step), however much another team has stored.
import { TableStore, type PipelinePolicy } from '../../src/storage/table/table-store';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';
import type { Repositories } from '../../src/storage/repositories';
import { DigestService } from '../../src/services/digest-service';
import { defaultTeamSettings } from '../../src/domain/team-settings';
import { newAwardRound } from '../../src/domain/award-round';
import { FEWER_THAN_5 } from '../../src/domain/digest';
import type { PersonRef, Profile, StaffGroup } from '../../src/domain/person';
import type { Slip, Visibility } from '../../src/domain/slip';
import type { Nomination } from '../../src/domain/star-of-the-month';
import { startAzurite, type TestAzurite } from '../support/azurite';
import { seedSlips } from '../support/seed-tables';

// Every storage request this process makes, as "METHOD decoded-path-and-query".
const requests: string[] = [];
const recordRequests: PipelinePolicy = {
  name: 'test-record-requests',
  async sendRequest(request, next) {
    const url = new URL(request.url);
    requests.push(`${request.method} ${decodeURIComponent(url.pathname + url.search)}`);
    return next(request);
  },
};

let azurite: TestAzurite;
let store: TableStore;
let repos: Repositories;
let digests: DigestService;

const person = (id: string, name: string): PersonRef => ({ id, teamsId: `29:${id}`, name });
const P = {
  sw1: person('sw1', 'Amara Okafor'),
  sw2: person('sw2', 'Ben Shaw'),
  sw3: person('sw3', 'Chloe Price'),
  sw4: person('sw4', 'Dev Patel'),
  sw5: person('sw5', 'Ellie Ward'),
  rp1: person('rp1', 'Grace Lee'),
  rp2: person('rp2', 'Hassan Ali'),
  rp3: person('rp3', 'Isla Reid'),
  rp4: person('rp4', 'Jamal Khan'),
  rp5: person('rp5', 'Kate Byrne'),
  m1: person('m1', 'Laura Dean'),
  np: person('np', 'Zoe Marsh'),
  // A member who is in no slip this month.
  sw6: person('sw6', 'Finn Hale'),
};
const SKILL = 'Skill and expertise';
const TEAM = 'Team player';
const INCL = 'Including others';
const TRUST = 'Trusted with responsibility';

const slip = (
  teamId: string,
  month: string,
  id: string,
  day: number,
  sender: PersonRef,
  recipients: PersonRef[],
  values: string[],
  visibility: Visibility = 'team',
  cosigners: PersonRef[] = [],
): Slip => ({
  id,
  tenantId: 'tenant',
  teamId,
  month,
  conversationId: 'conv',
  createdAt: `${month}-${String(day).padStart(2, '0')}T09:30:00.000Z`,
  sender,
  recipients,
  message: visibility === 'private' ? `PRIVATE words ${id}` : `Thank you, ${id}`,
  values,
  visibility,
  cosigners,
  notified: {},
});
const profile = (p: PersonRef, staffGroup: StaffGroup, extra: Partial<Profile> = {}): Profile => ({
  personId: p.id,
  staffGroup,
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});
const nomination = (nominator: PersonRef, nominee: PersonRef, createdAt: string): Nomination => ({
  teamId: 'team-1',
  month: createdAt.slice(0, 7),
  nominator,
  nominee,
  reason: 'Kind and skilled with every patient',
  values: [],
  anonymous: false,
  slipIds: [],
  createdAt,
  updatedAt: createdAt,
});

beforeAll(async () => {
  azurite = await startAzurite();
  store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'dg' }, [recordRequests]);
  await store.ensureTables();
  repos = createTableRepositories(store);
  digests = new DigestService(repos, 'Europe/London');

  const now = new Date('2026-05-01T00:00:00Z');
  await repos.teamSettings.ensure({ ...defaultTeamSettings('team-1', 'Therapy Team', 'tenant', now) });
  await repos.teamSettings.ensure({ ...defaultTeamSettings('team-2', 'Busy Ward', 'tenant', now) });
  await Promise.all([
    repos.profiles.put(profile(P.sw1, 'support worker', { preferredTitle: 'Associate practitioner' })),
    ...[P.sw2, P.sw3, P.sw4, P.sw6].map((p) => repos.profiles.put(profile(p, 'support worker'))),
    repos.profiles.put(profile(P.sw5, 'support worker', { noReadOut: true })),
    ...[P.rp1, P.rp2, P.rp3, P.rp4, P.rp5].map((p) => repos.profiles.put(profile(p, 'registered professional'))),
    repos.profiles.put(profile(P.m1, 'manager')),
  ]);
  const may = (
    id: string,
    day: number,
    from: PersonRef,
    to: PersonRef[],
    values: string[],
    vis: Visibility = 'team',
    cos: PersonRef[] = [],
  ) => slip('team-1', '2026-05', id, day, from, to, values, vis, cos);
  const seeded = [
    may('a1', 2, P.rp1, [P.sw1], [SKILL], 'team', [P.rp2]),
    may('a2', 3, P.rp2, [P.sw2], [TEAM]),
    may('a3', 4, P.rp3, [P.sw3], [TEAM], 'private'),
    may('a4', 5, P.rp4, [P.sw4], [TEAM]),
    may('a5', 6, P.rp5, [P.sw5], [INCL]),
    may('a6', 7, P.m1, [P.sw1, P.rp1], [TRUST]),
    may('a7', 8, P.sw1, [P.np], [TEAM]),
    slip('team-1', '2026-04', 'b1', 10, P.rp1, [P.sw1], [TEAM]),
    slip('team-1', '2026-04', 'b2', 11, P.sw2, [P.rp2], [TEAM], 'private'),
    slip('team-1', '2026-03', 'c1', 12, P.sw1, [P.sw6], [TEAM]),
    slip('team-1', '2026-03', 'c2', 13, P.rp1, [P.rp2], [SKILL], 'private'),
  ];
  for (const s of seeded) await repos.slips.create(s);
  await repos.nominations.put(nomination(P.rp1, P.sw1, '2026-05-20T10:00:00.000Z'));
  await repos.nominations.put(nomination(P.rp2, P.sw1, '2026-05-19T10:00:00.000Z'));
  await repos.nominations.put(nomination(P.m1, P.rp3, '2026-04-19T10:00:00.000Z'));
  // The team's members: everyone above and sw6 (13).
  for (const p of Object.values(P))
    await repos.memberships.record({ personId: p.id, teamId: 'team-1', teamName: 'Therapy Team', lastUsedAt: '2026-05-01T00:00:00.000Z' });
  await repos.awardRounds.update(newAwardRound('team-1', '2026-05', now), (r) => ({ ...r, shortlist: ['sw1'] }));
  await repos.awards.put({
    teamId: 'team-1',
    month: '2026-05',
    winners: [P.sw1],
    highlyCommended: [],
    citation: 'Always there for patients.',
    values: [SKILL],
    announcedAt: '2026-05-30T12:00:00.000Z',
  });
});
afterAll(() => azurite.release());

test('build: the seeded box comes back as the hand-worked digest', async () => {
  const d = await digests.build('team-1', '2026-05');
  // 7 slips (a3 private); thanked sw1–sw5, rp1, np = 7; thanking rp1–rp5, m1, sw1 = 7; one co-sign (a1).
  expect(d.totals).toEqual({ slips: 7, peopleThanked: 7, peopleThanking: 7, cosigns: 1, privateSlips: 1 });
  // April: b1, b2 (private); thanked sw1, rp2; thanking rp1, sw2.
  expect(d.previous).toEqual({ slips: 2, peopleThanked: 2, peopleThanking: 2, cosigns: 0, privateSlips: 1 });
  expect(d).toMatchObject({ teamId: 'team-1', teamName: 'Therapy Team', month: '2026-05', timeZone: 'Europe/London' });
  // Team slips a1 a2 a4 a5 a6 a7: Team player a2 a4 a7 = 3, then one each, alphabetical.
  expect(d.values).toEqual([
    { value: TEAM, slips: 3 },
    { value: INCL, slips: 1 },
    { value: SKILL, slips: 1 },
    { value: TRUST, slips: 1 },
  ]);
  // Chloe had only a private slip; Ellie opted out (a5 is not read); np has no profile but is read.
  expect(d.readOut.map((g) => [g.recipient.name, g.title ?? '', g.slips.map((s) => s.slipId)])).toEqual([
    ['Amara Okafor', 'Associate practitioner', ['a1', 'a6']],
    ['Ben Shaw', '', ['a2']],
    ['Dev Patel', '', ['a4']],
    ['Grace Lee', '', ['a6']],
    ['Zoe Marsh', '', ['a7']],
  ]);
  expect(d.readOutSlips).toBe(5);
  expect(d.readOut[0].slips[0]).toEqual({
    slipId: 'a1',
    createdAt: '2026-05-02T09:30:00.000Z',
    sender: P.rp1,
    recipients: [P.sw1],
    message: 'Thank you, a1',
    values: [SKILL],
    cosigners: 1,
  });
  expect(JSON.stringify(d)).not.toContain('PRIVATE');
  expect(JSON.stringify(d.readOut)).not.toContain('sw5');
  // Support workers sw1–sw5 (5) received and registered rp1–rp5 (5) gave, but every other row
  // holds just one person (rp1 and np thanked; m1 and sw1 thanking): 7 − 5 = 2 would give them
  // away, so on each side the shown row is hidden too. A box this small shows no figures, only
  // which groups have no one in them (nothing about nobody can single anyone out).
  const H = FEWER_THAN_5;
  expect(d.fairness.rows.map((r) => [r.peopleReceiving, r.slipsReceived])).toEqual([
    [H, H],
    [H, H],
    [0, 0],
    [0, 0],
    [0, 0],
    [H, H],
  ]);
  expect(d.fairness.rows.map((r) => [r.peopleGiving, r.slipsGiven])).toEqual([
    [H, H],
    [H, H],
    [H, H],
    [0, 0],
    [0, 0],
    [0, 0],
  ]);
  expect(d.fairness.rows.map((r) => r.group)).toEqual([
    'support worker',
    'registered professional',
    'manager',
    'other',
    'prefer not to say',
    'not stated',
  ]);
  expect(d.fairness.toSupportWorkers).toEqual({ fromRegistered: H, fromManagers: H, total: H });
  expect(d.nominations).toEqual({ nominations: 2, nominees: 1, nominators: 2, shortlisted: 1 });
  // Reach. Members: support workers sw1–sw6 (6), registered rp1–rp5 (5), manager m1 (1), np with
  // no profile (not stated, 1): 13. Recognised in May: team slips a1 sw1, a2 sw2, a4 sw4, a5 sw5
  // (opted out of the read-out, but counted: it is a count), a6 sw1 rp1, a7 np; nominee sw1. a3
  // to sw3 was private, so sw3 is not reached. → support workers 4 of 6, registered 1 of 5,
  // manager 0 of 1, not stated 1 of 1: 6 of 13.
  // Hidden: manager (1) and not stated (1): 2 people, which 13 − 6 − 5 would give away, so the
  // smallest shown row, registered (5), is hidden too: 7 across three groups, reached 2 of them.
  expect(d.fairness.reach.rows).toEqual([
    { group: 'support worker', members: 6, reached: 4 },
    { group: 'registered professional', members: H, reached: H },
    { group: 'manager', members: H, reached: H },
    { group: 'other', members: 0, reached: 0 },
    { group: 'prefer not to say', members: 0, reached: 0 },
    { group: 'not stated', members: H, reached: H },
  ]);
  // Nothing for March to May: not reached in May are sw3 sw6 rp2 rp3 rp4 rp5 m1 (7). April: b1
  // reached sw1 (already counted), b2 to rp2 was private; rp3 nominated. March: c1 thanked sw6;
  // c2 to rp2 was private. Left: sw3, rp2, rp4, rp5, m1 = 5.
  expect(d.fairness.reach).toMatchObject({ members: 13, reached: 6, quietThreeMonths: 5, quietSince: '2026-03' });
  expect(d.award).toEqual({
    winners: [P.sw1],
    highlyCommended: [],
    citation: 'Always there for patients.',
    announcedAt: '2026-05-30T12:00:00.000Z',
  });
});

test('build: an unknown team is a kind not_found; a malformed month is refused', async () => {
  await expect(digests.build('no-such-team', '2026-05')).rejects.toMatchObject({
    code: 'not_found',
    userMessage: expect.stringMatching(/^Sorry, /),
  });
  await expect(digests.build('team-1', '2026-13')).rejects.toMatchObject({ code: 'invalid_input' });
  await expect(digests.trend('team-1', '26-05')).rejects.toMatchObject({ code: 'invalid_input' });
});

test('trend: 12 months oldest first, every slip counted; nominations: the box’s, oldest first', async () => {
  const trend = await digests.trend('team-1', '2026-05');
  expect(trend.map((t) => t.month)).toEqual([
    '2025-06',
    '2025-07',
    '2025-08',
    '2025-09',
    '2025-10',
    '2025-11',
    '2025-12',
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
  ]);
  expect(trend.map((t) => t.slips)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 7]);
  expect((await digests.nominations('team-1', '2026-05')).map((n) => n.nominator.id)).toEqual(['rp2', 'rp1']);
});

test('reads are bounded: the same requests, all by partition, however much another team stores', async () => {
  const measure = async () => {
    requests.length = 0;
    await digests.build('team-1', '2026-05');
    return [...requests];
  };
  const before = await measure();
  // settings + this box's slips and the two months' before + nominations of the same three
  // months + award round + award + the team's members, then 13 profiles: the box's 12 people
  // (7 senders, 7 recipients, 2 in both) and sw6, a member in no slip.
  expect(before).toHaveLength(10 + 13);

  // Another team fills the same tables: 1,200 slips this month (more than a query page) and 300 last month, with profiles.
  const others = Array.from({ length: 300 }, (_, i) => person(`other-${i}`, `Other ${i}`));
  const busy = Array.from({ length: 1500 }, (_, i) =>
    slip('team-2', i < 1200 ? '2026-05' : '2026-04', `busy-${i}`, 1 + (i % 28), others[i % 300], [others[(i + 1) % 300]], [TEAM]),
  );
  // Seeded 100 rows a request with the boxes' summaries (seed-tables.ts): how they are written is not what this proves.
  await seedSlips(store, repos, busy);
  await Promise.all(others.map((p) => repos.profiles.put(profile(p, 'other'))));
  // The 300 as the team's roster: its side in batches of 100, as a roster sync writes it.
  await repos.memberships.syncTeam(
    'team-2',
    'Busy Ward',
    others.map((p) => ({ ...p, tenantId: 'tenant' })),
  );
  expect((await repos.slips.listBox('team-2', '2026-05')).length).toBe(1200);

  const after = await measure();
  expect(after.length).toBe(before.length);
  expect([...after].sort()).toEqual([...before].sort());
  // Every request is a point read or a query filtered to one partition: nothing scans a table.
  for (const r of after) {
    expect(r).toMatch(/^GET /);
    expect(r).toMatch(/\(PartitionKey='[^']*',RowKey='[^']*'\)$|\$filter=PartitionKey eq '[^']*'/);
  }
}, 120_000);
