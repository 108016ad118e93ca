import type { RateWindow } from '../domain/rate-limit';
import type { SentHistoryEntry } from '../domain/history';

/** One counting window per person, shared by every instance. */
export interface RateLimitRepository {
  /**
   * Applies `count` to the person's window atomically (ETag-guarded, retried on a race) and
   * returns false when it refused.
   */
  count(
    personId: string,
    count: (current: RateWindow | undefined) => { window: RateWindow; changed: boolean } | 'refused',
  ): Promise<boolean>;
  /**
   * The same, and when allowed, the entry of what they sent in their history: both rows are in
   * the sender's partition and go in one atomic write guarded by the window's ETag.
   */
  countSent(
    personId: string,
    count: (current: RateWindow | undefined) => { window: RateWindow; changed: boolean } | 'refused',
    sent: SentHistoryEntry,
  ): Promise<boolean>;
  /** Erasure: forgets the person's window. */
  deletePerson(personId: string): Promise<void>;
}
