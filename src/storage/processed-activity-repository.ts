/** Remembers activities already handled, so a Teams redelivery does nothing twice. */
export interface ProcessedActivityRepository {
  /** True the first time a key is claimed (or after it expired); false for a repeat. */
  claim(key: string, now: Date, ttlHours: number): Promise<boolean>;
  /** Releases a claim when handling failed, so the retry is not ignored. */
  release(key: string): Promise<void>;
}
