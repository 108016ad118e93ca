// An injected storage latency, as a pipeline policy: every Table Storage request waits half the
// delay before it is sent and half after its answer, as a network round trip to Azure would
// (so a competing writer's ETag can change in between, as it can on Azure). The same policy is
// given to Valued (through StartOptions.storagePolicies, the hook the product already exposes)
// and to the floors' clients, so both pay the same per request. The runner changes the delay
// over IPC between passes; 0 adds nothing.
import { setTimeout as sleep } from 'node:timers/promises';
import type { PipelinePolicy } from '../../src/storage/table/table-store';

export class StorageLatency {
  constructor(public ms = 0) {}

  readonly policy: PipelinePolicy = {
    name: 'benchStorageLatency',
    sendRequest: async (request, next) => {
      const half = this.ms / 2;
      if (half > 0) await sleep(half);
      const response = await next(request);
      if (half > 0) await sleep(half);
      return response;
    },
  };
}
