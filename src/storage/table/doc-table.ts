// One table of JSON documents addressed by PartitionKey/RowKey. Every repository is a thin
// mapping over this, so retries, ETag loops, paging and error mapping live in one place.
import { RestError, TableClient, TableTransaction, odata } from '@azure/data-tables';
import { storageUnavailable, TooMuchContentionError } from '../storage-errors';
import type { Page } from '../page';

// A string property holds at most 64 KiB (32K UTF-16 units); larger documents are split.
const CHUNK = 30000;
const MAX_CHUNKS = 30;

interface Row {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  [doc: string]: unknown;
}

export interface RangeOptions {
  /** Only rows whose RowKey starts with this. */
  prefix?: string;
  /** Only rows with RowKey >= from (inclusive) ... */
  from?: string;
  /** ... and RowKey < to (exclusive). */
  to?: string;
}

/** Jittered, growing wait before trying an ETag-guarded write again. */
export const backoff = (attempt: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));

const status = (e: unknown): number | undefined => (e instanceof RestError ? e.statusCode : undefined);

// 5xx, timeouts and refused connections mean "storage is not there now", not "bad request".
function isUnavailable(e: unknown): boolean {
  const s = status(e);
  if (s !== undefined) return s >= 500 || s === 408;
  const code = (e as { code?: string })?.code;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'REQUEST_SEND_ERROR'].includes(code ?? '') || e instanceof RestError
  );
}

async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (isUnavailable(e)) throw storageUnavailable();
    throw e;
  }
}

