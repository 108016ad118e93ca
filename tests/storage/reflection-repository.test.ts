// Tags and reflections against real Table storage: one row per person and slip, the latest
// answer kept, each person's notes in their own partition, erasure takes all of them, and a
// received slip is found by a point read of the person's own history.
import { TableStore } from '../../src/storage/table/table-store';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';
import type { Repositories } from '../../src/storage/repositories';
import type { SlipReflection } from '../../src/domain/reflection';
import type { SlipHistoryEntry } from '../../src/domain/history';
import { startAzurite, type TestAzurite } from '../support/azurite';

let azurite: TestAzurite;
let repos: Repositories;

beforeAll(async () => {
  azurite = await startAzurite();
  const store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'rf' });
  await store.ensureTables();
  repos = createTableRepositories(store);
});
afterAll(() => azurite.release());

const note = (personId: string, slipId: string, over: Partial<SlipReflection> = {}): SlipReflection => ({
  personId,
  slipId,
  createdAt: '2026-11-03T10:00:00.000Z',
  teamId: '19:team@thread.tacv2',
  month: '2026-11',
  frameworkId: 'ahp-support-worker-2021',
  domains: ['communication-information'],
  reflection: 'I explained the exercises slowly and checked back.',
  updatedAt: '2026-11-04T09:00:00.000Z',
  ...over,
});

test('a note is saved, read back exactly, and replaced by the person’s latest answer', async () => {
  await repos.reflections.put(note('p1', 'slip/with#odd?chars'));
  expect(await repos.reflections.get('p1', 'slip/with#odd?chars')).toEqual(note('p1', 'slip/with#odd?chars'));
  await repos.reflections.put(note('p1', 'slip/with#odd?chars', { domains: [], reflection: 'Changed my mind.' }));
  expect(await repos.reflections.list('p1')).toEqual([note('p1', 'slip/with#odd?chars', { domains: [], reflection: 'Changed my mind.' })]);
});

test('each person’s notes are theirs alone, and erasure removes every one of them', async () => {
  await repos.reflections.put(note('p2', 'a'));
  await repos.reflections.put(note('p2', 'b'));
  await repos.reflections.put(note('p3', 'a', { reflection: 'Someone else’s words' }));
  expect((await repos.reflections.list('p2')).map((n) => n.slipId).sort()).toEqual(['a', 'b']);
  expect(await repos.reflections.get('p2', 'c')).toBeUndefined();
  expect(await repos.reflections.deleteAll('p2')).toBe(2);
  expect(await repos.reflections.list('p2')).toEqual([]);
  expect(await repos.reflections.get('p3', 'a')).toMatchObject({ reflection: 'Someone else’s words' });
  await repos.reflections.delete('p3', 'a');
  expect(await repos.reflections.get('p3', 'a')).toBeUndefined();
});

test('a received slip is found in the person’s own history by id and time, and only there', async () => {
  const entry: SlipHistoryEntry = {
    kind: 'slip',
    slipId: 'received-1',
    teamId: '19:team@thread.tacv2',
    month: '2026-11',
    createdAt: '2026-11-05T08:30:00.000Z',
    sender: { id: 'sender', teamsId: '29:sender', name: 'Jo' },
    message: 'Thank you for the handover',
    values: ['Team player'],
    visibility: 'team',
  };
  await repos.history.addSlips('p4', [entry]);
  expect(await repos.history.getSlip('p4', entry.createdAt, 'received-1')).toEqual(entry);
  expect(await repos.history.getSlip('p5', entry.createdAt, 'received-1')).toBeUndefined();
  expect(await repos.history.getSlip('p4', '2026-11-05T08:30:00.001Z', 'received-1')).toBeUndefined();
  expect(await repos.history.getSlip('p4', 'not a date', 'received-1')).toBeUndefined();
});
