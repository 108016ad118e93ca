// `npm run bench`: Valued beside the floor of its own stack, and at scale, in one run.
// Starts Azurite, a local Teams connector, the two floor bots and Valued's production build
// (each its own process), drives them over HTTP as Teams does, prints a table and writes
// bench-results.json at the repository root. It measures and reports; it asserts nothing.
//
// Each storage request can be given an injected latency, as a network round trip to Azure would
// add (BENCH_STORAGE_LATENCY_MS, default 10; 0 skips the pass): the same pipeline policy in
// Valued (through the storage-policy hook of its composition root), in the I/O floor's clients
// and in the runner's own storage floors. The run measures without it, then again with it.
//
// Knobs (environment): BENCH_SECONDS (measured seconds per load step, default 6),
// BENCH_WARMUP_SECONDS (2), BENCH_NOISE_SLIPS (200000), BENCH_PHASES (a comma-separated subset
// of slips,cosign,cold,roster,scale; default all), BENCH_BOTS (a subset of echo,io,valued),
// BENCH_VALUED_NODE_FLAGS (Node flags for Valued's process only, to try memory settings),
// BENCH_PROFILE=1 (CPU profiles of Valued's measured windows at 8 at once and of the digest,
// written to .data/bench-profile/, with their hottest functions printed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { LocalConnector } from '../support/connector';
import { CHANNEL, TEAM, cardAction, composeExtension, crowd, installationUpdate, teamEvent, type TestPerson } from '../support/teams';
import { monthOf, previousMonth } from '../../src/domain/box';
import { keys } from '../../src/storage/table/keys';
import { BotChild, cpuMsOf, freePort, startAzurite, stopChild, type BenchAzurite } from './processes';
import { closedLoop, request, summarise, type Summary } from './load';
import { Seeder, guid } from './seed';
import { printReport, type LoadRow, type Results, type RoundTripRow, type Scale } from './report';
import { summariseProfile } from './profile-summary';
import { StorageLatency } from './storage-latency';
import { targets } from './targets';
import type { Trace } from './child-control';

