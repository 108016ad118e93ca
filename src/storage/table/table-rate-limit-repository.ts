import type { RateWindow } from '../../domain/rate-limit';
import type { SentHistoryEntry } from '../../domain/history';
import type { RateLimitRepository } from '../rate-limit-repository';
import { TooMuchContentionError } from '../storage-errors';
import { backoff, DocTable, type BatchWrite } from './doc-table';
import { keys } from './keys';
import { KnownRows } from './known-rows';

const ROW = 'ratelimit';
const ATTEMPTS = 60;
type SenderRow = RateWindow | SentHistoryEntry;

// One row per person holding the current hour's request ids, in the person's history partition
// beside what they sent, so a slip's window and its sent entry are one atomic write. The ETag
// makes concurrent sends on different instances count exactly; the row never grows beyond the
// limit, and erasing the person's history erases it too.
export class TableRateLimitRepository implements RateLimitRepository {
  private readonly known = new KnownRows<RateWindow>();

  /** `t`: the history table. */
  constructor(private readonly t: DocTable<SenderRow>) {}

  count(personId: string, count: (current: RateWindow | undefined) => { window: RateWindow; changed: boolean } | 'refused') {
    return this.write(personId, count);
  }

  countSent(
    personId: string,
    count: (current: RateWindow | undefined) => { window: RateWindow; changed: boolean } | 'refused',
    sent: SentHistoryEntry,
  ): Promise<boolean> {
    return this.write(personId, count, { rk: keys.historySent(sent.createdAt, sent.slipId), doc: sent });
  }

  // The window this process wrote last is tried first (no read); a 412 means another instance
  // counted meanwhile, so it is read afresh and counted again.
  private async write(
    personId: string,
    count: (current: RateWindow | undefined) => { window: RateWindow; changed: boolean } | 'refused',
    extra?: { rk: string; doc: SentHistoryEntry },
  ): Promise<boolean> {
    const pk = keys.person(personId);
    let current: { doc: RateWindow; etag: string } | undefined = this.known.get(pk, ROW);
    let read = !current;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (read) current = (await this.t.get(pk, ROW)) as typeof current;
      const r = count(current?.doc);
      if (r === 'refused') return false;
      const writes: Array<BatchWrite<SenderRow>> = extra ? [{ kind: 'upsert', ...extra }] : [];
      if (r.changed || !current)
        writes.push(current ? { kind: 'replace', rk: ROW, doc: r.window, etag: current.etag } : { kind: 'create', rk: ROW, doc: r.window });
      if (writes.length === 0) return true;
      const done = await this.t.batch(pk, writes);
      if (done.ok) {
        if (done.etags.has(ROW)) this.known.set(pk, ROW, r.window, done.etags.get(ROW));
        return true;
      }
      this.known.forget(pk, ROW);
      read = true;
      if (attempt > 0) await backoff(attempt);
    }
    throw new TooMuchContentionError(`history/${pk}/${ROW}`);
  }

  async deletePerson(personId: string): Promise<void> {
    this.known.forget(keys.person(personId), ROW);
    await this.t.delete(keys.person(personId), ROW);
  }
}
