// The digest card reads the two months before from their summaries (DigestService.card); the
// pages read every slip (DigestService.build). For the same data the card must come out the
// same either way: a randomised team (fast-check, fixed seed) is built both ways and compared,
// and so are boxes written before summaries existed (no summary rows), which are summed from
// their slips instead.
import fc from 'fast-check';
import { TableStore } from '../../src/storage/table/table-store';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';
import type { Repositories } from '../../src/storage/repositories';
import { DigestService } from '../../src/services/digest-service';
import { digestCard } from '../../src/cards/digest-card';
import { defaultTeamSettings } from '../../src/domain/team-settings';
import { STAFF_GROUPS, type PersonRef } from '../../src/domain/person';
import type { Slip } from '../../src/domain/slip';
import { startAzurite, type TestAzurite } from '../support/azurite';

const SEED = 20261204;
const MONTHS = ['2026-03', '2026-04', '2026-05'];
const VALUES = ['Skill and expertise', 'Team player', 'Including others', 'Trusted with responsibility'];
const PEOPLE: PersonRef[] = Array.from({ length: 14 }, (_, i) => ({ id: `p${i}`, teamsId: `29:p${i}`, name: `Person ${i}` }));

let azurite: TestAzurite;
let repos: Repositories;
let digests: DigestService;

beforeAll(async () => {
  azurite = await startAzurite();
  const store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'dc' });
  await store.ensureTables();
  repos = createTableRepositories(store);
  digests = new DigestService(repos, 'Europe/London');
});
afterAll(() => azurite.release());

const slipArb = fc.record({
  month: fc.nat(MONTHS.length - 1),
  day: fc.integer({ min: 1, max: 28 }),
  sender: fc.nat(PEOPLE.length - 1),
  recipients: fc.uniqueArray(fc.nat(PEOPLE.length - 1), { minLength: 1, maxLength: 3 }),
  values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }),
  visibility: fc.constantFrom('team' as const, 'team' as const, 'private' as const),
  cosigners: fc.uniqueArray(fc.nat(PEOPLE.length - 1), { maxLength: 3 }),
});
const personArb = fc.record({
  group: fc.option(fc.constantFrom(...STAFF_GROUPS), { nil: undefined }),
  noReadOut: fc.boolean(),
  title: fc.option(fc.constantFrom('Ward sister', 'Associate practitioner'), { nil: undefined }),
  member: fc.boolean(),
});
const teamArb = fc.record({
  slips: fc.array(slipArb, { minLength: 0, maxLength: 40 }),
  people: fc.array(personArb, { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
  nominations: fc.array(fc.record({ month: fc.nat(MONTHS.length - 1), from: fc.nat(PEOPLE.length - 1), to: fc.nat(PEOPLE.length - 1) }), {
    maxLength: 6,
  }),
});
type Team = typeof teamArb extends fc.Arbitrary<infer T> ? T : never;

async function seed(teamId: string, team: Team): Promise<void> {
  await repos.teamSettings.ensure(defaultTeamSettings(teamId, `Team ${teamId}`, 'tenant', new Date('2026-01-01T00:00:00Z')));
  await Promise.all(
    team.people.map(async (p, i) => {
      const personId = PEOPLE[i].id;
      if (p.group || p.noReadOut || p.title)
        await repos.profiles.put({
          personId,
          updatedAt: '2026-01-01T00:00:00Z',
          ...(p.group ? { staffGroup: p.group } : {}),
          ...(p.noReadOut ? { noReadOut: true } : {}),
          ...(p.title ? { preferredTitle: p.title } : {}),
        });
      if (p.member)
        await repos.memberships.record({ personId, teamId, teamName: `Team ${teamId}`, lastUsedAt: '2026-05-01T00:00:00.000Z' });
    }),
  );
  const slips: Slip[] = team.slips.map((s, i) => {
    const month = MONTHS[s.month];
    return {
      id: `s${i}`,
      tenantId: 'tenant',
      teamId,
      month,
      conversationId: 'conv',
      createdAt: `${month}-${String(s.day).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00.000Z`,
      sender: PEOPLE[s.sender],
      recipients: s.recipients.map((r) => PEOPLE[r]),
      message: `Thank you (${i})`,
      values: s.values,
      visibility: s.visibility,
      cosigners: s.cosigners.map((c) => PEOPLE[c]),
      notified: {},
    };
  });
  for (let i = 0; i < slips.length; i += 8) await Promise.all(slips.slice(i, i + 8).map((s) => repos.slips.create(s)));
  for (const n of team.nominations) {
    const month = MONTHS[n.month];
    await repos.nominations.put({
      teamId,
      month,
      nominator: PEOPLE[n.from],
      nominee: PEOPLE[n.to],
      reason: 'Kind and skilled with every patient',
      values: [],
      anonymous: false,
      slipIds: [],
      createdAt: `${month}-20T10:00:00.000Z`,
      updatedAt: `${month}-20T10:00:00.000Z`,
    });
  }
}

/** The card both ways, as JSON: the summary path (what leads and the channel get) and the full one (the pages). */
async function bothWays(teamId: string): Promise<{ card: string; full: string }> {
  const [bySummary, bySlips] = await Promise.all([digests.card(teamId, '2026-05'), digests.build(teamId, '2026-05')]);
  expect(bySummary).toEqual(bySlips);
  return { card: JSON.stringify(digestCard({ digest: bySummary })), full: JSON.stringify(digestCard({ digest: bySlips })) };
}

test('for a randomised team, the card read from summaries is the card read from every slip', async () => {
  console.log(`fast-check seed ${SEED}`);
  let run = 0;
  let withBefore = 0;
  await fc.assert(
    fc.asyncProperty(teamArb, async (team) => {
      const teamId = `random-${++run}`;
      await seed(teamId, team);
      // The months before were summed at write time: this is the path the card takes.
      const april = await repos.slips.summary(teamId, '2026-04');
      if (april.slips > 0) withBefore++;
      const { card, full } = await bothWays(teamId);
      expect(card).toBe(full);
    }),
    { seed: SEED, numRuns: 12 },
  );
  // The property is only worth something if the months before held slips in most runs.
  expect(withBefore).toBeGreaterThan(6);
}, 180_000);

test('boxes from before summaries (no summary rows) still give the same card, summed from their slips', async () => {
  const team = fc.sample(teamArb, { seed: SEED + 1, numRuns: 1 })[0];
  const sent = fc.sample(fc.array(slipArb, { minLength: 30, maxLength: 30 }), { seed: SEED + 2, numRuns: 1 })[0];
  const teamId = 'before-summaries';
  await seed(teamId, { ...team, slips: sent });
  const summed = await repos.slips.summary(teamId, '2026-04');
  // What an upgrade leaves: the slips, no summary rows.
  for (const m of MONTHS) await repos.slips.removeSummary(teamId, m);
  expect(summed.slips).toBeGreaterThan(0);
  expect(await repos.slips.summary(teamId, '2026-04')).toEqual(summed);
  const { card, full } = await bothWays(teamId);
  expect(card).toBe(full);
  expect(card).toContain('Team before-summaries');
}, 60_000);
