// Counts every request a Table Storage client sends, and the time spent waiting for each, as a
// pipeline policy: the same hook production code exposes (StartOptions.storagePolicies). It
// also keeps when each request started and ended, for the round trips on the critical path.
import { performance } from 'node:perf_hooks';
import type { PipelinePolicy } from '../../src/storage/table/table-store';
import type { Interval } from './critical-path';

/** Enough for any one operation; a long load window only needs the counts. */
const TIMELINE_LIMIT = 5000;

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
  private intervals: Interval[] = [];

  /** `tablePrefix` is stripped from table names in the breakdown. */
  constructor(private readonly tablePrefix = '') {}

  readonly policy: PipelinePolicy = {
    name: 'benchStorageCounter',
    sendRequest: async (request, next) => {
      const kind = kindOf(request.method, request.url, this.tablePrefix);
      this.counts.requests++;
      this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
      const started = performance.now();
      // Still in flight until it ends: never inside an operation that finished before it.
      const interval: Interval = { start: started, end: Infinity };
      if (this.intervals.length < TIMELINE_LIMIT) this.intervals.push(interval);
      try {
        return await next(request);
      } finally {
        interval.end = performance.now();
        this.counts.waitMs += interval.end - started;
      }
    },
  };

  reset(): void {
    this.counts = { requests: 0, waitMs: 0, byKind: {} };
    this.intervals = [];
  }

  /** When each request since the last reset started and ended (this process's clock). */
  timeline(): Interval[] {
    return this.intervals.map((i) => ({ ...i }));
  }

  snapshot(): StorageCounts {
    return { requests: this.counts.requests, waitMs: this.counts.waitMs, byKind: { ...this.counts.byKind } };
  }
}
