import { targets } from '../bench/targets';
import type { LoadRow, Results, Scale } from '../bench/report';
import type { Summary } from '../bench/load';

const sum = (p50: number): Summary => ({ count: 5, p50, p95: p50, p99: p50 * 2, max: p50 * 2, mean: p50 });
const fig = (p50: number, storagePerOp = 1) => ({ latency: sum(p50), storagePerOp, errors: 0 });
const row = (scenario: string, bot: string, latencyMs: number, throughput: number, storagePerOp: number, peakRssMb = 200): LoadRow => ({
  scenario,
  bot,
  concurrency: 8,
  latencyMs,
  ops: 100,
  errors: 0,
  throughput,
  latency: sum(latencyMs ? 70 : 40),
  storagePerOp,
  storageByKind: {},
  connectorPerOp: 1,
  connectorByKind: {},
  peakRssMb,
  botCpuMsPerOp: 1,
  azuriteCpuMsPerOp: 1,
});
const SLIP = 'send a slip (2 people)';
const COSIGN = '"Add my thanks"';
const scale = (k: number): Scale => ({
  first: fig(10),
  deep: fig(10),
  chat: fig(20 * k, 2),
  chatSmall: fig(20, 2),
  digest: fig(90 * k, 3),
  digestSmall: { pending: 'not built' },
  floorPage: fig(9),
  floorBox: fig(400),
});

function results(): Results {
  return {
    startedAt: '',
    totalSeconds: 480,
    phases: {},
    machine: {},
    settings: { storageLatencyMs: 10, noiseSlips: 1000, deepPage: 400 },
    load: [0, 10].flatMap((ms) => [
      row(SLIP, 'floor: echo', ms, 400, 0, 190),
      row(SLIP, 'floor: unavoidable I/O', ms, 100, 3),
      row(SLIP, 'Valued', ms, ms ? 40 : 60, 8),
      row(COSIGN, 'floor: unavoidable I/O', ms, 100, 2),
      row(COSIGN, 'Valued', ms, 90, 3),
    ]),
    scale: { withoutNoise: scale(1), withNoise: scale(1), withLatency: scale(2) },
    roundTrips: [0, 10].map((latencyMs) => ({
      scenario: SLIP,
      bot: 'Valued',
      latencyMs,
      samples: 15,
      errors: 0,
      chain: { ...sum(4), max: latencyMs ? 5 : 4 },
      requests: sum(6),
      latency: sum(50),
    })),
    idleRssMb: {},
    coldStart: { samplesMs: [], latency: { ...sum(0), count: 0 } },
    valuedRssAtEndMb: 0,
    targets: [],
  };
}

const find = (rows: ReturnType<typeof targets>, start: string, latencyMs: number) => {
  const found = rows.find((t) => t.target.startsWith(start) && t.latencyMs === latencyMs);
  if (!found) throw new Error(`no target "${start}" at ${latencyMs} ms`);
  return found;
};

describe('the bench’s targets (issue 14)', () => {
  const rows = targets(results());

  it('judges each pass against its own floor, with and without the injected latency', () => {
    expect(find(rows, 'slip throughput ÷', 0)).toMatchObject({ measured: '0.6', met: true });
    expect(find(rows, 'slip throughput ÷', 10)).toMatchObject({ measured: '0.4', met: false });
    expect(find(rows, 'storage requests per slip', 0).met).toBe(true);
    expect(find(rows, 'storage requests per "Add my thanks"', 10).met).toBe(true);
    expect(find(rows, '"Add my thanks" throughput', 0)).toMatchObject({ measured: '0.9', met: true });
  });

  it('sets the p50 and round-trip targets with latency, on the most round trips seen', () => {
    expect(find(rows, 'slip p50', 10)).toMatchObject({ measured: '70 ms', met: true });
    expect(rows.some((t) => t.target.startsWith('slip p50') && t.latencyMs === 0)).toBe(false);
    expect(find(rows, 'slip: sequential storage round trips', 0)).toMatchObject({ measured: '4', met: true });
    expect(find(rows, 'slip: sequential storage round trips', 10)).toMatchObject({ measured: '5', met: false });
  });

  it('compares peak memory with the echo floor’s under the same load', () => {
    expect(find(rows, 'peak RSS', 0)).toMatchObject({ measured: '1.05', met: true });
  });

  it('gives the cards’ growth from the small size to the large, and says when one was not measured', () => {
    expect(find(rows, 'history card growth', 0)).toMatchObject({ measured: '1×', met: true });
    expect(find(rows, 'history card growth', 10)).toMatchObject({ measured: '2×', met: false });
    expect(find(rows, 'digest card, 10,000', 0)).toMatchObject({ measured: '90 ms', met: true });
    expect(find(rows, 'digest card growth', 0)).toMatchObject({ measured: 'not measured', met: false });
    expect(find(rows, 'whole run', 0)).toMatchObject({ measured: '8 min', met: true });
  });
});
