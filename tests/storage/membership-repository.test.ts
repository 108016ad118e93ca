// The membership "last used" stamp against the real Table API: written when it matters for the
// box chooser (another team, a new name, an hour on), skipped when only the stamp would move.
import { TableStore } from '../../src/storage/table/table-store';
import { DocTable } from '../../src/storage/table/doc-table';
import { TableMembershipRepository } from '../../src/storage/table/table-people-repositories';
import type { Membership } from '../../src/storage/membership-repository';
import { BoxChooser } from '../../src/services/box-chooser';
import { startAzurite, type TestAzurite } from '../support/azurite';

let azurite: TestAzurite;
let store: TableStore;

beforeAll(async () => {
  azurite = await startAzurite();
  store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'mem' });
  await store.ensureTables();
});
afterAll(() => azurite.stop());

const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const use = (personId: string, teamId: string, minutes: number, teamName = `Team ${teamId}`): Membership => ({ personId, teamId, teamName, lastUsedAt: at(minutes) });

test('using the same team again within the hour keeps the stored stamp; after an hour it moves', async () => {
  const repo = new TableMembershipRepository(new DocTable<Membership>(store.table('memberships')));
  await repo.record(use('p1', 'x', 0));
  await repo.record(use('p1', 'x', 30));
  expect((await repo.list('p1')).map((m) => m.lastUsedAt)).toEqual([at(0)]);
  await repo.record(use('p1', 'x', 61));
  expect((await repo.list('p1')).map((m) => m.lastUsedAt)).toEqual([at(61)]);
  expect((await repo.listTeam('x')).map((m) => m.lastUsedAt)).toEqual([at(61)]);
});

test('switching teams is always written, so the last team used is still the box chooser’s default', async () => {
  const repo = new TableMembershipRepository(new DocTable<Membership>(store.table('memberships')));
  const chooser = new BoxChooser(repo);
  await repo.record(use('p2', 'x', 0));
  await repo.record(use('p2', 'y', 5));
  expect((await chooser.choicesFor('p2')).defaultTeamId).toBe('y');
  await repo.record(use('p2', 'x', 10));
  expect((await chooser.choicesFor('p2')).defaultTeamId).toBe('x');
});

test('a new team name is written at once, and a removed person is recorded afresh', async () => {
  const repo = new TableMembershipRepository(new DocTable<Membership>(store.table('memberships')));
  await repo.record(use('p3', 'x', 0, 'Old name'));
  await repo.record(use('p3', 'x', 1, 'New name'));
  expect((await repo.list('p3')).map((m) => m.teamName)).toEqual(['New name']);
  await repo.remove('p3');
  expect(await repo.list('p3')).toEqual([]);
  await repo.record(use('p3', 'x', 2, 'New name'));
  expect((await repo.list('p3')).map((m) => m.lastUsedAt)).toEqual([at(2)]);
});
