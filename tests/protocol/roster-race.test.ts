// Two Valued instances on one storage account, both reconciling the same team's roster at the
// same moment, round after round: Teams is asked for the roster once per round, never twice.
import type { Valued } from '../../src/app';
import { startAnotherInstance, startHarness, type Harness } from '../support/harness';
import { TEAM, TENANT, crowd, people, teamEvent } from '../support/teams';
import { unpaced } from '../support/unpaced';

let h: Harness;
let second: Valued;
const team = [...Object.values(people), ...crowd(695, 3000)];

beforeAll(async () => {
  h = await startHarness({}, unpaced);
  h.connector.teamMembers[TEAM.id] = team.map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId, tenantId: TENANT }));
  second = await startAnotherInstance(h, {}, unpaced);
  await h.post(teamEvent.botAdded({ serviceUrl: h.serviceUrl, from: people.jo }));
  await h.valued.bot.sender.idle();
});
afterAll(async () => {
  await second.stop();
  await h.stop();
});

async function ageRoster(): Promise<void> {
  const table = (h.valued.store as unknown as { table(name: string): any }).table('rosters');
  const row = await table.getEntity(TEAM.id, 'roster');
  const doc = JSON.parse(row.doc0);
  doc.syncedAt = new Date(Date.now() - 25 * 3600_000).toISOString();
  await table.updateEntity({ partitionKey: TEAM.id, rowKey: 'roster', parts: 1, doc0: JSON.stringify(doc) }, 'Replace');
}

test('the install read the roster once: two pages of 500 for 700 people', () => {
  expect(h.connector.memberReads.filter((r) => r.pageSize).map((r) => r.continuationToken)).toEqual([undefined, 'page-500']);
});

test('20 rounds of both instances reconciling at once: one roster read per round, and the members stay exact', async () => {
  for (let round = 0; round < 20; round++) {
    await ageRoster();
    const reads = h.connector.memberReads.length;
    const instances = round % 2 ? [h.valued, second] : [second, h.valued];
    const results = await Promise.all(instances.map((v) => v.bot.roster.reconcileDue()));
    const synced = results.flatMap((r) => r.synced);
    expect(synced).toEqual([TEAM.id]);
    expect(results.flatMap((r) => r.failed)).toEqual([]);
    expect(h.connector.memberReads.length - reads).toBe(2);
  }
  expect(await h.valued.repos.memberships.listTeam(TEAM.id)).toHaveLength(700);
});
