// Fuzzing the front door: random and mutated Teams activities and invokes, posted over real
// HTTP to /api/messages, 16 at a time: about 1,000 in `npm test`, as many as FUZZ_REQUESTS asks
// for a longer run (the old default was 10,000). Each run prints its seed; FUZZ_SEED=<seed>
// (with the same FUZZ_REQUESTS) replays it. Starting from the valid builders, fields are
// dropped or replaced with wrong types, huge strings, deep nesting, unicode, arrays, null and
// prototype-pollution keys. The process must never crash or answer 5xx, input whose required
// field is broken must never create a slip or nomination, and memory must stay flat.
import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { startHarness, type Harness } from '../support/harness';
import {
  TEAM,
  botAdded,
  cardAction,
  cardSubmit,
  composeExtension,
  installationUpdate,
  message,
  messagePayload,
  people,
  taskModule,
  type TestPerson,
  type Where,
  member,
} from '../support/teams';
import { monthOf } from '../../src/domain/box';

let h: Harness;
const CONCURRENCY = 16;

// The run's size and seed, from the environment or fresh; printed so a failure can be replayed.
const REQUESTS = Math.max(Number(process.env.FUZZ_REQUESTS) || 1_000, 20 * CONCURRENCY);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Math.random() * 2 ** 31) | 0;
const WARM_UP_RUNS = 20;
// The rest is shared as before: about three batches of anything to one of invalid input.
const ANY_RUNS = Math.round(((REQUESTS / CONCURRENCY - WARM_UP_RUNS) * 500) / 650);
const INVALID_RUNS = Math.ceil(REQUESTS / CONCURRENCY) - WARM_UP_RUNS - ANY_RUNS;
const replay = `FUZZ_SEED=${SEED} FUZZ_REQUESTS=${REQUESTS}`;
// A few ms a request on a quiet machine; generous, as the machine running it may be busy.
jest.setTimeout(60_000 + REQUESTS * 60);

const month = monthOf(new Date());
const everyone = Object.values(people);

// A real garbage collector for the memory check (jest does not pass --expose-gc).
function collector(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}
const gc = (globalThis as { gc?: () => void }).gc ?? collector();
const heapUsed = (): number => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

beforeAll(async () => {
  h = await startHarness({ LOG_LEVEL: 'warn' });
  h.connector.members = everyone.map(member);
  await h.valued.repos.memberships.record({
    personId: people.amara.aadObjectId,
    teamId: TEAM.id,
    teamName: TEAM.name,
    lastUsedAt: new Date().toISOString(),
  });
});
afterAll(() => h.stop());

// ---- Valid starting points: every kind of request the bot handles ------------------------------

type Seed = (o: { serviceUrl: string; from: TestPerson; where: Where }) => Record<string, unknown>;
const slipData = () => ({
  draftId: 'draft-fuzz-0001',
  recipients: `${people.sam.aadObjectId},${people.priya.aadObjectId}`,
  message: 'Thank you for covering clinic',
  values: 'Team player',
  visibility: 'team',
});
const nominationData = () => ({
  month,
  teamId: TEAM.id,
  nominee: people.sam.aadObjectId,
  reason: 'Sam covered three clinics this week without being asked',
  values: 'Team player',
  anonymous: 'false',
});
const boxRef = () => ({ teamId: TEAM.id, month });

