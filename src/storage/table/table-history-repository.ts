// A person's partition holds: `slip|…` (received, newest first), `byvalue|{value}|…` (the same
// slips indexed by value, written in the same atomic batch), `nomination|…`, `award|…` and
// `sent|…`, the summary of what they received (`summary`, written in the same batch as each
// received slip, guarded by its ETag) and their sending window (`ratelimit`, see
// TableRateLimitRepository). So every view of a history is a range query inside one partition.
import type { AwardHistoryEntry, HistoryEntry, NominationHistoryEntry, SentHistoryEntry, SlipHistoryEntry } from '../../domain/history';
import type { HistoryRepository, SlipFilter } from '../history-repository';
import type { Page } from '../page';
import { emptyPersonSummary, personSummaryOf, type PersonSummary } from '../../domain/summaries';
import { TooMuchContentionError } from '../storage-errors';
import { mapInParallel } from '../in-parallel';
import { backoff, DocTable, type BatchWrite, type RangeOptions } from './doc-table';
import { invertedTime, keys, safeKey } from './keys';
import { KnownRows } from './known-rows';

export const PERSON_SUMMARY = 'summary';
const ATTEMPTS = 60;
// A batch holds at most 100 rows: a slip's row and one per value, and the summary.
const MAX_BATCH = 100;
type PersonRow = HistoryEntry | PersonSummary;

const yearStart = (y: number) => new Date(Date.UTC(y, 0, 1)).toISOString();

/** The rows a received slip makes in a person's partition: the slip, and one by-value copy per value. */
export function slipRows(entry: SlipHistoryEntry): Array<{ rk: string; doc: HistoryEntry }> {
  const inv = invertedTime(entry.createdAt);
  return [
    { rk: keys.historySlip(entry.createdAt, entry.slipId), doc: entry },
    ...entry.values.map((v) => ({ rk: `byvalue|${safeKey(v)}|${inv}|${safeKey(entry.slipId)}`, doc: entry })),
  ];
}

// Newest first means inverted time: a year runs from inv(end) up to inv(start).
function rangeFor(filter: SlipFilter = {}): RangeOptions {
  const prefix = filter.value ? `byvalue|${safeKey(filter.value)}|` : 'slip|';
  if (!filter.year) return { prefix };
  return { prefix, from: `${prefix}${invertedTime(yearStart(filter.year + 1))}`, to: `${prefix}${invertedTime(yearStart(filter.year))}~` };
}

export class TableHistoryRepository implements HistoryRepository {
  private readonly known = new KnownRows<PersonSummary>();
  private readonly rows: DocTable<PersonRow>;

  constructor(private readonly t: DocTable<HistoryEntry>) {
    this.rows = t as DocTable<PersonRow>;
  }

  async addSlips(personId: string, entries: SlipHistoryEntry[]): Promise<void> {
    const unique = [...new Map(entries.map((e) => [e.slipId, e])).values()];
    // As many slips per batch as fit beside the summary row.
    let chunk: SlipHistoryEntry[] = [];
    let rows = 1;
    for (const e of unique) {
      const size = 1 + e.values.length;
      if (rows + size > MAX_BATCH) {
        await this.addCounted(personId, chunk);
        chunk = [];
        rows = 1;
      }
      chunk.push(e);
      rows += size;
    }
    if (chunk.length) await this.addCounted(personId, chunk);
  }

