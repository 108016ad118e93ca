// A box's partition holds its slips (RowKey: slip id) and its summary, split into a few rows
// ('~summary|0' …, which sort after every slip id) so slips sent at the same moment mostly
// change different rows. A slip and its count in its summary row are written in one atomic
// batch guarded by that row's ETag, so the sum of the rows is exact with any number of instances.
import type { Slip } from '../../domain/slip';
import { addSlipToBox, boxSummaryOf, emptyBoxSummary, sumBoxSummaries, type BoxSummary } from '../../domain/summaries';
import { TooMuchContentionError } from '../storage-errors';
import type { SlipNote, SlipRepository } from '../slip-repository';
import { backoff, DocTable, type BatchWrite } from './doc-table';
import { keys } from './keys';
import { KnownRows } from './known-rows';

const SUMMARY_PREFIX = '~summary|';
const SHARDS = 8;
/** The summary row a key (a sender, a slip) is counted in: the same for every attempt. */
const shardOf = (key: string): string =>
  `${SUMMARY_PREFIX}${[...key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 7) % SHARDS}`;
const ALL_SHARDS = Array.from({ length: SHARDS }, (_, i) => `${SUMMARY_PREFIX}${i}`);
const ATTEMPTS = 60;
type BoxRow = Slip | BoxSummary;

export class TableSlipRepository implements SlipRepository {
  private readonly known = new KnownRows<BoxSummary>();

  constructor(private readonly t: DocTable<BoxRow>) {}

  private get slips(): DocTable<Slip> {
    return this.t as DocTable<Slip>;
  }

  /** The summary to write against: the one this process wrote last, else read with the slip (one request). */
  private async base(
    pk: string,
    rk: string,
    shard: string,
  ): Promise<{ slip?: { doc: Slip; etag: string }; summary?: { doc: BoxSummary; etag: string } }> {
    const rows = await this.t.getMany(pk, [rk, shard]);
    const slip = rows.get(rk) as { doc: Slip; etag: string } | undefined;
    const summary = rows.get(shard) as { doc: BoxSummary; etag: string } | undefined;
    if (summary) this.known.set(pk, shard, summary.doc, summary.etag);
    return { slip, summary };
  }

  /**
   * A box with no summary row is new (boxes from before summaries existed get theirs from
   * `npm run rebuild-summaries`, run once after upgrading), so no read of its slips is needed.
   */
  private summaryWrite(shard: string, summary: { doc: BoxSummary; etag: string } | undefined, change: (s: BoxSummary) => BoxSummary) {
    const doc = change(summary?.doc ?? emptyBoxSummary());
    const write: BatchWrite<BoxRow> = summary
      ? { kind: 'replace', rk: shard, doc, etag: summary.etag }
      : { kind: 'create', rk: shard, doc };
    return { doc, write };
  }

