import type { RateWindow } from '../domain/rate-limit';

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
  /** Erasure: forgets the person's window. */
  deletePerson(personId: string): Promise<void>;
}
