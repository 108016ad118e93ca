// Reading a whole team's profiles (the digest does, for every member) against the real Table
// API: every profile comes back, and never more than 16 reads are in flight, through the
// cache or straight from the table. Hundreds at once would open a connection each.
import type { Profile } from '../../src/domain/person';
import { withReadCaches } from '../../src/storage/cached/cached-repositories';
import { mapInParallel, STORAGE_CALLS_AT_ONCE } from '../../src/storage/in-parallel';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';
import { TableStore, type PipelinePolicy } from '../../src/storage/table/table-store';
import { startAzurite, type TestAzurite } from '../support/azurite';

let azurite: TestAzurite;
let inFlight = 0;
let most = 0;
const gauge: PipelinePolicy = {
  name: 'testInFlight',
  async sendRequest(request, next) {
    most = Math.max(most, ++inFlight);
    try {
      return await next(request);
    } finally {
      inFlight--;
    }
  },
};
let store: TableStore;

beforeAll(async () => {
  azurite = await startAzurite();
  store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'pm' }, [gauge]);
  await store.ensureTables();
});
afterAll(() => azurite.release());

const ids = Array.from({ length: 300 }, (_, i) => `person-${i}`);
const profile = (personId: string): Profile => ({ personId, staffGroup: 'support worker', updatedAt: '2026-03-02T09:00:00Z' });

test.each([
  ['from the table', () => createTableRepositories(store).profiles],
  ['through the cache', () => withReadCaches(createTableRepositories(store)).profiles],
])('300 people, a third with a profile, %s: all found, at most 16 reads at once', async (_, profiles) => {
  const repo = profiles();
  await mapInParallel(
    ids.filter((_, i) => i % 3 === 0),
    (id) => repo.put(profile(id)),
  );
  most = 0;
  const found = await repo.getMany([...ids, ...ids.slice(0, 10)]);
  expect([...found.keys()].sort()).toEqual(ids.filter((_, i) => i % 3 === 0).sort());
  expect(found.get('person-3')).toMatchObject({ staffGroup: 'support worker' });
  expect(most).toBe(STORAGE_CALLS_AT_ONCE);
});

test('mapInParallel keeps the items’ order and never runs more than its width', async () => {
  let running = 0;
  let peak = 0;
  const out = await mapInParallel(
    Array.from({ length: 40 }, (_, i) => i),
    async (i) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, (i * 7) % 5));
      running--;
      return i * 2;
    },
    3,
  );
  expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
  expect(peak).toBe(3);
  expect(await mapInParallel([], async () => 1)).toEqual([]);
});
