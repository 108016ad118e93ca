// The digest scheduler against real Table storage: two instances, each with its own storage
// clients, fire at once again and again, and every due box is posted exactly once with its
// message id recorded. Failed posts are retried by the next run; nothing is posted early or twice.
import { TableStore } from '../../src/storage/table/table-store';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';
import type { Repositories } from '../../src/storage/repositories';
import { DigestService } from '../../src/services/digest-service';
import { DigestScheduler, instanceId, type DigestPoster } from '../../src/services/digest-scheduler';
import { defaultTeamSettings, type TeamSettings } from '../../src/domain/team-settings';
import type { Digest } from '../../src/domain/digest';
import type { Slip } from '../../src/domain/slip';
import { nextMonth, previousMonth } from '../../src/domain/box';
import { digestDueAt } from '../../src/domain/digest-timing';
import { MemoryLogger } from '../../src/logger';
import { startAzurite, type TestAzurite } from '../support/azurite';

let azurite: TestAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite.release());

// 1 June 2026 is a Monday and not a bank holiday: May's digest is due at 09:00 BST (08:00 UTC).
const DUE = new Date('2026-06-01T08:00:00.000Z');

/** A poster that records what it was asked to post, optionally slowly or failing. */
class RecordingPoster implements DigestPoster {
  readonly posts: Array<{ teamId: string; month: string; activityId: string; digest: Digest }> = [];
  failNext = 0;
  noChannel = false;
  /** Whether the poster can say up front that there is nowhere to post (the Teams poster can). */
  knowsItsPlace = false;
  placeAsked = 0;
  constructor(private readonly name: string) {}
  async hasPlace() {
    this.placeAsked++;
    return !(this.knowsItsPlace && this.noChannel);
  }
  async post(settings: TeamSettings, digest: Digest) {
    // A little real latency, so the two instances overlap.
    await new Promise((r) => setTimeout(r, Math.random() * 15));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('Teams said 502 (test)');
    }
    if (this.noChannel) return undefined;
    const activityId = `${this.name}-${this.posts.length + 1}`;
    this.posts.push({ teamId: settings.teamId, month: digest.month, activityId, digest });
    return activityId;
  }
}

let worldCount = 0;
/** Two service instances over one Azurite: separate TableStores, repositories, services, posters and loggers. */
async function twoInstances() {
  const options = { kind: 'connectionString' as const, connectionString: azurite.connectionString, tablePrefix: `sch${++worldCount}` };
  const clock = { now: DUE };
  const make = (name: string) => {
    const repos = createTableRepositories(new TableStore(options));
    const poster = new RecordingPoster(name);
    const logger = new MemoryLogger();
    const scheduler = new DigestScheduler({
      repos,
      digests: new DigestService(repos, 'Europe/London'),
      poster,
      now: () => clock.now,
      instanceId: `${name}|${instanceId()}`,
      logger,
    });
    return { name, repos, poster, logger, scheduler };
  };
  const setup = new TableStore(options);
  await setup.ensureTables();
  return { clock, a: make('A'), b: make('B') };
}

const slip = (teamId: string, month: string, id: string): Slip => ({
  id,
  tenantId: 'tenant',
  teamId,
  month,
  conversationId: 'conv',
  createdAt: `${month}-10T10:00:00.000Z`,
  sender: { id: 'jo', teamsId: '29:jo', name: 'Jo' },
  recipients: [{ id: 'sam', teamsId: '29:sam', name: 'Sam' }],
  message: 'Thank you for covering the clinic',
  values: ['Team player'],
  visibility: 'team',
  cosigners: [],
  notified: {},
});

async function seedTeam(repos: Repositories, teamId: string, month = '2026-05', digestDay = 0) {
  await repos.teamSettings.ensure({
    ...defaultTeamSettings(teamId, `Team ${teamId}`, 'tenant', DUE),
    digestDay,
    governanceChannelId: `19:${teamId}@thread.tacv2`,
  });
  await repos.slips.create(slip(teamId, month, `${teamId}-s1`));
}