const SEEDS: Record<string, Seed> = {
  help: (o) => message('help', o),
  quickThanks: (o) => message('thanks @Sam for covering my clinic', { ...o, mentions: [people.sam], mentionBot: o.where === 'channel' }),
  thanksForm: (o) => message('thanks', o),
  nominate: (o) => message('nominate @Sam for always helping', { ...o, mentions: [people.sam], mentionBot: o.where === 'channel' }),
  nominations: (o) => message('nominations', o),
  settings: (o) => message('settings', { ...o, mentionBot: o.where === 'channel' }),
  myRecognition: (o) => message('my recognition', o),
  profile: (o) => message('profile', o),
  openSlipForm: (o) => cardSubmit({ verb: 'openSlipForm' }, o),
  openHistory: (o) => cardSubmit({ verb: 'openHistory' }, o),
  installed: (o) => installationUpdate(o),
  botAdded: (o) => botAdded(o),
  fetchSendThanks: (o) => composeExtension.fetchTask('sendThanks', o),
  fetchThankForThis: (o) =>
    composeExtension.fetchTask('thankForThis', {
      ...o,
      context: 'message',
      messagePayload: messagePayload(people.sam, '<p>Can anyone cover <b>2pm</b>?</p>'),
    }),
  fetchNominate: (o) => composeExtension.fetchTask('nominate', o),
  submitSendThanks: (o) => composeExtension.submitAction('sendThanks', slipData(), o),
  submitNominate: (o) => composeExtension.submitAction('nominate', nominationData(), o),
  previewSend: (o) =>
    composeExtension.submitAction(
      'sendThanks',
      {},
      {
        ...o,
        botMessagePreviewAction: 'send',
        botActivityPreview: [
          {
            attachments: [
              {
                contentType: 'application/vnd.microsoft.card.adaptive',
                content: { actions: [{ type: 'Action.Submit', data: { preview: true, ...slipData() } }] },
              },
            ],
          },
        ],
      },
    ),
  taskFetch: (o) => taskModule.fetch({ verb: 'nomination.open', ...nominationData() }, o),
  taskSubmit: (o) => taskModule.submit({ verb: 'nomination.submit', ...nominationData() }, o),
  'slip.submit': (o) => cardAction('slip.submit', slipData(), o),
  'slip.edit': (o) => cardAction('slip.edit', slipData(), o),
  'slip.cosign': (o) => cardAction('slip.cosign', { slipId: 'slip-x', ...boxRef() }, o),
  'slip.refresh': (o) => cardAction('slip.refresh', { slipId: 'slip-x', ...boxRef() }, o),
  'nomination.submit': (o) => cardAction('nomination.submit', nominationData(), o),
  'som.vote': (o) => cardAction('som.vote', { ...boxRef(), nominee: people.sam.aadObjectId }, o),
  'som.review': (o) => cardAction('som.review', boxRef(), o),
  ...Object.fromEntries(
    ['som.shortlist', 'som.openVote', 'som.closeVote', 'som.saveAward', 'som.announce', 'som.closeBox'].map((v) => [
      v,
      (o: Parameters<Seed>[0]) => cardAction(v, { ...boxRef(), winners: people.sam.aadObjectId, citation: 'For everything' }, o),
    ]),
  ),
  'settings.open': (o) => cardAction('settings.open', { teamId: TEAM.id }, o),
  'settings.save': (o) => cardAction('settings.save', { teamId: TEAM.id, values: 'Team player,Kindness', prize: 'Cake' }, o),
  'history.page': (o) => cardAction('history.page', { token: 'abc', value: 'Team player', year: '2026' }, o),
  'profile.save': (o) => cardAction('profile.save', { preferredTitle: 'Physio', band: '4' }, o),
  'erase.cancel': (o) => cardAction('erase.cancel', {}, o),
  digest: (o) => message(`digest ${month}`, o),
  'digest.show': (o) => cardAction('digest.show', boxRef(), o),
  'digest.links': (o) => cardAction('digest.links', boxRef(), o),
};
const SEED_NAMES = Object.keys(SEEDS);

// ---- Mutations -----------------------------------------------------------------------------

const deep = (depth: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const POLLUTERS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":null}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
];
// A fresh object each time, so a mutation can never make the activity refer to itself.
const polluter = fc.constantFrom(...POLLUTERS).map((j) => JSON.parse(j) as unknown);

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e\u0000\uffff',
    '\ud800',
    '😀'.repeat(300),
    '<at>Sam</at>',
    '%',
    '%E0%A4%A',
    '../../x',
    "'; DROP TABLE slips",
    '${root}',
    'a,b,,,,',
    'x:'.repeat(150),
    '2026-13',
    'msteams',
  ),
  // Huge strings: past every field limit, and now and then past the 256 KB body limit (413).
  fc
    .oneof({ weight: 9, arbitrary: fc.integer({ min: 1_001, max: 40_000 }) }, { weight: 1, arbitrary: fc.constant(300_000) })
    .map((n) => 'x'.repeat(n)),
  fc.integer({ min: 20, max: 1_500 }).map(deep),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true }),
  polluter,
);

type Mutation =
  | { kind: 'delete' }
  | { kind: 'set'; value: unknown }
  | { kind: 'pollute'; key: '__proto__' | 'constructor' | 'prototype'; value: unknown };
