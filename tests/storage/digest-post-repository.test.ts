// The digest lease against real Table storage: one claim wins, only the holder records the post,
// a released or lapsed claim can be taken over, a posted box never again.
import { TableStore } from '../../src/storage/table/table-store';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';
import type { DigestPostRepository } from '../../src/storage/digest-post-repository';
import { startAzurite, type TestAzurite } from '../support/azurite';

let azurite: TestAzurite;
let posts: DigestPostRepository;
let otherInstance: DigestPostRepository;

const t0 = new Date('2026-06-01T08:00:00.000Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

beforeAll(async () => {
  azurite = await startAzurite();
  const options = { kind: 'connectionString' as const, connectionString: azurite.connectionString, tablePrefix: 'dp' };
  const store = new TableStore(options);
  await store.ensureTables();
  posts = createTableRepositories(store).digestPosts;
  // A second process: its own clients over the same tables.
  otherInstance = createTableRepositories(new TableStore(options)).digestPosts;
});
afterAll(() => azurite.release());

test('the first claim wins; a second instance (or the same one again) cannot claim while the lease runs', async () => {
  expect(await posts.claim('team-a', '2026-05', 'A', minutes(10), t0)).toBe(true);
  expect(await otherInstance.claim('team-a', '2026-05', 'B', minutes(10), minutes(1))).toBe(false);
  expect(await posts.claim('team-a', '2026-05', 'A', minutes(11), minutes(1))).toBe(false);
  expect(await posts.get('team-a', '2026-05')).toEqual({
    teamId: 'team-a',
    month: '2026-05',
    claimedBy: 'A',
    leaseUntil: minutes(10).toISOString(),
  });
});

test('only the holder records the post, once; then nobody can claim it, even after the lease', async () => {
  expect(await posts.claim('team-b', '2026-05', 'A', minutes(10), t0)).toBe(true);
  expect(await otherInstance.markPosted('team-b', '2026-05', 'B', 'activity-B', minutes(1))).toBe(false);
  expect((await posts.get('team-b', '2026-05'))?.postedActivityId).toBeUndefined();
  expect(await posts.markPosted('team-b', '2026-05', 'A', 'activity-A', minutes(2))).toBe(true);
  expect(await posts.markPosted('team-b', '2026-05', 'A', 'activity-A2', minutes(3))).toBe(false);
  expect(await posts.get('team-b', '2026-05')).toEqual({
    teamId: 'team-b',
    month: '2026-05',
    claimedBy: 'A',
    leaseUntil: minutes(10).toISOString(),
    postedActivityId: 'activity-A',
    postedAt: minutes(2).toISOString(),
  });
  expect(await otherInstance.claim('team-b', '2026-05', 'B', minutes(100), minutes(60))).toBe(false);
  // Releasing a posted box changes nothing.
  await posts.release('team-b', '2026-05', 'A');
  expect((await posts.get('team-b', '2026-05'))?.postedActivityId).toBe('activity-A');
});

test('a lapsed lease with nothing posted is taken over, and the old holder can no longer record a post', async () => {
  expect(await posts.claim('team-c', '2026-05', 'A', minutes(10), t0)).toBe(true);
  expect(await otherInstance.claim('team-c', '2026-05', 'B', minutes(20), minutes(9))).toBe(false);
  expect(await otherInstance.claim('team-c', '2026-05', 'B', minutes(20), minutes(10))).toBe(true);
  expect(await posts.markPosted('team-c', '2026-05', 'A', 'late-A', minutes(11))).toBe(false);
  expect(await otherInstance.markPosted('team-c', '2026-05', 'B', 'activity-B', minutes(11))).toBe(true);
  expect((await posts.get('team-c', '2026-05'))?.postedActivityId).toBe('activity-B');
});

test('release lets anyone claim at once; only the holder can release', async () => {
  expect(await posts.claim('team-d', '2026-05', 'A', minutes(10), t0)).toBe(true);
  await otherInstance.release('team-d', '2026-05', 'B');
  expect(await otherInstance.claim('team-d', '2026-05', 'B', minutes(10), minutes(1))).toBe(false);
  await posts.release('team-d', '2026-05', 'A');
  expect(await otherInstance.claim('team-d', '2026-05', 'B', minutes(11), minutes(1))).toBe(true);
  expect((await posts.get('team-d', '2026-05'))?.claimedBy).toBe('B');
});

test('many instances claiming the same box at once: exactly one wins, for a new box and for a lapsed one', async () => {
  const racers = Array.from({ length: 8 }, (_, i) => (i % 2 ? posts : otherInstance));
  const fresh = await Promise.all(racers.map((r, i) => r.claim('team-e', '2026-05', `I${i}`, minutes(10), t0)));
  expect(fresh.filter(Boolean)).toHaveLength(1);
  const lapsed = await Promise.all(racers.map((r, i) => r.claim('team-e', '2026-05', `J${i}`, minutes(30), minutes(15))));
  expect(lapsed.filter(Boolean)).toHaveLength(1);
  expect((await posts.get('team-e', '2026-05'))?.claimedBy).toBe(`J${lapsed.indexOf(true)}`);
});

test('nothing to post is recorded like a post: by the holder only, and the box is done', async () => {
  expect(await posts.claim('team-f', '2026-05', 'A', minutes(10), t0)).toBe(true);
  expect(await otherInstance.markNothingToPost('team-f', '2026-05', 'B', minutes(1))).toBe(false);
  expect(await posts.markNothingToPost('team-f', '2026-05', 'A', minutes(1))).toBe(true);
  expect(await posts.get('team-f', '2026-05')).toMatchObject({ nothingToPost: true, postedAt: minutes(1).toISOString() });
  expect(await otherInstance.claim('team-f', '2026-05', 'B', minutes(100), minutes(60))).toBe(false);
});

test('retention: remove one box, or every box before a month, in that team only', async () => {
  for (const month of ['2024-01', '2024-02', '2024-03', '2024-04']) await posts.claim('team-g', month, 'A', minutes(10), t0);
  await posts.claim('team-h', '2024-01', 'A', minutes(10), t0);
  expect(await posts.removeBefore('team-g', '2024-03')).toBe(2);
  expect(await posts.get('team-g', '2024-02')).toBeUndefined();
  expect(await posts.get('team-g', '2024-03')).toBeDefined();
  expect(await posts.get('team-h', '2024-01')).toBeDefined();
  await posts.remove('team-g', '2024-04');
  expect(await posts.get('team-g', '2024-04')).toBeUndefined();
});