  /**
   * The slips' rows and their count in the summary, all or nothing in one request. A slip whose
   * row exists was counted when it was written, so a retry counts nothing twice.
   */
  private async addCounted(personId: string, entries: SlipHistoryEntry[]): Promise<void> {
    const pk = keys.person(personId);
    let summary = this.known.get(pk, PERSON_SUMMARY);
    let fresh = entries;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (!summary) {
        const read = await this.rows.getMany(pk, [PERSON_SUMMARY, ...entries.map((e) => keys.historySlip(e.createdAt, e.slipId))]);
        fresh = entries.filter((e) => !read.has(keys.historySlip(e.createdAt, e.slipId)));
        if (fresh.length === 0) return;
        summary = read.get(PERSON_SUMMARY) as { doc: PersonSummary; etag: string } | undefined;
        if (summary) this.known.set(pk, PERSON_SUMMARY, summary.doc, summary.etag);
      }
      // No summary row: a person new to Valued (histories from before summaries existed get
      // theirs from `npm run rebuild-summaries`, run once after upgrading).
      const base = summary?.doc ?? emptyPersonSummary();
      const doc = fresh.reduce((s, e) => personSummaryOf([e], s), base);
      const writes: Array<BatchWrite<PersonRow>> = fresh.flatMap((e) =>
        slipRows(e).map((r, i) => (i === 0 ? { kind: 'create' as const, ...r } : { kind: 'upsert' as const, ...r })),
      );
      writes.push(summary ? { kind: 'replace', rk: PERSON_SUMMARY, doc, etag: summary.etag } : { kind: 'create', rk: PERSON_SUMMARY, doc });
      const r = await this.rows.batch(pk, writes);
      if (r.ok) return this.known.set(pk, PERSON_SUMMARY, doc, r.etags.get(PERSON_SUMMARY));
      this.known.forget(pk, PERSON_SUMMARY);
      summary = undefined;
      if (attempt > 0) await backoff(attempt);
    }
    throw new TooMuchContentionError(`history/${pk}/${PERSON_SUMMARY}`);
  }

  /** A received slip's copy changed (its sender erased their data): the counts stay as they are. */
  replaceSlip(personId: string, entry: SlipHistoryEntry): Promise<void> {
    return this.t.upsertMany(keys.person(personId), slipRows(entry));
  }

  async summary(personId: string): Promise<PersonSummary> {
    const row = await this.rows.get(keys.person(personId), PERSON_SUMMARY);
    return (row?.doc as PersonSummary | undefined) ?? personSummaryOf(await this.allSlips(personId));
  }

  async rebuildSummary(personId: string): Promise<PersonSummary> {
    const pk = keys.person(personId);
    const r = await this.rows.recompute(pk, PERSON_SUMMARY, async () => personSummaryOf(await this.allSlips(personId)));
    this.known.set(pk, PERSON_SUMMARY, r.doc as PersonSummary, r.etag);
    return r.doc as PersonSummary;
  }

  slipPage(personId: string, pageSize: number, continuationToken?: string, filter?: SlipFilter): Promise<Page<SlipHistoryEntry>> {
    return this.t.page(keys.person(personId), { ...rangeFor(filter), pageSize, continuationToken }) as Promise<Page<SlipHistoryEntry>>;
  }

  async getSlip(personId: string, createdAt: string, slipId: string): Promise<SlipHistoryEntry | undefined> {
    if (Number.isNaN(Date.parse(createdAt))) return undefined;
    const found = (await this.t.get(keys.person(personId), keys.historySlip(createdAt, slipId)))?.doc;
    return found?.kind === 'slip' && found.slipId === slipId ? found : undefined;
  }

  async allSlips(personId: string): Promise<SlipHistoryEntry[]> {
    return (await this.t.list(keys.person(personId), { prefix: 'slip|' })) as SlipHistoryEntry[];
  }

  addNomination(personId: string, nominatorId: string, entry: NominationHistoryEntry): Promise<void> {
    return this.t.upsert(keys.person(personId), keys.historyNomination(entry.month, entry.teamId, nominatorId), entry);
  }

  removeNomination(personId: string, nominatorId: string, entry: Pick<NominationHistoryEntry, 'month' | 'teamId'>): Promise<void> {
    return this.t.delete(keys.person(personId), keys.historyNomination(entry.month, entry.teamId, nominatorId));
  }

  async nominations(personId: string): Promise<NominationHistoryEntry[]> {
    return (await this.t.list(keys.person(personId), { prefix: 'nomination|' })) as NominationHistoryEntry[];
  }

  addAward(personId: string, entry: AwardHistoryEntry): Promise<void> {
    return this.t.upsert(keys.person(personId), keys.historyAward(entry.month, entry.teamId), entry);
  }

  async awards(personId: string): Promise<AwardHistoryEntry[]> {
    return (await this.t.list(keys.person(personId), { prefix: 'award|' })) as AwardHistoryEntry[];
  }

  addSent(personId: string, entry: SentHistoryEntry): Promise<void> {
    return this.t.upsert(keys.person(personId), keys.historySent(entry.createdAt, entry.slipId), entry);
  }

  async sent(personId: string): Promise<SentHistoryEntry[]> {
    const rows = (await this.t.list(keys.person(personId), { prefix: 'sent|' })) as SentHistoryEntry[];
    // A retried send may have written its entry under a second time: one per slip.
    return [...new Map(rows.map((r) => [r.slipId, r])).values()];
  }

  async deleteAll(personId: string): Promise<number> {
    this.known.forget(keys.person(personId), PERSON_SUMMARY);
    return this.t.deletePartition(keys.person(personId));
  }

  async deleteTeamEntriesBefore(personId: string, teamId: string, cutoffIso: string): Promise<number> {
    const pk = keys.person(personId);
    const inv = invertedTime(cutoffIso);
    const cutoffMonth = cutoffIso.slice(0, 7);
    // Older than the cut-off = larger inverted time (slips, sent); months sort as text (nominations, awards).
    const old = [
      ...(await this.t.entries(pk, { prefix: 'slip|', from: `slip|${inv}` })),
      ...(await this.t.entries(pk, { prefix: 'sent|', from: `sent|${inv}` })),
      ...(await this.t.entries(pk, { prefix: 'nomination|', to: `nomination|${cutoffMonth}` })),
      ...(await this.t.entries(pk, { prefix: 'award|', to: `award|${cutoffMonth}` })),
    ].filter((e) => e.doc.teamId === teamId);
    // A slip's by-value copies go with it.
    const rows = old.flatMap((e) => (e.doc.kind === 'slip' ? slipRows(e.doc).map((r) => r.rk) : [e.rk]));
    await mapInParallel(rows, (rk) => this.t.delete(pk, rk));
    if (old.some((e) => e.doc.kind === 'slip')) await this.rebuildSummary(personId);
    return old.length;
  }
}
