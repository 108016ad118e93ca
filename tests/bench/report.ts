// The bench's table, printed for people; bench-results.json keeps every figure.
import type { Summary } from './load';
import type { RosterFigure, ScaleFigure } from './run';
import type { ProfileSummary } from './profile-summary';

export interface LoadRow {
  scenario: string;
  bot: string;
  concurrency: number;
  /** The injected storage latency of the pass, ms per request (0: none). */
  latencyMs: number;
  ops: number;
  errors: number;
  firstError?: string;
  throughput: number;
  latency: Summary;
  storagePerOp: number;
  storageByKind: Record<string, number>;
  connectorPerOp: number;
  connectorByKind: Record<string, number>;
  peakRssMb: number;
  /** CPU the bot's process used per operation (background work included). */
  botCpuMsPerOp: number;
  /** CPU Azurite used per operation. */
  azuriteCpuMsPerOp: number;
  /** Throughput ÷ the unavoidable-I/O floor's, and ÷ the echo floor's, same scenario and concurrency. */
  throughputVsIoFloor?: number;
  throughputVsEcho?: number;
}

/** Operations one at a time: the storage requests each made before its answer, and the longest chain of them. */
export interface RoundTripRow {
  scenario: string;
  bot: string;
  latencyMs: number;
  samples: number;
  errors: number;
  /** Sequential round trips on the critical path (see critical-path.ts). */
  chain: Summary;
  /** Storage requests made, all told, between the activity arriving and the answer. */
  requests: Summary;
  /** The bot's own time from the activity arriving to the answer going back. */
  latency: Summary;
}

export interface TargetRow {
  group: 'issue 14' | 'earlier';
  target: string;
  /** The storage latency the figure was measured with. */
  latencyMs: number;
  measured: string;
  limit: string;
  met: boolean;
  note?: string;
}

export type Scale = {
  first: ScaleFigure;
  deep: ScaleFigure;
  chat: ScaleFigure;
  chatSmall: ScaleFigure;
  digest: ScaleFigure | { pending: string };
  digestSmall: ScaleFigure | { pending: string };
  floorPage: ScaleFigure;
  floorBox: ScaleFigure;
};

export interface Results {
  startedAt: string;
  totalSeconds: number;
  phases: Record<string, number>;
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  load: LoadRow[];
  scale?: { withoutNoise: Scale; withNoise: Scale; withLatency?: Scale };
  roundTrips: RoundTripRow[];
  /** Each bot's RSS after start, before any load. */
  idleRssMb: Record<string, number>;
  coldStart: { samplesMs: number[]; latency: Summary };
  roster?: RosterFigure;
  valuedRssAtEndMb: number;
  targets: TargetRow[];
  profile?: ProfileSummary[];
}

/** A plain-text table; the columns in `left` are aligned left (words), the others right (figures). */
function table(headers: string[], rows: string[][], left = [0, 1]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fmt = (v: number | undefined, d = 1) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(d));

