// Summaries kept at write time against real Azurite: a randomised run of slips (some sent
// twice, as retries are) and "Add my thanks" presses, from two instances' repositories at once
// (each with its own memory of the rows it wrote), must leave every box and person summary
// equal to the one rebuilt from the rows.
import fc from 'fast-check';
import { TableStore } from '../../src/storage/table/table-store';
import { createTableRepositories } from '../../src/storage/table/create-table-repositories';
import type { Repositories } from '../../src/storage/repositories';
import { SlipService } from '../../src/services/slip-service';
import { SummaryRebuild } from '../../src/services/summary-rebuild';
import { MemoryLogger } from '../../src/logger';
import { startAzurite, type TestAzurite } from '../support/azurite';
import type { PersonRef } from '../../src/domain/person';
import type { StaffGroup } from '../../src/domain/person';

const SEED = 20261204;
let azurite: TestAzurite;
let instances: Array<{ repos: Repositories; slips: SlipService }>;
let rebuild: SummaryRebuild;

const person = (i: number): PersonRef => ({ id: `aad-${i}`, teamsId: `29:p-${i}`, name: `Person ${i}` });
const PEOPLE = Array.from({ length: 6 }, (_, i) => person(i));
const VALUES = ['Team player', 'Learning and growing', 'Above and beyond for patients', 'Including others'];
const GROUPS: StaffGroup[] = ['support worker', 'registered professional', 'manager'];

beforeAll(async () => {
  azurite = await startAzurite();
  const store = () => new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'sum' });
  await store().ensureTables();
  instances = [0, 1].map((i) => {
    const repos = createTableRepositories(store());
    const clock = () => new Date(Date.UTC(2026, 4, 10 + i, 9));
    return { repos, slips: new SlipService(repos, [], new MemoryLogger(), clock, 'Europe/London') };
  });
  rebuild = new SummaryRebuild(instances[0].repos, 'Europe/London');
  for (const [i, p] of PEOPLE.entries()) {
    if (i % 2 === 0)
      await instances[0].repos.profiles.put({ personId: p.id, staffGroup: GROUPS[i % GROUPS.length], updatedAt: '2026-05-01T00:00:00Z' });
  }
});
afterAll(() => azurite.release());

const slipArb = fc.record({
  sender: fc.nat(PEOPLE.length - 1),
  recipients: fc.uniqueArray(fc.nat(PEOPLE.length - 1), { minLength: 1, maxLength: 3 }),
  values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 3 }),
  visibility: fc.constantFrom('team' as const, 'private' as const),
  team: fc.constantFrom('team-a', 'team-b'),
  instance: fc.nat(1),
  sentTwice: fc.boolean(),
  presses: fc.uniqueArray(fc.nat(PEOPLE.length - 1), { maxLength: 4 }),
});

test('after a randomised run from two instances, every summary equals its rebuild', async () => {
  console.log(`fast-check seed ${SEED}`);
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(slipArb, { minLength: 5, maxLength: 25 }), async (plan) => {
      run++;
      const sent = await Promise.all(
        plan.map(async (p, i) => {
          const { slips } = instances[p.instance];
          const sender = PEOPLE[p.sender];
          const recipients = p.recipients.filter((r) => r !== p.sender).map((r) => PEOPLE[r]);
          if (recipients.length === 0) return undefined;
          const draft = { sender, recipients, message: `Thank you (${run}.${i})`, values: p.values, visibility: p.visibility };
          const place = { tenantId: 't', teamId: `${p.team}-${run}`, conversationId: 'c' };
          const first = await slips.send(draft, place, `req-${run}-${i}`);
          // A retry of the same request, on the other instance: counted once.
          if (p.sentTwice) await instances[1 - p.instance].slips.send(draft, place, `req-${run}-${i}`);
          return { slip: first.slip, presses: p.presses.map((x) => PEOPLE[x]), instance: p.instance };
        }),
      );
      await Promise.all(
        sent.flatMap((s) =>
          s ? s.presses.map((who, k) => instances[(s.instance + k) % 2].slips.cosign(s.slip.teamId, s.slip.month, s.slip.id, who)) : [],
        ),
      );
      const repos = instances[0].repos;
      const boxes = new Map(sent.filter((s) => s).map((s) => [`${s!.slip.teamId}|${s!.slip.month}`, s!.slip]));
      let counted = 0;
      for (const slip of boxes.values()) {
        const incremental = await repos.slips.summary(slip.teamId, slip.month);
        counted += incremental.slips;
        expect(await rebuild.box(slip.teamId, slip.month)).toEqual(incremental);
      }
      // Each request made one slip, whether or not it was sent twice.
      expect(counted).toBe(sent.filter((s) => s).length);
      for (const p of PEOPLE) {
        const incremental = await repos.history.summary(p.id);
        expect(await rebuild.person(p.id)).toEqual(incremental);
      }
    }),
    { seed: SEED, numRuns: 4 },
  );
}, 180_000);

test('a summary counts a slip under the staff group its recipient had when it was sent', async () => {
  const [a] = instances;
  const place = { tenantId: 't', teamId: 'team-groups', conversationId: 'c' };
  const draft = { sender: PEOPLE[1], recipients: [PEOPLE[2]], message: 'Thank you', values: ['Team player'], visibility: 'team' as const };
  await a.repos.profiles.put({ personId: PEOPLE[2].id, staffGroup: 'manager', updatedAt: '2026-05-01T00:00:00Z' });
  const { slip } = await a.slips.send(draft, place, 'groups-1');
  await a.repos.profiles.put({ personId: PEOPLE[2].id, staffGroup: 'support worker', updatedAt: '2026-05-02T00:00:00Z' });
  await a.slips.send({ ...draft, message: 'Thank you again' }, place, 'groups-2');
  const summary = await a.repos.slips.summary(place.teamId, slip.month);
  expect(summary.byGroup).toEqual({ manager: 1, 'support worker': 1 });
  expect(await rebuild.box(place.teamId, slip.month)).toEqual(summary);
  const mine = await a.repos.history.summary(PEOPLE[2].id);
  expect(mine.byYear['2026'].byValue['Team player']).toBeGreaterThanOrEqual(2);
});
