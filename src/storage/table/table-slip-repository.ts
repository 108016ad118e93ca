// A box's partition holds its slips (RowKey: slip id) and one summary row ('~summary', which
// sorts after every slip id). A slip and its count in the summary are written in one atomic
// batch guarded by the summary's ETag, so the summary is exact with any number of instances.
import type { Slip } from '../../domain/slip';
import { addSlipToBox, boxSummaryOf, emptyBoxSummary, type BoxSummary } from '../../domain/summaries';
import { TooMuchContentionError } from '../storage-errors';
import type { SlipNote, SlipRepository } from '../slip-repository';
import { backoff, DocTable, type BatchWrite } from './doc-table';
import { keys } from './keys';
import { KnownRows } from './known-rows';

export const BOX_SUMMARY = '~summary';
const ATTEMPTS = 60;
type BoxRow = Slip | BoxSummary;

export class TableSlipRepository implements SlipRepository {
  private readonly known = new KnownRows<BoxSummary>();

  constructor(private readonly t: DocTable<BoxRow>) {}

  private get slips(): DocTable<Slip> {
    return this.t as DocTable<Slip>;
  }

  /** The summary to write against: the one this process wrote last, else read with the slip (one request). */
  private async base(pk: string, rk: string): Promise<{ slip?: { doc: Slip; etag: string }; summary?: { doc: BoxSummary; etag: string } }> {
    const rows = await this.t.getMany(pk, [rk, BOX_SUMMARY]);
    const slip = rows.get(rk) as { doc: Slip; etag: string } | undefined;
    const summary = rows.get(BOX_SUMMARY) as { doc: BoxSummary; etag: string } | undefined;
    if (summary) this.known.set(pk, BOX_SUMMARY, summary.doc, summary.etag);
    return { slip, summary };
  }

  /**
   * A box with no summary row is new (boxes from before summaries existed get theirs from
   * `npm run rebuild-summaries`, run once after upgrading), so no read of its slips is needed.
   */
  private summaryWrite(summary: { doc: BoxSummary; etag: string } | undefined, change: (s: BoxSummary) => BoxSummary) {
    const doc = change(summary?.doc ?? emptyBoxSummary());
    const write: BatchWrite<BoxRow> = summary
      ? { kind: 'replace', rk: BOX_SUMMARY, doc, etag: summary.etag }
      : { kind: 'create', rk: BOX_SUMMARY, doc };
    return { doc, write };
  }

  async create(slip: Slip): Promise<{ slip: Slip; created: boolean }> {
    const count = (summary: BoxSummary) => addSlipToBox(summary, slip, slip.recipientGroups ?? {});
    const pk = keys.box(slip.teamId, slip.month);
    const rk = keys.slipRow(slip.id);
    let summary = this.known.get(pk, BOX_SUMMARY);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (!summary) {
        const read = await this.base(pk, rk);
        if (read.slip) return { slip: read.slip.doc, created: false };
        summary = read.summary;
      }
      const { doc, write } = this.summaryWrite(summary, count);
      const r = await this.t.batch(pk, [{ kind: 'create', rk, doc: slip }, write]);
      if (r.ok) {
        this.known.set(pk, BOX_SUMMARY, doc, r.etags.get(BOX_SUMMARY));
        return { slip, created: true };
      }
      // The slip exists already (a retry), or the summary changed: the next read tells which.
      this.known.forget(pk, BOX_SUMMARY);
      summary = undefined;
      if (attempt > 0) await backoff(attempt);
    }
    throw new TooMuchContentionError(`slips/${pk}/${BOX_SUMMARY}`);
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
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const read = await this.base(pk, rk);
      if (!read.slip) return undefined;
      let next: Slip | undefined;
      const { doc, write } = this.summaryWrite(read.summary, (s) => {
        const r = change(read.slip!.doc, s);
        next = r?.slip;
        return r?.summary ?? s;
      });
      if (!next) return { slip: read.slip.doc, changed: false };
      const r = await this.t.batch(pk, [{ kind: 'replace', rk, doc: next, etag: read.slip.etag }, write]);
      if (r.ok) {
        this.known.set(pk, BOX_SUMMARY, doc, r.etags.get(BOX_SUMMARY));
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
    this.known.forget(keys.box(teamId, month), BOX_SUMMARY);
    await this.t.delete(keys.box(teamId, month), BOX_SUMMARY);
  }

  listBox(teamId: string, month: string): Promise<Slip[]> {
    return this.slips.list(keys.box(teamId, month), { to: '~' });
  }

  async summary(teamId: string, month: string): Promise<BoxSummary> {
    const pk = keys.box(teamId, month);
    const row = await this.t.get(pk, BOX_SUMMARY);
    return (row?.doc as BoxSummary | undefined) ?? boxSummaryOf(await this.listBox(teamId, month));
  }

  async rebuildSummary(teamId: string, month: string, compute: (slips: Slip[]) => BoxSummary): Promise<BoxSummary> {
    const pk = keys.box(teamId, month);
    const r = await this.t.recompute(pk, BOX_SUMMARY, async () => compute(await this.listBox(teamId, month)));
    this.known.set(pk, BOX_SUMMARY, r.doc as BoxSummary, r.etag);
    return r.doc as BoxSummary;
  }
}