type Located = { at: number; m: Mutation };
const mutation: fc.Arbitrary<Located> = fc.record({
  at: fc.nat(),
  m: fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
    { weight: 5, arbitrary: nasty.map((value) => ({ kind: 'set' as const, value })) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('pollute' as const),
        key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const),
        value: polluter,
      }),
    },
  ),
});

type Path = Array<string | number>;
const isObj = (v: unknown): v is Record<string | number, unknown> => typeof v === 'object' && v !== null;

/** Every path into the activity (not into what a mutation added), shallow enough to stay cheap. */
function paths(root: unknown, maxDepth = 8): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, at: Path) => {
    if (!isObj(v) || at.length >= maxDepth) return;
    for (const k of Object.keys(v)) {
      out.push([...at, k]);
      walk(v[k], [...at, k]);
    }
  };
  walk(root, []);
  return out;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node = root;
  for (const k of path.slice(0, -1)) {
    if (!isObj(node)) return undefined;
    node = node[k];
  }
  return isObj(node) ? node : undefined;
}

function apply(root: Record<string, unknown>, path: Path, m: Mutation): void {
  const parent = parentOf(root, path);
  if (!parent) return;
  const key = path[path.length - 1];
  if (m.kind === 'delete') delete parent[key];
  else if (m.kind === 'set') parent[key] = m.value;
  else {
    const target = parent[key];
    const into = isObj(target) ? target : parent;
    Object.defineProperty(into, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
}

function mutate(seed: Record<string, unknown>, mutations: Located[]): Record<string, unknown> {
  for (const { at, m } of mutations) {
    const all = paths(seed);
    if (all.length === 0) break;
    apply(seed, all[at % all.length], m);
  }
  return seed;
}

const context = fc.record({ from: fc.constantFrom(...everyone), where: fc.constantFrom<Where>('personal', 'groupChat', 'channel') });
const build = (name: string, c: { from: TestPerson; where: Where }) =>
  SEEDS[name]({ serviceUrl: h.serviceUrl, ...c }) as Record<string, unknown>;

/** A request body: a mutated activity, now and then a whole body of the wrong kind or not JSON. */
const anyCase: fc.Arbitrary<() => string> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.tuple(fc.constantFrom(...SEED_NAMES), context, fc.array(mutation, { minLength: 0, maxLength: 3 })).map(
      ([name, c, ms]) =>
        () =>
          JSON.stringify(mutate(build(name, c), ms)),
    ),
  },
  { weight: 1, arbitrary: nasty.map((v) => () => JSON.stringify(v) ?? 'null') },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('', '{', '{"type":', 'not json', '\u0000', '[1,2', '{"type":"message"}{"type":"message"}')
      .map((s) => () => s),
  },
);

// ---- Invalid by construction: a required field of a slip or nomination is broken last ---------

const brokenText = fc.constantFrom<Mutation>(
  { kind: 'delete' },
  { kind: 'set', value: null },
  { kind: 'set', value: '' },
  { kind: 'set', value: '   ' },
  { kind: 'set', value: 42 },
  { kind: 'set', value: ['Sam'] },
  { kind: 'set', value: { toString: 'x' } },
  { kind: 'set', value: 'x'.repeat(6_000) },
);
const BREAKABLE: Array<{ seed: string; path: Path; extra?: Mutation[] }> = [
  { seed: 'slip.submit', path: ['value', 'action', 'data', 'recipients'] },
  { seed: 'slip.submit', path: ['value', 'action', 'data', 'message'] },
  { seed: 'submitSendThanks', path: ['value', 'data', 'recipients'] },
  { seed: 'submitSendThanks', path: ['value', 'data', 'message'] },
  { seed: 'nomination.submit', path: ['value', 'action', 'data', 'nominee'] },
  { seed: 'nomination.submit', path: ['value', 'action', 'data', 'reason'], extra: [{ kind: 'set', value: 'Too short' }] },
  { seed: 'submitNominate', path: ['value', 'data', 'nominee'] },
  { seed: 'submitNominate', path: ['value', 'data', 'reason'], extra: [{ kind: 'set', value: 'Too short' }] },
  { seed: 'taskSubmit', path: ['value', 'data', 'nominee'] },
  { seed: 'quickThanks', path: ['text'] },
];
const invalidCase: fc.Arbitrary<() => string> = fc
  .tuple(fc.nat({ max: BREAKABLE.length - 1 }), context, fc.array(mutation, { maxLength: 2 }), brokenText, fc.nat())
  .map(([i, c, ms, broken, pick]) => () => {
    const target = BREAKABLE[i];
    const breakWith = [broken, ...(target.extra ?? [])][pick % (1 + (target.extra?.length ?? 0))];
    // A message's text is broken only by making it not text (an empty text is still a message).
    const m =
      target.seed === 'quickThanks' && breakWith.kind === 'set' && typeof breakWith.value === 'string'
        ? ({ kind: 'set', value: 7 } as Mutation)
        : breakWith;
    const activity = mutate(build(target.seed, c), ms);
    apply(activity, target.path, m);
    return JSON.stringify(activity);
  });

