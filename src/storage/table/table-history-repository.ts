import type { AwardHistoryEntry, HistoryEntry, NominationHistoryEntry, SlipHistoryEntry } from '../../domain/history';
import type { HistoryRepository } from '../history-repository';
import type { Page } from '../page';
import { DocTable } from './doc-table';
import { keys } from './keys';

export class TableHistoryRepository implements HistoryRepository {
  constructor(private readonly t: DocTable<HistoryEntry>) {}

  async addSlips(personId: string, entries: SlipHistoryEntry[]): Promise<void> {
    if (entries.length === 1) return this.t.upsert(keys.person(personId), keys.historySlip(entries[0].createdAt, entries[0].slipId), entries[0]);
    await this.t.upsertMany(keys.person(personId), entries.map((doc) => ({ rk: keys.historySlip(doc.createdAt, doc.slipId), doc })));
  }

  slipPage(personId: string, pageSize: number, continuationToken?: string): Promise<Page<SlipHistoryEntry>> {
    return this.t.page(keys.person(personId), { prefix: 'slip|', pageSize, continuationToken }) as Promise<Page<SlipHistoryEntry>>;
  }

  addNomination(personId: string, nominatorId: string, entry: NominationHistoryEntry): Promise<void> {
    return this.t.upsert(keys.person(personId), keys.historyNomination(entry.month, entry.teamId, nominatorId), entry);
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
}