test('two instances racing 50 times: every box is posted exactly once and its message id recorded', async () => {
  // Two teams; each round is the next month's due time (first working day, 09:00 London), so
  // each round brings two fresh due boxes, and the two instances fire at once.
  const { clock, a, b } = await twoInstances();
  const teams = ['ward-7', 'clinic-3'];
  for (const teamId of teams)
    await a.repos.teamSettings.ensure({
      ...defaultTeamSettings(teamId, `Team ${teamId}`, 'tenant', DUE),
      governanceChannelId: `19:${teamId}@thread.tacv2`,
    });
  let postedIn = '2026-06';
  for (let round = 0; round < 50; round++, postedIn = nextMonth(postedIn)) {
    const month = previousMonth(postedIn);
    for (const teamId of teams) await a.repos.slips.create(slip(teamId, month, `${teamId}-${month}`));
    clock.now = new Date(digestDueAt(postedIn, 0, 'Europe/London').getTime() + Math.floor(Math.random() * 60) * 60_000);
    // Alternate which instance fires first, so each gets to win races.
    const [ra, rb] =
      round % 2
        ? await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()])
        : (await Promise.all([b.scheduler.runDue(), a.scheduler.runDue()])).reverse();
    for (const teamId of teams) {
      const box = `${teamId}|${month}`;
      // Exactly one instance posted the box; the other skipped it; nobody failed.
      expect([ra.posted.includes(box), rb.posted.includes(box)].filter(Boolean)).toHaveLength(1);
      expect([ra.skipped.includes(box), rb.skipped.includes(box)].filter(Boolean)).toHaveLength(1);
    }
    expect([...ra.failed, ...rb.failed]).toEqual([]);
    expect([...ra.posted, ...rb.posted].sort()).toEqual(teams.map((t) => `${t}|${month}`).sort());
  }
  const posts = [...a.poster.posts, ...b.poster.posts];
  expect(posts).toHaveLength(100);
  expect(new Set(posts.map((p) => `${p.teamId}|${p.month}`)).size).toBe(100);
  // Read back all at once: 100 independent reads.
  const recorded = await Promise.all(posts.map((p) => a.repos.digestPosts.get(p.teamId, p.month)));
  posts.forEach((p, i) => {
    expect(recorded[i]?.postedActivityId).toBe(p.activityId);
    expect(p.digest.totals.slips).toBe(1);
  });
  expect(a.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  expect(b.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
}, 180_000);

test('a poster that throws once: nothing is recorded, the next run posts it, once', async () => {
  const { a, b } = await twoInstances();
  await seedTeam(a.repos, 'flaky');
  a.poster.failNext = 1;
  const first = await a.scheduler.runDue();
  expect(first).toEqual({ posted: [], skipped: [], failed: ['flaky|2026-05'] });
  expect(a.poster.posts).toEqual([]);
  const record = await a.repos.digestPosts.get('flaky', '2026-05');
  expect(record?.postedActivityId).toBeUndefined();
  expect(a.logger.entries.find((e) => e.level === 'error')).toMatchObject({
    msg: expect.stringContaining('digest post failed'),
    data: expect.objectContaining({ teamId: 'flaky', month: '2026-05', error: 'Teams said 502 (test)' }),
  });

  // The claim was given back, so the next run, on either instance, posts it straight away.
  const [ra, rb] = await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
  expect([...ra.posted, ...rb.posted]).toEqual(['flaky|2026-05']);
  const posted = [...a.poster.posts, ...b.poster.posts];
  expect(posted).toHaveLength(1);
  expect((await a.repos.digestPosts.get('flaky', '2026-05'))?.postedActivityId).toBe(posted[0].activityId);
});

test('not due yet: nothing is posted or claimed', async () => {
  const { clock, a, b } = await twoInstances();
  await seedTeam(a.repos, 'early');
  clock.now = new Date(DUE.getTime() - 1);
  const [ra, rb] = await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
  expect(ra).toEqual({ posted: [], skipped: [], failed: [] });
  expect(rb).toEqual({ posted: [], skipped: [], failed: [] });
  expect(await a.repos.digestPosts.get('early', '2026-05')).toBeUndefined();
  // A team whose digest day is the 15th is not due on the 1st either.
  await seedTeam(a.repos, 'mid-month', '2026-05', 15);
  clock.now = DUE;
  const r = await a.scheduler.runDue();
  expect(r.posted).toEqual(['early|2026-05']);
  expect([...a.poster.posts, ...b.poster.posts].map((p) => p.teamId)).toEqual(['early']);
});

