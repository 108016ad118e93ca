// A person's partition holds: `slip|…` (received, newest first), `byvalue|{value}|…` (the same
// slips indexed by value, written in the same atomic batch), `nomination|…`, `award|…` and
// `sent|…`. So every view of a history is a range query inside one partition.
import type { AwardHistoryEntry, HistoryEntry, NominationHistoryEntry, SentHistoryEntry, SlipHistoryEntry } from '../../domain/history';
import type { HistoryRepository, SlipFilter } from '../history-repository';
import type { Page } from '../page';
import { DocTable, type RangeOptions } from './doc-table';
import { invertedTime, keys, safeKey } from './keys';

const yearStart = (y: number) => new Date(Date.UTC(y, 0, 1)).toISOString();

function slipRows(entry: SlipHistoryEntry): Array<{ rk: string; doc: HistoryEntry }> {
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
  constructor(private readonly t: DocTable<HistoryEntry>) {}

  async addSlips(personId: string, entries: SlipHistoryEntry[]): Promise<void> {
    await this.t.upsertMany(keys.person(personId), entries.flatMap(slipRows));
  }

  replaceSlip(personId: string, entry: SlipHistoryEntry): Promise<void> {
    return this.addSlips(personId, [entry]);
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
    return this.t.upsert(keys.person(personId), `sent|${invertedTime(entry.createdAt)}|${safeKey(entry.slipId)}`, entry);
  }

  async sent(personId: string): Promise<SentHistoryEntry[]> {
    return (await this.t.list(keys.person(personId), { prefix: 'sent|' })) as SentHistoryEntry[];
  }

  deleteAll(personId: string): Promise<number> {
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
    await Promise.all(rows.map((rk) => this.t.delete(pk, rk)));
    return old.length;
  }
}
