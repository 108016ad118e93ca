import type { ProcessedActivityRepository } from '../processed-activity-repository';
import { DocTable } from './doc-table';
import { safeKey } from './keys';

interface Claim {
  claimedAt: string;
  expiresAt: string;
}

export class TableProcessedActivityRepository implements ProcessedActivityRepository {
  constructor(private readonly t: DocTable<Claim>) {}

  async claim(key: string, now: Date, ttlHours: number): Promise<boolean> {
    const doc = { claimedAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlHours * 3600_000).toISOString() };
    if (await this.t.create(safeKey(key), '', doc)) return true;
    // An expired claim may be taken over; the ETag makes sure only one taker wins.
    const r = await this.t.update(safeKey(key), '', (old) => (old.expiresAt < doc.claimedAt ? doc : undefined));
    return r?.changed ?? false;
  }

  release(key: string): Promise<void> {
    return this.t.delete(safeKey(key), '');
  }
}