test('already posted: never again, by any instance, for the rest of the month', async () => {
  const { clock, a, b } = await twoInstances();
  await seedTeam(a.repos, 'once');
  expect((await a.scheduler.runDue()).posted).toEqual(['once|2026-05']);
  for (const at of ['2026-06-01T08:30:00Z', '2026-06-10T12:00:00Z', '2026-06-30T22:00:00Z']) {
    clock.now = new Date(at);
    const [ra, rb] = await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
    expect(ra).toEqual({ posted: [], skipped: ['once|2026-05'], failed: [] });
    expect(rb).toEqual({ posted: [], skipped: ['once|2026-05'], failed: [] });
  }
  expect(await b.scheduler.postFor('once', '2026-05')).toBe('already');
  expect([...a.poster.posts, ...b.poster.posts]).toHaveLength(1);
});

test('no channel known: released with a warning, counted as failed, posted once a channel is known', async () => {
  const { a } = await twoInstances();
  await seedTeam(a.repos, 'quiet');
  a.poster.noChannel = true;
  expect(await a.scheduler.runDue()).toEqual({ posted: [], skipped: [], failed: ['quiet|2026-05'] });
  expect(a.logger.entries.find((e) => e.level === 'warn')).toMatchObject({
    msg: expect.stringContaining('no governance channel'),
    data: expect.objectContaining({ teamId: 'quiet' }),
  });
  expect((await a.repos.digestPosts.get('quiet', '2026-05'))?.postedActivityId).toBeUndefined();
  a.poster.noChannel = false;
  expect((await a.scheduler.runDue()).posted).toEqual(['quiet|2026-05']);
  expect(a.poster.posts).toHaveLength(1);
});

test('a poster that knows there is nowhere to post is asked first, so nothing is claimed or built', async () => {
  const { a } = await twoInstances();
  await seedTeam(a.repos, 'unseen');
  a.poster.noChannel = true;
  a.poster.knowsItsPlace = true;
  expect(await a.scheduler.runDue()).toEqual({ posted: [], skipped: [], failed: ['unseen|2026-05'] });
  expect(a.poster.placeAsked).toBe(1);
  // No claim was taken, and the digest is built only after claiming.
  expect(await a.repos.digestPosts.get('unseen', '2026-05')).toBeUndefined();
});

test('a crashed instance’s claim blocks others only until its lease lapses', async () => {
  const { clock, a, b } = await twoInstances();
  await seedTeam(a.repos, 'crashed');
  // Instance "gone" claimed the box at 08:00 and died before posting.
  expect(await a.repos.digestPosts.claim('crashed', '2026-05', 'gone', new Date(DUE.getTime() + 10 * 60_000), DUE)).toBe(true);
  clock.now = new Date(DUE.getTime() + 5 * 60_000);
  expect(await b.scheduler.postFor('crashed', '2026-05')).toBe('claimed elsewhere');
  clock.now = new Date(DUE.getTime() + 10 * 60_000);
  const [ra, rb] = await Promise.all([a.scheduler.runDue(), b.scheduler.runDue()]);
  expect([...ra.posted, ...rb.posted]).toEqual(['crashed|2026-05']);
  expect([...a.poster.posts, ...b.poster.posts]).toHaveLength(1);
});

test('an empty box is recorded as done without posting a card', async () => {
  const { a } = await twoInstances();
  await a.repos.teamSettings.ensure(defaultTeamSettings('new-team', 'New team', 'tenant', DUE));
  expect(await a.scheduler.runDue()).toEqual({ posted: [], skipped: ['new-team|2026-05'], failed: [] });
  expect(a.poster.posts).toEqual([]);
  expect(await a.repos.digestPosts.get('new-team', '2026-05')).toMatchObject({ nothingToPost: true });
  expect(await a.scheduler.postFor('new-team', '2026-05')).toBe('already');
});
