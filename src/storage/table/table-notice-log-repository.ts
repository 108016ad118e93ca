import type { NoticeLogRepository } from '../notice-log-repository';
import { DocTable } from './doc-table';
import { safeKey } from './keys';

export class TableNoticeLogRepository implements NoticeLogRepository {
  constructor(private readonly t: DocTable<{ at: string }>) {}

  claim(scope: string, key: string, at: Date): Promise<boolean> {
    return this.t.create(safeKey(scope), safeKey(key), { at: at.toISOString() });
  }

  removeScope(scope: string): Promise<number> {
    return this.t.deletePartition(safeKey(scope));
  }
}
