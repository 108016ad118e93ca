// The membership "last used" stamp against the real Table API: written on every use, so the box
// chooser and retention stay right when several instances share the store.
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
afterAll(() => azurite.release());

const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const use = (personId: string, teamId: string, minutes: number, teamName = `Team ${teamId}`): Membership => ({
  personId,
  teamId,
  teamName,
  lastUsedAt: at(minutes),
});

const repoOn = () => new TableMembershipRepository(new DocTable<Membership>(store.table('memberships')));

test('using the same team again moves the stored stamp at once', async () => {
  const repo = repoOn();
  await repo.record(use('p1', 'x', 0));
  await repo.record(use('p1', 'x', 30));
  expect((await repo.list('p1')).map((m) => m.lastUsedAt)).toEqual([at(30)]);
  expect((await repo.listTeam('x')).map((m) => m.lastUsedAt)).toEqual([at(30)]);
});

test('switching teams is always written, so the last team used is still the box chooser’s default', async () => {
  const repo = repoOn();
  const chooser = new BoxChooser(repo);
  await repo.record(use('p2', 'x', 0));
  await repo.record(use('p2', 'y', 5));
  expect((await chooser.choicesFor('p2')).defaultTeamId).toBe('y');
  await repo.record(use('p2', 'x', 10));
  expect((await chooser.choicesFor('p2')).defaultTeamId).toBe('x');
});

test('a new team name is written at once, and a removed person is recorded afresh', async () => {
  const repo = repoOn();
  await repo.record(use('p3', 'x', 0, 'Old name'));
  await repo.record(use('p3', 'x', 1, 'New name'));
  expect((await repo.list('p3')).map((m) => m.teamName)).toEqual(['New name']);
  await repo.remove('p3');
  expect(await repo.list('p3')).toEqual([]);
  await repo.record(use('p3', 'x', 2, 'New name'));
  expect((await repo.list('p3')).map((m) => m.lastUsedAt)).toEqual([at(2)]);
});

test('two instances: going back to a team another instance moved away from is the default again', async () => {
  const one = repoOn();
  const two = repoOn();
  const chooser = new BoxChooser(one);
  await one.record(use('p4', 'a', 0));
  await two.record(use('p4', 'b', 5));
  await one.record(use('p4', 'a', 10));
  expect((await chooser.choicesFor('p4')).defaultTeamId).toBe('a');
});

test('two instances: someone erased on one and seen again on the other within the hour is a member again', async () => {
  const one = repoOn();
  const two = repoOn();
  await one.record(use('p5', 'x', 0));
  await two.remove('p5');
  expect((await one.listTeam('x')).map((m) => m.personId)).not.toContain('p5');
  await one.record(use('p5', 'x', 20));
  expect((await one.list('p5')).map((m) => m.lastUsedAt)).toEqual([at(20)]);
  expect((await two.listTeam('x')).map((m) => m.personId)).toContain('p5');
});
