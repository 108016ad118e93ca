// Valued under test: the production composition (dist/src/app.js's startValued) with one
// addition from outside, a pipeline policy that counts storage requests. Configured by the
// environment exactly as index.ts is; controlled by the runner over IPC.
import { performance } from 'node:perf_hooks';
import { readEnvOptions } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startValued } from '../../src/app';
import { DigestService } from '../../src/services/digest-service';
import { StorageCounter } from './storage-counter';
import { serveControl } from './child-control';

async function main(): Promise<void> {
  const config = readEnvOptions(process.env);
  const counter = new StorageCounter(config.storage.tablePrefix);
  const valued = await startValued(config, { logger: createLogger(config.log), storagePolicies: [counter.policy] });
  const digests = new DigestService(valued.repos, config.timeZone);
  serveControl(counter, () => valued.bot.sender.idle(), {
    /** Builds a box's digest `runs` times in a row; each run's time, storage requests and CPU. */
    digest: async ({ teamId, month, runs }: { teamId: string; month: string; runs: number }) => {
      const samples: Array<{ ms: number; requests: number; cpuMs: number; slips: number }> = [];
      for (let i = 0; i < runs; i++) {
        counter.reset();
        const cpu = process.cpuUsage();
        const started = performance.now();
        const digest = (await digests.build(teamId, month)) as unknown as Record<string, unknown>;
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