  async create(slip: Slip): Promise<{ slip: Slip; created: boolean }> {
    const count = (summary: BoxSummary) => addSlipToBox(summary, slip, slip.recipientGroups ?? {});
    const pk = keys.box(slip.teamId, slip.month);
    const rk = keys.slipRow(slip.id);
    // By sender: one person's slips meet the row this instance wrote last; different people's rarely meet.
    const shard = shardOf(slip.sender.id);
    let summary = this.known.get(pk, shard);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (!summary) {
        const read = await this.base(pk, rk, shard);
        if (read.slip) return { slip: read.slip.doc, created: false };
        summary = read.summary;
      }
      const { doc, write } = this.summaryWrite(shard, summary, count);
      const r = await this.t.batch(pk, [{ kind: 'create', rk, doc: slip }, write]);
      if (r.ok) {
        this.known.set(pk, shard, doc, r.etags.get(shard));
        return { slip, created: true };
      }
      // The slip exists already (a retry), or the summary changed: the next read tells which.
      this.known.forget(pk, shard);
      summary = undefined;
      if (attempt > 0) await backoff(attempt);
    }
    throw new TooMuchContentionError(`slips/${pk}/${shard}`);
  }

  async get(teamId: string, month: string, slipId: string): Promise<Slip | undefined> {
    return (await this.slips.get(keys.box(teamId, month), keys.slipRow(slipId)))?.doc;
  }

  async getWithEtag(teamId: string, month: string, slipId: string) {
    const r = await this.slips.get(keys.box(teamId, month), keys.slipRow(slipId));
    return r && { slip: r.doc, etag: r.etag };
  }

  async update(teamId: string, month: string, slipId: string, change: (slip: Slip) => Slip | undefined) {
    const r = await this.slips.update(keys.box(teamId, month), keys.slipRow(slipId), change);
    return r && { slip: r.doc, changed: r.changed };
  }

  async replaceIf(slip: Slip, etag: string): Promise<boolean> {
    const r = await this.t.batch(keys.box(slip.teamId, slip.month), [{ kind: 'replace', rk: keys.slipRow(slip.id), doc: slip, etag }]);
    return r.ok;
  }

  note(teamId: string, month: string, slipId: string, fields: SlipNote): Promise<boolean> {
    return this.slips.merge(keys.box(teamId, month), keys.slipRow(slipId), fields);
  }

  async updateCounted(
    teamId: string,
    month: string,
    slipId: string,
    change: (slip: Slip, summary: BoxSummary) => { slip: Slip; summary: BoxSummary } | undefined,
  ): Promise<{ slip: Slip; changed: boolean } | undefined> {
    const pk = keys.box(teamId, month);
    const rk = keys.slipRow(slipId);
    const shard = shardOf(slipId);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const read = await this.base(pk, rk, shard);
      if (!read.slip) return undefined;
      let next: Slip | undefined;
      const { doc, write } = this.summaryWrite(shard, read.summary, (s) => {
        const r = change(read.slip!.doc, s);
        next = r?.slip;
        return r?.summary ?? s;
      });
      if (!next) return { slip: read.slip.doc, changed: false };
      const r = await this.t.batch(pk, [{ kind: 'replace', rk, doc: next, etag: read.slip.etag }, write]);
      if (r.ok) {
        this.known.set(pk, shard, doc, r.etags.get(shard));
        return { slip: next, changed: true };
      }
      await backoff(attempt);
    }
    throw new TooMuchContentionError(`slips/${pk}/${rk}`);
  }

  delete(teamId: string, month: string, slipId: string): Promise<void> {
    return this.t.delete(keys.box(teamId, month), keys.slipRow(slipId));
  }

  async removeSummary(teamId: string, month: string): Promise<void> {
    const pk = keys.box(teamId, month);
    for (const shard of ALL_SHARDS) this.known.forget(pk, shard);
    await this.t.deletePartition(pk, { prefix: SUMMARY_PREFIX });
  }

  listBox(teamId: string, month: string): Promise<Slip[]> {
    return this.slips.list(keys.box(teamId, month), { to: '~' });
  }

  /** The sum of the box's summary rows: one query. */
  async summary(teamId: string, month: string): Promise<BoxSummary> {
    const rows = await this.t.list(keys.box(teamId, month), { prefix: SUMMARY_PREFIX });
    return rows.length ? sumBoxSummaries(rows as BoxSummary[]) : boxSummaryOf(await this.listBox(teamId, month));
  }

  /**
   * Every summary row's ETag first, then the slips; the whole sum goes in the first row and the
   * others are emptied, in one batch guarded by those ETags, so a slip saved meanwhile makes it try again.
   */
  async rebuildSummary(teamId: string, month: string, compute: (slips: Slip[]) => BoxSummary): Promise<BoxSummary> {
    const pk = keys.box(teamId, month);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await this.t.getMany(pk, ALL_SHARDS);
      const doc = compute(await this.listBox(teamId, month));
      const writes: Array<BatchWrite<BoxRow>> = ALL_SHARDS.map((rk, i) => {
        const row = { rk, doc: i === 0 ? doc : emptyBoxSummary() };
        const etag = current.get(rk)?.etag;
        return etag ? { kind: 'replace', ...row, etag } : { kind: 'create', ...row };
      });
      const r = await this.t.batch(pk, writes);
      if (r.ok) {
        for (const w of writes) this.known.set(pk, w.rk, w.doc as BoxSummary, r.etags.get(w.rk));
        return doc;
      }
      await backoff(attempt);
    }
    throw new TooMuchContentionError(`slips/${pk}/${SUMMARY_PREFIX}`);
  }
}