function toRow<T>(pk: string, rk: string, doc: T): Row {
  const json = JSON.stringify(doc);
  const parts = Math.ceil(json.length / CHUNK) || 1;
  if (parts > MAX_CHUNKS) throw new Error(`document ${pk}/${rk} is too large for one entity`);
  const row: Row = { partitionKey: pk, rowKey: rk, parts };
  for (let i = 0; i < parts; i++) row[`doc${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return row;
}

// Fields written later by a merge with no read first (see DocTable.merge) live in columns of
// their own, `x_{field}`, and win over the document's copy until the next full write folds them in.
const SIDE = 'x_';

function fromRow<T>(row: Record<string, unknown>): T {
  const parts = Number(row.parts ?? 1);
  let json = '';
  for (let i = 0; i < parts; i++) json += String(row[`doc${i}`] ?? '');
  const doc = JSON.parse(json) as Record<string, unknown>;
  for (const [k, v] of Object.entries(row)) if (k.startsWith(SIDE) && typeof v === 'string') doc[k.slice(SIDE.length)] = JSON.parse(v);
  return doc as T;
}

/** One write of an atomic batch: `etag` guards a replace; a create fails if the row exists. */
export type BatchWrite<T> = { rk: string; doc: T } & ({ kind: 'create' } | { kind: 'upsert' } | { kind: 'replace'; etag: string });

/** Why a batch was refused: 409 a row to create exists, 412 a guarded row changed (or vanished). */
export type BatchResult = { ok: true; etags: Map<string, string> } | { ok: false; status: 404 | 409 | 412 };

function rangeFilter(pk: string, o: RangeOptions = {}): string {
  let lower = o.prefix;
  // The upper bound of a prefix is the prefix with its last character bumped: every key that starts with it sorts between.
  let upper = o.prefix ? o.prefix.slice(0, -1) + String.fromCharCode(o.prefix.charCodeAt(o.prefix.length - 1) + 1) : undefined;
  if (o.from !== undefined && (lower === undefined || o.from > lower)) lower = o.from;
  if (o.to !== undefined && (upper === undefined || o.to < upper)) upper = o.to;
  let filter = odata`PartitionKey eq ${pk}`;
  if (lower !== undefined) filter += ` and ${odata`RowKey ge ${lower}`}`;
  if (upper !== undefined) filter += ` and ${odata`RowKey lt ${upper}`}`;
  return filter;
}

export class DocTable<T> {
  constructor(readonly client: TableClient) {}

  async get(pk: string, rk: string): Promise<{ doc: T; etag: string } | undefined> {
    return guard(async () => {
      try {
        const row = await this.client.getEntity<Record<string, unknown>>(pk, rk);
        return { doc: fromRow<T>(row), etag: String(row.etag) };
      } catch (e) {
        if (status(e) === 404) return undefined;
        throw e;
      }
    });
  }

  /** Several rows of one partition in one request: the rows named, with their ETags. */
  async getMany(pk: string, rks: string[]): Promise<Map<string, { doc: T; etag: string }>> {
    return guard(async () => {
      const out = new Map<string, { doc: T; etag: string }>();
      const rows = rks.map((rk) => odata`RowKey eq ${rk}`).join(' or ');
      const filter = `${odata`PartitionKey eq ${pk}`} and (${rows})`;
      for await (const row of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        out.set(String(row.rowKey), { doc: fromRow<T>(row), etag: String(row.etag) });
      }
      return out;
    });
  }

  /** Writes rows of one partition all or nothing, in one request (at most 100). */
  async batch(pk: string, writes: Array<BatchWrite<T>>): Promise<BatchResult> {
    const tx = new TableTransaction();
    for (const w of writes) {
      const row = toRow(pk, w.rk, w.doc);
      if (w.kind === 'create') tx.createEntity(row);
      else if (w.kind === 'upsert') tx.upsertEntity(row, 'Replace');
      else tx.updateEntity(row, 'Replace', { etag: w.etag });
    }
    return guard(async () => {
      try {
        const r = await this.client.submitTransaction(tx.actions);
        // Sub-responses come back in the order of the writes; not every one names its row.
        return { ok: true, etags: new Map(writes.map((w, i) => [w.rk, (r.subResponses[i]?.etag ?? '').trim()])) };
      } catch (e) {
        const s = status(e);
        if (s === 404 || s === 409 || s === 412) return { ok: false, status: s };
        throw e;
      }
    });
  }

  /**
   * Sets some fields of a row with no read first, in columns of their own (see SIDE); false
   * when the row does not exist. ETag-guarded full writes read them back and fold them in.
   */
  async merge(pk: string, rk: string, fields: Partial<T>): Promise<boolean> {
    const row: Record<string, unknown> = { partitionKey: pk, rowKey: rk };
    for (const [k, v] of Object.entries(fields)) row[`${SIDE}${k}`] = JSON.stringify(v ?? null);
    return guard(async () => {
      try {
        await this.client.updateEntity(row as Row, 'Merge', { etag: '*' });
        return true;
      } catch (e) {
        if (status(e) === 404) return false;
        throw e;
      }
    });
  }

  /** Inserts; false when the row already exists (the idempotent path). */
  async create(pk: string, rk: string, doc: T): Promise<boolean> {
    return guard(async () => {
      try {
        await this.client.createEntity(toRow(pk, rk, doc));
        return true;
      } catch (e) {
        if (status(e) === 409) return false;
        throw e;
      }
    });
  }

  async upsert(pk: string, rk: string, doc: T): Promise<void> {
    await guard(() => this.client.upsertEntity(toRow(pk, rk, doc), 'Replace'));
  }

  /**
   * Read-modify-write guarded by the ETag, retried with jittered backoff when someone else
   * wrote first. `change` returns undefined to leave the row as it is. `known` is a read the
   * caller already made: the first attempt uses it (its ETag guards the write) instead of reading again.
   */
  async update(
    pk: string,
    rk: string,
    change: (current: T) => T | undefined,
    attempts = 60,
    known?: { doc: T; etag: string },
  ): Promise<{ doc: T; changed: boolean } | undefined> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const current = attempt === 0 && known ? known : await this.get(pk, rk);
      if (!current) return undefined;
      const next = change(current.doc);
      if (next === undefined) return { doc: current.doc, changed: false };
      try {
        await guard(() => this.client.updateEntity(toRow(pk, rk, next), 'Replace', { etag: current.etag }));
        return { doc: next, changed: true };
      } catch (e) {
        if (status(e) !== 412) throw e;
        await backoff(attempt);
      }
    }
    throw new TooMuchContentionError(`${this.client.tableName}/${pk}/${rk}`);
  }

  /**
   * Replaces a row with what `compute` makes from other rows (a summary from what it sums): the
   * row's ETag is read first, so a write to it while `compute` reads makes this try again.
   */
  async recompute(pk: string, rk: string, compute: () => Promise<T>): Promise<{ doc: T; etag: string }> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const current = await this.get(pk, rk);
      const doc = await compute();
      const r = await this.batch(pk, [current ? { kind: 'replace', rk, doc, etag: current.etag } : { kind: 'create', rk, doc }]);
      if (r.ok) return { doc, etag: r.etags.get(rk) ?? '' };
      await backoff(attempt);
    }
    throw new TooMuchContentionError(`${this.client.tableName}/${pk}/${rk}`);
  }

  async delete(pk: string, rk: string): Promise<void> {
    await guard(async () => {
      try {
        await this.client.deleteEntity(pk, rk);
      } catch (e) {
        if (status(e) !== 404) throw e;
      }
    });
  }

  /** One page of a partition, in RowKey order. */
  async page(pk: string, options: RangeOptions & { pageSize: number; continuationToken?: string }): Promise<Page<T>> {
    return guard(async () => {
      const pages = this.client
        .listEntities<Record<string, unknown>>({ queryOptions: { filter: rangeFilter(pk, options) } })
        .byPage({ maxPageSize: options.pageSize, continuationToken: options.continuationToken });
      const { value } = await pages.next();
      if (!value) return { items: [] };
      return { items: value.map((row: Record<string, unknown>) => fromRow<T>(row)), continuationToken: value.continuationToken };
    });
  }

  /** The whole table: only for small tables read by background jobs, never for a person's request. */
  async listAll(): Promise<T[]> {
    return guard(async () => {
      const out: T[] = [];
      for await (const row of this.client.listEntities<Record<string, unknown>>()) out.push(fromRow<T>(row));
      return out;
    });
  }

  /** Rows of a partition with their RowKeys, for deleting selectively. */
  async entries(pk: string, options: RangeOptions = {}): Promise<Array<{ rk: string; doc: T }>> {
    return guard(async () => {
      const out: Array<{ rk: string; doc: T }> = [];
      for await (const row of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter: rangeFilter(pk, options) } })) {
        out.push({ rk: String(row.rowKey), doc: fromRow<T>(row) });
      }
      return out;
    });
  }

  /** Every row of a partition (following Table Storage's 1,000-row pages). */
  async list(pk: string, options: RangeOptions = {}): Promise<T[]> {
    const items: T[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.page(pk, { ...options, pageSize: 1000, continuationToken });
      items.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken);
    return items;
  }

  /** Atomic upserts within one partition, 100 at a time (the service's batch limit). */
  async upsertMany(pk: string, rows: Array<{ rk: string; doc: T }>): Promise<void> {
    for (let i = 0; i < rows.length; i += 100) {
      const tx = new TableTransaction();
      for (const r of rows.slice(i, i + 100)) tx.upsertEntity(toRow(pk, r.rk, r.doc), 'Replace');
      await guard(() => this.client.submitTransaction(tx.actions));
    }
  }

  /** Deletes every row of a partition (or those with a RowKey prefix), in batches. */
  async deletePartition(pk: string, options: RangeOptions = {}): Promise<number> {
    const keys: Array<{ partitionKey: string; rowKey: string }> = [];
    await guard(async () => {
      for await (const row of this.client.listEntities<Record<string, unknown>>({
        queryOptions: { filter: rangeFilter(pk, options), select: ['PartitionKey', 'RowKey'] },
      })) {
        keys.push({ partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) });
      }
      for (let i = 0; i < keys.length; i += 100) {
        const tx = new TableTransaction();
        for (const k of keys.slice(i, i + 100)) tx.deleteEntity(k.partitionKey, k.rowKey);
        await this.client.submitTransaction(tx.actions);
      }
    });
    return keys.length;
  }
}