export function printReport(r: Results): void {
  const m = r.machine;
  console.log(
    `\nMachine: ${m.cores} cores (${m.cpuModel}), ${m.totalMemoryGb} GB, Node ${m.node}, Azurite ${m.azurite}, ${m.os}; load average at start ${(m.loadAverageAtStart as number[]).join(' / ')}\n`,
  );
  const floorOf = (row: LoadRow) =>
    r.load.find(
      (x) =>
        x.scenario === row.scenario &&
        x.concurrency === row.concurrency &&
        x.latencyMs === row.latencyMs &&
        x.bot === 'floor: unavoidable I/O',
    );
  const loadRows = r.load.map((x) => {
    const floor = floorOf(x);
    return [
      x.scenario,
      x.bot,
      String(x.concurrency),
      String(x.latencyMs),
      fmt(x.throughput),
      fmt(x.latency.p50),
      fmt(x.latency.p95),
      fmt(x.latency.p99),
      fmt(x.storagePerOp, 2),
      fmt(x.connectorPerOp, 2),
      fmt(x.botCpuMsPerOp),
      fmt(x.azuriteCpuMsPerOp),
      fmt(x.peakRssMb, 0),
      floor && x.bot !== floor.bot ? (x.throughput / floor.throughput).toFixed(2) : '',
      x.errors ? String(x.errors) : '',
    ];
  });
  console.log(
    table(
      [
        'scenario',
        'bot',
        'at once',
        'latency ms',
        'ops/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'storage/op',
        'Teams calls/op',
        'bot CPU ms/op',
        'Azurite CPU ms/op',
        'RSS MB',
        '÷ I/O floor',
        'errors',
      ],
      loadRows,
    ),
  );

  console.log(
    `\nRSS after start, before load: ${Object.entries(r.idleRssMb)
      .map(([k, v]) => `${k} ${fmt(v, 0)} MB`)
      .join(', ')}`,
  );
  if (r.roundTrips.length) {
    console.log('\nround trips on the critical path (one at a time; storage requests between the activity arriving and the answer)');
    console.log(
      table(
        ['scenario', 'bot', 'latency ms', 'round trips p50', 'most', 'requests before answer p50', 'answer p50 ms', 'samples'],
        r.roundTrips.map((x) => [
          x.scenario,
          x.bot,
          String(x.latencyMs),
          fmt(x.chain.p50, 0),
          fmt(x.chain.max, 0),
          fmt(x.requests.p50, 0),
          fmt(x.latency.p50),
          `${x.samples}${x.errors ? ` (${x.errors} errors)` : ''}`,
        ]),
      ),
    );
  }
  if (r.scale) {
    printScale(r.scale);
    printCards(r.scale, Number(r.settings.storageLatencyMs ?? 0));
  }
  if (r.roster) {
    const ro = r.roster;
    console.log(
      `\nroster of a ${ro.members.toLocaleString('en-GB')}-member team (pages of 500 from the local connector): added to the team ${fmt(ro.firstRead.ms, 0)} ms with ${ro.firstRead.requests} storage requests; read again unchanged p50 ${fmt(ro.unchanged.latency.p50, 0)} ms with ${ro.unchanged.requests}`,
    );
  }
  if (r.coldStart.latency.count)
    console.log(
      `\ncold start (node dist/src/index.js → /healthz 200): median ${fmt(r.coldStart.latency.p50, 0)} ms, max ${fmt(r.coldStart.latency.max, 0)} ms over ${r.coldStart.latency.count} starts`,
    );
  console.log('');
  console.log(
    table(
      ['target', 'group', 'latency ms', 'measured', 'limit', 'met?', 'note'],
      r.targets.map((t) => [t.target, t.group, String(t.latencyMs), t.measured, t.limit, t.met ? 'met' : 'MISSED', t.note ?? '']),
      [0, 1, 5, 6],
    ),
  );
  for (const p of r.profile ?? []) {
    console.log(`\nValued CPU profile (${p.file}): ${fmt(p.totalMs, 0)} ms of CPU sampled`);
    console.log(
      table(
        ['where', 'self ms', 'share'],
        p.byPlace.slice(0, 12).map((x) => [x.place, fmt(x.selfMs, 0), `${fmt(x.share * 100)}%`]),
      ),
    );
    console.log('');
    console.log(
      table(
        ['function', 'self ms', 'share'],
        p.topFunctions.slice(0, 20).map((x) => [x.place, fmt(x.selfMs, 0), `${fmt(x.share * 100)}%`]),
      ),
    );
  }
  console.log(
    `\nphases (s): ${Object.entries(r.phases)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}

function printScale(scale: NonNullable<Results['scale']>): void {
  const { withoutNoise: q, withNoise: n } = scale;
  type Figure = ScaleFigure | { pending: string } | undefined;
  const scaleRow = (name: string, qf: Figure, nf: Figure, floor?: 'floorPage' | 'floorBox'): string[] => {
    if (!qf || !nf || !('latency' in qf) || !('latency' in nf)) return [name, 'not measured', '', '', '', '', '', '', '', ''];
    const overFloor = floor
      ? `${(qf.latency.p50 / q[floor].latency.p50).toFixed(2)} / ${(nf.latency.p50 / n[floor].latency.p50).toFixed(2)}`
      : '';
    return [
      name,
      fmt(qf.latency.p50),
      fmt(qf.latency.p95),
      fmt(nf.latency.p50),
      fmt(nf.latency.p95),
      (nf.latency.p50 / qf.latency.p50).toFixed(2),
      overFloor,
      `${fmt(qf.storagePerOp, 0)} / ${fmt(nf.storagePerOp, 0)}`,
      `${fmt(qf.botCpuMs)} / ${fmt(nf.botCpuMs)}`,
      `${fmt(qf.azuriteCpuMs)} / ${fmt(nf.azuriteCpuMs)}`,
    ];
  };
  console.log('');
  console.log(
    table(
      [
        'at scale (one at a time)',
        'p50 ms',
        'p95 ms',
        'noise p50',
        'noise p95',
        'noise ÷ none',
        '÷ floor (none / noise)',
        'storage/op',
        'bot CPU ms (none / noise)',
        'Azurite CPU ms (none / noise)',
      ],
      [
        scaleRow('floor: Azurite alone, a 10-row page', q.floorPage, n.floorPage),
        scaleRow('floor: Azurite alone, the whole box', q.floorBox, n.floorBox),
        scaleRow('history first page (tab API)', q.first, n.first, 'floorPage'),
        scaleRow(`history deep page (tab API)`, q.deep, n.deep, 'floorPage'),
        scaleRow('history chat card page, 5,000 slips', q.chat, n.chat),
        scaleRow('digest card, 10,000-slip box', q.digest, n.digest, 'floorBox'),
      ],
      [0],
    ),
  );
}

/** The two cards at their two sizes: does the cost grow with the data behind them? */
function printCards(scale: NonNullable<Results['scale']>, latencyMs: number): void {
  type Figure = ScaleFigure | { pending: string };
  const states: Array<[string, Scale | undefined]> = [
    ['no latency', scale.withoutNoise],
    [`${latencyMs} ms latency`, scale.withLatency],
    ['noise', scale.withNoise],
  ];
  const shown = states.filter(([, s]) => s);
  const cell = (f: Figure | undefined) => (f && 'latency' in f ? `${fmt(f.latency.p50)} (${fmt(f.storagePerOp, 0)} req)` : 'not measured');
  const ratio = (small: Figure | undefined, large: Figure | undefined) =>
    small && large && 'latency' in small && 'latency' in large ? `${(large.latency.p50 / small.latency.p50).toFixed(2)}×` : '-';
  console.log('\ncards at two sizes (p50 ms, storage requests; one at a time)');
  console.log(
    table(
      ['card', ...shown.map(([name]) => name)],
      [
        ['history card in chat, 500 slips', ...shown.map(([, s]) => cell(s!.chatSmall))],
        ['history card in chat, 5,000 slips', ...shown.map(([, s]) => cell(s!.chat))],
        ['  growth 500 → 5,000 (target ≤ 1.5×)', ...shown.map(([, s]) => ratio(s!.chatSmall, s!.chat))],
        ['digest card, 1,000-slip box', ...shown.map(([, s]) => cell(s!.digestSmall))],
        ['digest card, 10,000-slip box', ...shown.map(([, s]) => cell(s!.digest))],
        ['  growth 1,000 → 10,000 (target ≤ 1.5×)', ...shown.map(([, s]) => ratio(s!.digestSmall, s!.digest))],
      ],
      [0],
    ),
  );
}