// ---- Sending and checking --------------------------------------------------------------------

let sent = 0;
const statuses = new Map<number, number>();
async function send(body: string): Promise<number> {
  const res = await fetch(`${h.valued.http.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.arrayBuffer();
  sent++;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  return res.status;
}

async function countRows(table: 'slips' | 'nominations'): Promise<number> {
  let n = 0;
  for await (const page of h.valued.store
    .table(table)
    .listEntities({ queryOptions: { select: ['PartitionKey'] } })
    .byPage({ maxPageSize: 1000 }))
    n += page.length;
  return n;
}

/** One property run: a batch of CONCURRENCY requests at once; none may be answered 5xx. */
async function batchIsServed(batch: Array<() => string>): Promise<void> {
  const bodies = batch.map((make) => make());
  const results = await Promise.all(bodies.map(send));
  const bad = results.flatMap((s, i) => (s >= 500 ? [`${s} for ${bodies[i].slice(0, 1500)}`] : []));
  const errors = h.logs.entries.filter((e) => e.level === 'error').map((e) => `${e.msg} ${JSON.stringify(e.data).slice(0, 800)}`);
  // What the test keeps for inspection must not grow with the run.
  h.connector.clear();
  h.logs.entries.length = 0;
  if (bad.length) throw new Error(`5xx answered:\n${bad.join('\n')}\nerrors logged:\n${errors.join('\n')}`);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

test(`${REQUESTS}+ random and mutated activities: no crash, no 5xx, no record from invalid input, flat memory`, async () => {
  console.log(`fuzz: seed ${SEED}; replay with ${replay} npx jest tests/protocol/fuzz.test.ts`);
  const started = Date.now();
  const batchOf = (a: fc.Arbitrary<() => string>) => fc.array(a, { minLength: CONCURRENCY, maxLength: CONCURRENCY });

  // Warm-up: JIT, connection pools, caches and lazily built routes settle first.
  await fc.assert(fc.asyncProperty(batchOf(anyCase), batchIsServed), { numRuns: WARM_UP_RUNS, seed: 1, endOnFailure: true });
  const heapBefore = heapUsed();

  // Anything goes: only "no 5xx, no crash, no pollution" is asserted.
  await fc.assert(fc.asyncProperty(batchOf(anyCase), batchIsServed), { numRuns: ANY_RUNS, seed: SEED, endOnFailure: true });

  // Invalid by construction: nothing may be saved.
  const before = { slips: await countRows('slips'), nominations: await countRows('nominations') };
  await fc.assert(
    fc.asyncProperty(batchOf(invalidCase), async (batch) => {
      await batchIsServed(batch);
      expect({ slips: await countRows('slips'), nominations: await countRows('nominations') }).toEqual(before);
    }),
    { numRuns: INVALID_RUNS, seed: (SEED + 1) | 0, endOnFailure: true },
  );
  await h.valued.bot.sender.idle();
  h.connector.clear();
  h.logs.entries.length = 0;
  const heapAfter = heapUsed();

  // Still serving a plain, valid request after all of it.
  expect(await send(JSON.stringify(message('help', { serviceUrl: h.serviceUrl, from: people.amara })))).toBe(200);

  const seconds = (Date.now() - started) / 1000;
  const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
  console.log(
    `fuzz (${replay}): ${sent} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}; heap ${mb(heapBefore)} MB → ${mb(heapAfter)} MB (gc ${gc ? 'yes' : 'no'})`,
  );
  expect(sent).toBeGreaterThanOrEqual(REQUESTS);
  expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
  expect(heapAfter - heapBefore).toBeLessThan((gc ? 20 : 60) * 2 ** 20);
});
