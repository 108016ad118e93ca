import type { SlipHistoryEntry } from '../../domain/history';
import type { HistoryRepository } from '../history-repository';
import type { Page } from '../page';
import { DocTable } from './doc-table';
import { keys } from './keys';

export class TableHistoryRepository implements HistoryRepository {
  constructor(private readonly t: DocTable<SlipHistoryEntry>) {}

  async addSlips(personId: string, entries: SlipHistoryEntry[]): Promise<void> {
    await this.t.upsertMany(keys.person(personId), entries.map((doc) => ({ rk: keys.historySlip(doc.createdAt, doc.slipId), doc })));
  }

  slipPage(personId: string, pageSize: number, continuationToken?: string): Promise<Page<SlipHistoryEntry>> {
    return this.t.page(keys.person(personId), { prefix: 'slip|', pageSize, continuationToken });
  }
}
