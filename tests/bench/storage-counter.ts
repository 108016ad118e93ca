// Counts every request a Table Storage client sends, and the time spent waiting for each, as a
// pipeline policy: the same hook production code exposes (StartOptions.storagePolicies).
import { performance } from 'node:perf_hooks';
import type { PipelinePolicy } from '../../src/storage/table/table-store';

export interface StorageCounts {
  requests: number;
  /** Summed wall time of the requests (overlapping requests add up). */
  waitMs: number;
  /** By method and table, such as "GET slips" or "POST $batch". */
  byKind: Record<string, number>;
}

// "/devstoreaccount1/valuedslips(PartitionKey='…',RowKey='…')" → "slips"; a batch → "$batch".
function kindOf(method: string, url: string, prefix: string): string {
  const path = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  const table = decodeURIComponent(path).replace(/\(.*$/, '');
  const name = table.startsWith(prefix) && table !== prefix ? table.slice(prefix.length) : table;
  return `${method} ${name}`;
}

export class StorageCounter {
  private counts: StorageCounts = { requests: 0, waitMs: 0, byKind: {} };

  /** `tablePrefix` is stripped from table names in the breakdown. */
  constructor(private readonly tablePrefix = '') {}

  readonly policy: PipelinePolicy = {
    name: 'benchStorageCounter',
    sendRequest: async (request, next) => {
      const kind = kindOf(request.method, request.url, this.tablePrefix);
      this.counts.requests++;
      this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
      const started = performance.now();
      try {
        return await next(request);
      } finally {
        this.counts.waitMs += performance.now() - started;
      }
    },
  };

  reset(): void {
    this.counts = { requests: 0, waitMs: 0, byKind: {} };
  }

  snapshot(): StorageCounts {
    return { requests: this.counts.requests, waitMs: this.counts.waitMs, byKind: { ...this.counts.byKind } };
  }
}
