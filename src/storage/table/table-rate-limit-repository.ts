import type { RateWindow } from '../../domain/rate-limit';
import type { RateLimitRepository } from '../rate-limit-repository';
import { DocTable } from './doc-table';
import { keys } from './keys';

const ROW = 'window';

// One row per person holding the current hour's request ids: the ETag makes concurrent sends on
// different instances count exactly, and the row never grows beyond the limit or outlives erasure.
export class TableRateLimitRepository implements RateLimitRepository {
  constructor(private readonly t: DocTable<RateWindow>) {}

  async count(
    personId: string,
    count: (current: RateWindow | undefined) => { window: RateWindow; changed: boolean } | 'refused',
  ): Promise<boolean> {
    const pk = keys.person(personId);
    for (;;) {
      const existing = await this.t.get(pk, ROW);
      if (!existing) {
        const first = count(undefined);
        if (first === 'refused') return false;
        if (await this.t.create(pk, ROW, first.window)) return true;
        continue; // someone else created it first: count against theirs
      }
      let refused = false;
      // The read above is the first attempt's: its ETag guards the write, so no second read.
      const updated = await this.t.update(
        pk,
        ROW,
        (current) => {
          const r = count(current);
          refused = r === 'refused';
          return r === 'refused' || !r.changed ? undefined : r.window;
        },
        undefined,
        existing,
      );
      if (!updated) continue; // erased in between: start a fresh window
      return !refused;
    }
  }

  deletePerson(personId: string): Promise<void> {
    return this.t.delete(keys.person(personId), ROW);
  }
}