// The repository (where bench-results.json goes), wherever the compiled bench sits under it.
const ROOT = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'valued') return dir;
  }
  return process.cwd();
})();
/** The compiled tree this bench runs from: dist/ for `npm run bench`. */
const DIST = path.resolve(__dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const NOISE = Number(process.env.BENCH_NOISE_SLIPS ?? 200_000);
const PROFILE = process.env.BENCH_PROFILE === '1';
/** Node flags for Valued's process only (to try memory settings), e.g. "--max-old-space-size=128". */
const VALUED_FLAGS = (process.env.BENCH_VALUED_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const PHASES = new Set((process.env.BENCH_PHASES ?? 'slips,cosign,cold,roster,scale').split(',').map((p) => p.trim()));
const BOTS = new Set((process.env.BENCH_BOTS ?? 'echo,io,valued').split(',').map((p) => p.trim()));
const CONCURRENCY = [1, 8, 32];
/** The injected storage latency of the second pass, in ms per request. */
const LATENCY = Number(process.env.BENCH_STORAGE_LATENCY_MS ?? 10);
/** With latency, only what the targets need: slips at 1 and 8 at once, "Add my thanks" at 8. */
const LATENCY_CONCURRENCY = [1, 8];
/** Operations traced one at a time for the round trips on the critical path. */
const ROUND_TRIP_SAMPLES = 15;
const HISTORY_SLIPS = 5000;
const HISTORY_SLIPS_SMALL = 500;
const DEEP_PAGE = 400;
const DIGEST_SLIPS = 10_000;
const DIGEST_SLIPS_SMALL = 1000;
const COLD_STARTS = 5;
const PAGE_SAMPLES = 60;
const DIGEST_RUNS = 3;

const ROSTER_MEMBERS = 1200;
const ROSTER_TEAM = { id: '19:bench-roster-team@thread.tacv2', name: 'Bench Roster Team', aadGroupId: guid(3, 7) };
const HISTORY_PERSON: TestPerson = { id: '29:bench-history-person', name: 'Bench Person', aadObjectId: guid(1, 7) };
const DIGEST_TEAM = { id: '19:bench-digest-team@thread.tacv2', name: 'Bench Digest Team' };
// The small sizes, to show whether a card's cost grows with the data behind it.
const SMALL_PERSON: TestPerson = { id: '29:bench-small-history-person', name: 'Bench Small Person', aadObjectId: guid(2, 7) };
const DIGEST_TEAM_SMALL = { id: '19:bench-digest-small-team@thread.tacv2', name: 'Bench Small Digest Team' };
// 64 people send and receive slips (each of the 32 concurrent senders has their own two);
// 24 others press "Add my thanks", so a press is never refused as the sender's or a recipient's.
const SENDERS = crowd(64, 1000);
const PRESSERS = crowd(24, 2000);

const log = (msg: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${msg}`);
const t0 = performance.now();
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

interface PostedCard {
  cardId: string;
  data: { slipId: string; teamId: string; month: string };
}

/** The connector, counting every call the bots make to it (what it records, plus member look-ups). */
function countingConnector(): { connector: LocalConnector; calls: () => Record<string, number>; resetCalls: () => void } {
  const connector = new LocalConnector();
  let calls: Record<string, number> = {};
  const inner = (connector as unknown as { handle: (req: any, res: any) => void }).handle.bind(connector);
  (connector as unknown as { handle: (req: any, res: any) => void }).handle = (req, res) => {
    const url = String(req.url ?? '');
    const kind = `${req.method} ${/members/.test(url) ? 'members' : /\/activities/.test(url) ? 'activity' : /\/v3\/teams\//.test(url) ? 'team' : 'conversation'}`;
    calls[kind] = (calls[kind] ?? 0) + 1;
    inner(req, res);
  };
  return { connector, calls: () => ({ ...calls }), resetCalls: () => (calls = {}) };
}

/** Cards with an "Add my thanks" button the connector has seen posted, by the bot's card id. */
function postedCards(connector: LocalConnector): PostedCard[] {
  const out: PostedCard[] = [];
  for (const r of connector.requests) {
    if (r.method !== 'POST' || !r.conversationId.startsWith(CHANNEL.id)) continue;
    for (const a of r.body?.attachments ?? []) {
      const action = (a.content?.actions ?? []).find((x: any) => x.verb === 'slip.cosign');
      if (action?.data?.slipId)
        out.push({ cardId: r.id, data: { slipId: action.data.slipId, teamId: action.data.teamId, month: action.data.month } });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const started = new Date();
  const machine = {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryGb: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    azurite: '',
    loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
  };
  // What the bots log, for when something goes wrong: kept until the next run.
  const logDir = path.join(ROOT, '.data', 'bench-logs');
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const profileDir = path.join(ROOT, '.data', 'bench-profile');

  log('starting Azurite and the local Teams connector');
  const azurite: BenchAzurite = await startAzurite();
  machine.azurite = azurite.version;
  azuritePid = azurite.pid;
  const { connector, calls, resetCalls } = countingConnector();
  await connector.start();
  connector.members = [...SENDERS, ...PRESSERS].map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }));

  log('starting the floors and Valued (dist/)');
  const valuedEnv = {
    LOCAL_MODE: 'true',
    HOST: '127.0.0.1',
    PORT: '0',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: 'valued',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    // The bench sends far more than a person would in an hour; the limit is still checked and counted.
    SLIP_RATE_LIMIT_PER_HOUR: '1000',
    DEV_USER_ID: HISTORY_PERSON.aadObjectId,
    DEV_USER_NAME: HISTORY_PERSON.name,
  };
  if (PROFILE) {
    fs.rmSync(profileDir, { recursive: true, force: true });
    fs.mkdirSync(profileDir, { recursive: true });
  }
  const [echo, io, valued] = await Promise.all([
    BotChild.start('floor: echo', path.join(__dirname, 'floor-child.js'), ['echo'], { PORT: '0' }, path.join(logDir, 'floor-echo.log')),
    BotChild.start(
      'floor: unavoidable I/O',
      path.join(__dirname, 'floor-child.js'),
      ['io'],
      { PORT: '0', STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'floor' },
      path.join(logDir, 'floor-io.log'),
    ),
    BotChild.start('Valued', path.join(__dirname, 'valued-child.js'), [], valuedEnv, path.join(logDir, 'valued.log'), VALUED_FLAGS),
  ]);
  const bots = [echo, io, valued].filter((b) => BOTS.has(b === echo ? 'echo' : b === io ? 'io' : 'valued'));
  // The runner's own storage floors (straight SDK reads) get the same injected latency.
  const floorLatency = new StorageLatency();
  let latencyMs = 0;
  const setLatency = async (ms: number) => {
    latencyMs = ms;
    floorLatency.ms = ms;
    await Promise.all([echo, io, valued].map((b) => b.call('latency', { ms })));
  };
  const idleRssMb = Object.fromEntries(
    await Promise.all([echo, io, valued].map(async (b) => [b.name, (await b.call('snapshot')).rssMb] as const)),
  );
  const serviceUrl = connector.url;

  // Everyone has Valued in a personal chat, so each recipient can be notified.
  for (const p of [...SENDERS, ...PRESSERS, HISTORY_PERSON, SMALL_PERSON]) {
    const r = await request('POST', `${valued.url}/api/messages`, installationUpdate({ serviceUrl, from: p }));
    if (r.status !== 200) throw new Error(`installing for ${p.name}: ${r.status}`);
  }

  // One real preview from Valued: every bot is sent the same activity Teams would send on "Send".
  const form = {
    draftId: 'bench-template',
    recipients: `${SENDERS[1].aadObjectId},${SENDERS[2].aadObjectId}`,
    message: 'Thank you both for covering the 2pm clinic at short notice',
    values: 'Team player',
    visibility: 'team',
    teamId: TEAM.id,
  };
  const previewReply = await request(
    'POST',
    `${valued.url}/api/messages`,
    composeExtension.submitAction('sendThanks', form, { serviceUrl, where: 'channel', from: SENDERS[0] }),
  );
  const template = previewReply.body?.composeExtension?.activityPreview;
  if (!template?.attachments?.[0]?.content?.actions?.[0]?.data)
    throw new Error(`no preview from Valued: ${JSON.stringify(previewReply.body).slice(0, 300)}`);

  let seq = 0;
  const sendOp =
    (bot: BotChild, concurrency: number) =>
    async (person: number): Promise<string | undefined> => {
      const n = ++seq;
      // Each of the concurrent people has their own senders; they thank two colleagues.
      const senderIndex = (person + concurrency * (n % 2)) % SENDERS.length;
      const sender = SENDERS[senderIndex];
      const recipients = [SENDERS[(senderIndex + 1 + (n % 7)) % SENDERS.length], SENDERS[(senderIndex + 9 + (n % 13)) % SENDERS.length]];
      const preview = JSON.parse(JSON.stringify(template));
      preview.attachments[0].content.actions[0].data = {
        ...template.attachments[0].content.actions[0].data,
        draftId: `bench-${n}-${Math.random().toString(36).slice(2, 10)}`,
        recipients: recipients.map((r) => r.aadObjectId).join(','),
        message: `Thank you both for covering the 2pm clinic at short notice (${n})`,
      };
      const activity = composeExtension.submitAction(
        'sendThanks',
        {},
        { serviceUrl, where: 'channel', from: sender, botMessagePreviewAction: 'send', botActivityPreview: [preview] },
      );
      const r = await request('POST', `${bot.url}/api/messages`, activity);
      return r.status === 200 ? undefined : `status ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`;
    };

  const cards = new Map<BotChild, PostedCard[]>(bots.map((b) => [b, []]));
  const presses = new Map<BotChild, number>(bots.map((b) => [b, 0]));
  const pressed = new Map<BotChild, Set<string>>(bots.map((b) => [b, new Set()]));

  const cosignOp = (bot: BotChild) => async (): Promise<string | undefined> => {
    const list = cards.get(bot)!;
    const done = pressed.get(bot)!;
    // Round the slips first, so people pressing at the same moment press different slips. The
    // list grows as later passes post more slips, so a pair already pressed is skipped: a
    // second press by the same person is (rightly) refused, and would measure the refusal.
    let k = presses.get(bot)!;
    while (done.has(`${k % list.length}|${Math.floor(k / list.length) % PRESSERS.length}`)) k++;
    presses.set(bot, k + 1);
    done.add(`${k % list.length}|${Math.floor(k / list.length) % PRESSERS.length}`);
    const card = list[k % list.length];
    const presser = PRESSERS[Math.floor(k / list.length) % PRESSERS.length];
    const activity = cardAction('slip.cosign', card.data, { serviceUrl, where: 'channel', from: presser, replyToId: card.cardId });
    // Each slip is its own post in the channel: a press comes from that post's thread.
    activity.conversation = { ...activity.conversation, id: `${CHANNEL.id};messageid=${card.cardId}` };
    const r = await request('POST', `${bot.url}/api/messages`, activity);
    if (r.status !== 200) return `status ${r.status}`;
    return r.body?.type === 'application/vnd.microsoft.card.adaptive'
      ? undefined
      : `answered ${JSON.stringify(r.body?.value ?? r.body).slice(0, 160)}`;
  };

  const rows: LoadRow[] = [];
  /** Warm up, then a measured window; storage and connector calls counted once background sends finish. */
  async function measure(
    scenario: string,
    bot: BotChild,
    concurrency: number,
    op: (person: number) => Promise<string | undefined>,
  ): Promise<LoadRow> {
    await closedLoop(concurrency, WARMUP * 1000, op);
    await bot.call('idle');
    resetCalls();
    await bot.call('reset');
    const azuriteBefore = azuriteCpu();
    const profiled =
      PROFILE && bot === valued && concurrency === 8
        ? path.join(profileDir, `${scenario.replace(/\W+/g, '-').replace(/^-|-$/g, '')}-8.cpuprofile`)
        : undefined;
    if (profiled) await bot.call('profileStart');
    const loop = await closedLoop(concurrency, SECONDS * 1000, op);
    const after = await bot.call('idle');
    if (profiled) await bot.call('profileStop', { file: profiled });
    const ops = loop.latencies.length;
    const outgoing = calls();
    const row: LoadRow = {
      scenario,
      bot: bot.name,
      concurrency,
      latencyMs,
      ops,
      errors: loop.errors,
      firstError: loop.firstError,
      throughput: round((ops / loop.elapsedMs) * 1000),
      latency: summarise(loop.latencies),
      storagePerOp: round(after.storage.requests / ops, 2),
      storageByKind: Object.fromEntries(Object.entries(after.storage.byKind).map(([k, v]) => [k, round(v / ops, 2)])),
      connectorPerOp: round(Object.values(outgoing).reduce((a, b) => a + b, 0) / ops, 2),
      connectorByKind: Object.fromEntries(Object.entries(outgoing).map(([k, v]) => [k, round(v / ops, 2)])),
      peakRssMb: after.peakRssMb,
      botCpuMsPerOp: round(after.cpuMs / ops),
      azuriteCpuMsPerOp: round((azuriteCpu() - azuriteBefore) / ops),
    };
    log(
      `${scenario} · ${bot.name} · ${concurrency} at once${latencyMs ? ` · ${latencyMs} ms storage latency` : ''}: ${row.throughput} ops/s, p50 ${row.latency.p50} ms, p99 ${row.latency.p99} ms, ${row.storagePerOp} storage/op${row.errors ? `, ${row.errors} errors (${row.firstError})` : ''}`,
    );
    rows.push(row);
    return row;
  }

  const phase: Record<string, number> = {};
  let mark = performance.now();
  const endPhase = (name: string) => {
    phase[name] = round((performance.now() - mark) / 1000);
    mark = performance.now();
  };
  endPhase('start');

  const SLIP = 'send a slip (2 people)';
  const COSIGN = '"Add my thanks"';
  // Slips: every concurrency, the three bots in turn (so drift on a shared machine hits all three).
  // "Add my thanks" presses the cards the slips posted, so it needs the slips phase.
  const loadPass = async (slipConcurrency: number[], cosignConcurrency: number[]) => {
    for (const c of PHASES.has('slips') || PHASES.has('cosign') ? slipConcurrency : []) {
      for (const bot of bots) {
        await measure(SLIP, bot, c, sendOp(bot, c));
        // What each bot posted becomes the slips to add thanks to.
        cards.get(bot)!.push(...postedCards(connector));
        connector.clear();
      }
    }
    for (const c of PHASES.has('cosign') ? cosignConcurrency : []) {
      for (const bot of bots) {
        if (cards.get(bot)!.length === 0) throw new Error(`${bot.name} posted no slip cards`);
        await measure(COSIGN, bot, c, cosignOp(bot));
        connector.clear();
      }
    }
  };

  const roundTrips: RoundTripRow[] = [];
  /** One operation at a time, each after the last one's background work: its storage requests before the answer. */
  async function traceRoundTrips(scenario: string, bot: BotChild, op: () => Promise<string | undefined>): Promise<void> {
    for (let i = 0; i < 2; i++) await op();
    const traces: Trace[] = [];
    let errors = 0;
    for (let i = 0; i < ROUND_TRIP_SAMPLES; i++) {
      await bot.call('idle');
      await bot.call('reset');
      if (await op()) errors++;
      const trace = await bot.call<Trace | undefined>('trace');
      if (trace) traces.push(trace);
    }
    await bot.call('idle');
    cards.get(bot)!.push(...postedCards(connector));
    connector.clear();
    const row: RoundTripRow = {
      scenario,
      bot: bot.name,
      latencyMs,
      samples: traces.length,
      errors,
      chain: summarise(traces.map((t) => t.chain)),
      requests: summarise(traces.map((t) => t.requests)),
      latency: summarise(traces.map((t) => t.ms)),
    };
    log(
      `round trips · ${scenario} · ${bot.name}${latencyMs ? ` · ${latencyMs} ms storage latency` : ''}: ${row.chain.p50} on the critical path (at most ${row.chain.max}) of ${row.requests.p50} requests before the answer, p50 ${row.latency.p50} ms`,
    );
    roundTrips.push(row);
  }
  const roundTripPass = async () => {
    if (!PHASES.has('slips') && !PHASES.has('cosign')) return;
    for (const bot of bots.filter((b) => b !== echo)) {
      await traceRoundTrips(SLIP, bot, () => sendOp(bot, 1)(0));
      if (PHASES.has('cosign')) await traceRoundTrips(COSIGN, bot, cosignOp(bot));
    }
  };

  await loadPass(CONCURRENCY, CONCURRENCY);
  endPhase('slips and "Add my thanks"');
  await roundTripPass();
  endPhase('round trips');
  if (LATENCY > 0) {
    await setLatency(LATENCY);
    await loadPass(LATENCY_CONCURRENCY, [8]);
    await roundTripPass();
    await setLatency(0);
    endPhase(`with ${LATENCY} ms storage latency`);
  }

  // Cold start: the real entry point, as a deployment runs it, against the same Azurite.
  const coldStarts: number[] = [];
  if (PHASES.has('cold')) log('cold start: node dist/src/index.js to /healthz 200');
  for (let i = 0; i < (PHASES.has('cold') ? COLD_STARTS : 0); i++)
    coldStarts.push(await coldStart(azurite.connectionString, path.join(logDir, 'cold-start.log')));
  endPhase('cold start');

  // History and the digest, before and after the noise.
  // A 1,200-member team's roster: Valued added to the team (three pages of 500 from Teams), then
  // read again with nothing changed, as the daily reconciliation does.
  let roster: RosterFigure | undefined;
  if (PHASES.has('roster')) {
    connector.teamMembers[ROSTER_TEAM.id] = crowd(ROSTER_MEMBERS, 5000).map((p) => ({
      id: p.id,
      name: p.name,
      aadObjectId: p.aadObjectId,
    }));
    const added = teamEvent.botAdded({ serviceUrl, from: SENDERS[0] });
    added.channelData = { ...added.channelData, team: ROSTER_TEAM };
    added.conversation = { ...added.conversation, id: ROSTER_TEAM.id };
    const r = await request('POST', `${valued.url}/api/messages`, added);
    if (r.status !== 200) throw new Error(`adding Valued to the roster team: ${r.status}`);
    // The install's own read runs in the background: let it finish first.
    await valued.call('idle');
    const samples = await valued.call<Array<{ ms: number; requests: number; outcome: string; members: number }>>('roster', {
      teamId: ROSTER_TEAM.id,
      runs: 4,
    });
    roster = {
      members: ROSTER_MEMBERS,
      firstRead: samples[0],
      unchanged: { latency: summarise(samples.slice(1).map((x) => x.ms)), requests: samples[1].requests },
      outcomes: samples.map((x) => `${x.outcome} (${x.members})`),
    };
    log(
      `roster of ${ROSTER_MEMBERS}: first read ${round(samples[0].ms, 0)} ms with ${samples[0].requests} storage requests; unchanged p50 ${roster.unchanged.latency.p50} ms with ${samples[1].requests}`,
    );
    endPhase('roster');
  }

  const scaleRun = async () => {
    log(`seeding people with ${HISTORY_SLIPS_SMALL} and ${HISTORY_SLIPS} slips, and boxes with ${DIGEST_SLIPS_SMALL} and ${DIGEST_SLIPS}`);
    const seeder = new Seeder(azurite.connectionString, 'valued', [floorLatency.policy]);
    const digestMonth = previousMonth(monthOf(new Date()));
    await seeder.personHistory(HISTORY_PERSON.aadObjectId, HISTORY_SLIPS);
    await seeder.personHistory(SMALL_PERSON.aadObjectId, HISTORY_SLIPS_SMALL);
    await seeder.box(DIGEST_TEAM.id, DIGEST_TEAM.name, digestMonth, DIGEST_SLIPS);
    await seeder.box(DIGEST_TEAM_SMALL.id, DIGEST_TEAM_SMALL.name, digestMonth, DIGEST_SLIPS_SMALL);
    endPhase('seed history and boxes');

    // The deep page's token is found once by paging down; a continuation token stays valid.
    let deepToken = '';
    {
      let token = '';
      for (let page = 1; page < DEEP_PAGE; page++) {
        const r = await request('GET', `${valued.url}/api/me/slips${token ? `?token=${encodeURIComponent(token)}` : ''}`);
        token = r.body?.continuationToken;
        if (!token) throw new Error(`history ran out at page ${page}`);
      }
      deepToken = token;
    }

    /** The digest card of a box, built in Valued's process (the first run unmeasured). */
    const digestFigure = async (teamId: string, profile: boolean): Promise<ScaleFigure | { pending: string }> => {
      try {
        const azuriteBefore = azuriteCpu();
        if (profile) await valued.call('profileStart');
        const samples = await valued.call<Array<{ ms: number; requests: number; cpuMs: number; slips: number }>>('digest', {
          teamId,
          month: digestMonth,
          runs: DIGEST_RUNS + 1,
        });
        if (profile) await valued.call('profileStop', { file: path.join(profileDir, 'digest.cpuprofile') });
        const measured = samples.slice(1);
        return {
          latency: summarise(measured.map((s) => s.ms)),
          storagePerOp: round(measured[0].requests, 2),
          botCpuMs: round(median(measured.map((s) => s.cpuMs))),
          azuriteCpuMs: round((azuriteCpu() - azuriteBefore) / samples.length),
          slipsRead: measured[0].slips,
          errors: 0,
        };
      } catch (e) {
        return { pending: (e as Error).message };
      }
    };

    // Without noise, then with the injected storage latency (if any), then with the noise.
    const scale = async (state: 'quiet' | 'latency' | 'noise'): Promise<Scale> => {
      const label = state === 'quiet' ? 'without noise' : state === 'noise' ? 'with noise' : `with ${latencyMs} ms storage latency`;
      const pageOp = (token: string) => async () => {
        const r = await request('GET', `${valued.url}/api/me/slips${token ? `?token=${encodeURIComponent(token)}` : ''}`);
        return r.status === 200 && r.body?.items?.length === 10 ? undefined : `status ${r.status}, ${r.body?.items?.length} items`;
      };
      const chatPageOp = (from: TestPerson) => async () => {
        const r = await request(
          'POST',
          `${valued.url}/api/messages`,
          cardAction('history.page', { token: '', previous: '' }, { serviceUrl, where: 'personal', from }),
        );
        return r.status === 200 && r.body?.type === 'application/vnd.microsoft.card.adaptive' ? undefined : `status ${r.status}`;
      };
      // Floors: the same storage reads sent straight from here with the SDK, no bot in between.
      const historyClient = seeder.store.table('history');
      const slipsClient = seeder.store.table('slips');
      const personPk = keys.person(HISTORY_PERSON.aadObjectId);
      const pageQuery = async () => {
        const page = await historyClient
          .listEntities({ queryOptions: { filter: `PartitionKey eq '${personPk}' and RowKey ge 'slip|' and RowKey lt 'slip}'` } })
          .byPage({ maxPageSize: 10 })
          .next();
        return page.value?.length === 10 ? undefined : 'short page';
      };
      const boxRead = async () => {
        let n = 0;
        for await (const page of slipsClient
          .listEntities({ queryOptions: { filter: `PartitionKey eq '${keys.box(DIGEST_TEAM.id, digestMonth)}'` } })
          .byPage({ maxPageSize: 1000 }))
          n += page.length;
        return n === DIGEST_SLIPS ? undefined : `read ${n} slips`;
      };
      const floorPage = await sequential(undefined, PAGE_SAMPLES, pageQuery);
      const floorBox = await sequential(undefined, DIGEST_RUNS, boxRead);
      const first = await sequential(valued, PAGE_SAMPLES, pageOp(''));
      const deep = await sequential(valued, PAGE_SAMPLES, pageOp(deepToken));
      const chat = await sequential(valued, 6, chatPageOp(HISTORY_PERSON));
      const chatSmall = await sequential(valued, 6, chatPageOp(SMALL_PERSON));
      const digest = await digestFigure(DIGEST_TEAM.id, PROFILE && state === 'quiet');
      const digestSmall = await digestFigure(DIGEST_TEAM_SMALL.id, false);
      const p50 = (f: ScaleFigure | { pending: string }) => ('latency' in f ? `p50 ${f.latency.p50} ms` : f.pending);
      log(`${label}: Azurite alone: a 10-row page p50 ${floorPage.latency.p50} ms, the whole box p50 ${floorBox.latency.p50} ms`);
      log(
        `${label}: first page p50 ${first.latency.p50} ms, page ${DEEP_PAGE} p50 ${deep.latency.p50} ms, chat card ${p50(chatSmall)} → ${p50(chat)}, digest ${p50(digestSmall)} → ${p50(digest)}`,
      );
      return { first, deep, chat, chatSmall, digest, digestSmall, floorPage, floorBox };
    };
    const quiet = await scale('quiet');
    endPhase('history and digest (no noise)');
    let latent: Scale | undefined;
    if (LATENCY > 0) {
      await setLatency(LATENCY);
      latent = await scale('latency');
      await setLatency(0);
      endPhase(`history and digest (${LATENCY} ms storage latency)`);
    }

    log(
      `seeding ${NOISE.toLocaleString('en-GB')} unrelated slips in other boxes, and as many history entries in other people's partitions`,
    );
    const seedStart = performance.now();
    await seeder.noise(NOISE, (n) => log(`  noise: ${n.toLocaleString('en-GB')} rows`));
    const noiseSeconds = round((performance.now() - seedStart) / 1000);
    endPhase('seed noise');
    const noisy = await scale('noise');
    endPhase('history and digest (noise)');
    return { quiet, noisy, latent, noiseSeconds };
  };
  const scaled = PHASES.has('scale') ? await scaleRun() : undefined;

  const finalRss = await valued.call('snapshot');
  await Promise.all([echo.stop(), io.stop(), valued.stop()]);
  await connector.stop();
  await azurite.stop();
  const profile = PROFILE ? fs.readdirSync(profileDir).map((f) => summariseProfile(path.join(profileDir, f), ROOT)!) : undefined;

  const results: Results = {
    startedAt: started.toISOString(),
    totalSeconds: round((performance.now() - t0) / 1000),
    phases: phase,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((v) => round(v, 2)) },
    settings: {
      measuredSecondsPerStep: SECONDS,
      warmupSeconds: WARMUP,
      concurrency: CONCURRENCY,
      storageLatencyMs: LATENCY,
      historySlips: [HISTORY_SLIPS_SMALL, HISTORY_SLIPS],
      deepPage: DEEP_PAGE,
      digestSlips: [DIGEST_SLIPS_SMALL, DIGEST_SLIPS],
      noiseSlips: NOISE,
      noiseSeedSeconds: scaled?.noiseSeconds,
      people: { senders: SENDERS.length, pressers: PRESSERS.length },
    },
    load: rows,
    scale: scaled && { withoutNoise: scaled.quiet, withNoise: scaled.noisy, withLatency: scaled.latent },
    roundTrips,
    idleRssMb,
    coldStart: { samplesMs: coldStarts.map((v) => round(v)), latency: summarise(coldStarts) },
    roster,
    valuedRssAtEndMb: finalRss.rssMb,
    targets: [],
    profile,
  };
  // Each row against the floors of the same scenario, concurrency and storage latency.
  for (const row of rows) {
    const same = (bot: string) =>
      rows.find((x) => x.scenario === row.scenario && x.concurrency === row.concurrency && x.latencyMs === row.latencyMs && x.bot === bot);
    const io = same('floor: unavoidable I/O');
    const echoRow = same('floor: echo');
    if (io) row.throughputVsIoFloor = round(row.throughput / io.throughput, 3);
    if (echoRow) row.throughputVsEcho = round(row.throughput / echoRow.throughput, 3);
  }
  results.targets = targets(results);
  fs.writeFileSync(path.join(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  log(`done in ${results.totalSeconds} s; every figure is in bench-results.json`);
}

export interface RosterFigure {
  members: number;
  /** Valued just added: every member written. */
  firstRead: { ms: number; requests: number };
  /** Read again with nothing changed (the daily reconciliation). */
  unchanged: { latency: Summary; requests: number };
  outcomes: string[];
}

export interface ScaleFigure {
  latency: Summary;
  storagePerOp: number;
  /** Median CPU time the bot's process used per operation (for a floor: the SDK client's). */
  botCpuMs?: number;
  /** Azurite's CPU time per operation (all of it, over the whole series). */
  azuriteCpuMs?: number;
  slipsRead?: number;
  errors: number;
}

const median = (xs: number[]) => summarise(xs).p50;

let azuritePid = 0;
const azuriteCpu = () => cpuMsOf(azuritePid) ?? NaN;

/** One request after another (after a few unmeasured), with the bot's storage requests and CPU per request. */
async function sequential(bot: BotChild | undefined, count: number, op: () => Promise<string | undefined>): Promise<ScaleFigure> {
  for (let i = 0; i < 3; i++) await op();
  const latencies: number[] = [];
  const requests: number[] = [];
  const cpu: number[] = [];
  let errors = 0;
  const azuriteBefore = azuriteCpu();
  for (let i = 0; i < count; i++) {
    await bot?.call('reset');
    const t = performance.now();
    // A floor has no bot: the CPU of its storage client (this process) stands in for the bot's.
    const ownCpu = process.cpuUsage();
    const problem = await op();
    latencies.push(performance.now() - t);
    const used = process.cpuUsage(ownCpu);
    const s = await bot?.call('snapshot');
    if (problem) errors++;
    requests.push(s?.storage.requests ?? 1);
    cpu.push(s ? s.cpuMs : (used.user + used.system) / 1000);
  }
  return {
    latency: summarise(latencies),
    storagePerOp: round(requests.reduce((a, b) => a + b, 0) / count, 2),
    botCpuMs: round(median(cpu)),
    azuriteCpuMs: round((azuriteCpu() - azuriteBefore) / count),
    errors,
  };
}

async function coldStart(connectionString: string, logFile: string): Promise<number> {
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const t = performance.now();
  const child = spawn(process.execPath, [path.join(DIST, 'src', 'index.js')], {
    env: {
      ...process.env,
      LOCAL_MODE: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: 'valued',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', out, out],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`dist/src/index.js exited (${child.exitCode}); see ${logFile}`);
      if (performance.now() - t > 30_000) throw new Error('no /healthz 200 within 30 s');
      const ok = await request('GET', `http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - t;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    await stopChild(child);
  }
}

main().catch((e) => {
  console.error('bench failed:', (e as Error).stack ?? e);
  process.exit(1);
});
