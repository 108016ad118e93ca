// Valued under test: the production composition (dist/src/app.js's startValued) with two
// additions from outside, through the storage-policy hook the composition root already takes:
// a pipeline policy that counts (and times) storage requests, and one that injects a storage
// latency the runner sets. Configured by the environment exactly as index.ts is; controlled by
// the runner over IPC.
import { performance } from 'node:perf_hooks';
import { readEnvOptions } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startValued } from '../../src/app';
import { DigestService } from '../../src/services/digest-service';
import { digestCard } from '../../src/cards/digest-card';
import { StorageCounter } from './storage-counter';
import { StorageLatency } from './storage-latency';
import { serveControl } from './child-control';

async function main(): Promise<void> {
  const config = readEnvOptions(process.env);
  const counter = new StorageCounter(config.storage.tablePrefix);
  const latency = new StorageLatency();
  // The counter first, so the time it records for a request includes the injected latency.
  const valued = await startValued(config, { logger: createLogger(config.log), storagePolicies: [counter.policy, latency.policy] });
  const digests = new DigestService(valued.repos, config.timeZone);
  serveControl({ counter, latency }, () => valued.bot.sender.idle(), {
    /**
     * Builds a box's digest card (the digest and its card, as a lead's "digest" gets it, without
     * the access check) `runs` times in a row; each run's time, storage requests and CPU.
     */
    digest: async ({ teamId, month, runs }: { teamId: string; month: string; runs: number }) => {
      const samples: Array<{ ms: number; requests: number; cpuMs: number; slips: number }> = [];
      for (let i = 0; i < runs; i++) {
        counter.reset();
        const cpu = process.cpuUsage();
        const started = performance.now();
        const built = await digests.card(teamId, month);
        const card = digestCard({ digest: built });
        if (!card.content) throw new Error('the digest card came back empty');
        const digest = built as unknown as Record<string, unknown>;
        const ms = performance.now() - started;
        const used = process.cpuUsage(cpu);
        samples.push({ ms, requests: counter.snapshot().requests, cpuMs: (used.user + used.system) / 1000, slips: slipCount(digest) });
      }
      return samples;
    },
    /**
     * Reads a team's whole roster from the connector `runs` times (the first is the install's
     * write of every member; later ones find nothing changed); each run's time and storage requests.
     */
    roster: async ({ teamId, runs }: { teamId: string; runs: number }) => {
      const samples: Array<{ ms: number; requests: number; outcome: string; members: number }> = [];
      // The first run starts from no members at all, as an install does.
      await valued.repos.memberships.removeTeam(teamId);
      for (let i = 0; i < runs; i++) {
        counter.reset();
        const started = performance.now();
        const outcome = await valued.bot.roster.sync(teamId, { force: true, fresh: true });
        const ms = performance.now() - started;
        samples.push({
          ms,
          requests: counter.snapshot().requests,
          outcome,
          members: (await valued.repos.rosters.get(teamId))?.memberCount ?? 0,
        });
      }
      return samples;
    },
  });
  process.send?.({ ready: valued.http.url });
}

// The digest's own count of slips, whatever it calls it: proof it read the whole box.
function slipCount(digest: Record<string, unknown>): number {
  for (const key of ['slipCount', 'totalSlips', 'slips']) {
    const v = digest[key];
    if (typeof v === 'number') return v;
    if (Array.isArray(v)) return v.length;
  }
  const totals = digest.totals as Record<string, unknown> | undefined;
  return typeof totals?.slips === 'number' ? totals.slips : -1;
}

main().catch((e) => {
  console.error('bench: Valued did not start:', (e as Error).message);
  process.exit(1);
});
