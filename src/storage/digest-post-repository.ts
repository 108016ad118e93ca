import type { DigestPost } from '../domain/digest';

/**
 * One record per box whose digest is scheduled: a lease that one instance holds while it posts,
 * then the posted message id. Every write is create-only or ETag-conditional, so two instances
 * never both win a claim, and a posted box is never claimed again.
 */
export interface DigestPostRepository {
  get(teamId: string, month: string): Promise<DigestPost | undefined>;
  /**
   * Takes the claim when the box has no record, or when the holder's lease lapsed (or was
   * released) and nothing was posted. True when this instance now holds it; false when another
   * instance holds an unexpired claim (this one included: a claim is not re-entrant) or the box
   * is done.
   */
  claim(teamId: string, month: string, instanceId: string, leaseUntil: Date, now: Date): Promise<boolean>;
  /**
   * Records the posted message id; only while this instance holds the claim and nothing was
   * recorded. False when it could not (another instance took the lapsed claim over).
   */
  markPosted(teamId: string, month: string, instanceId: string, activityId: string, now: Date): Promise<boolean>;
  /** Records that the box had nothing to post, under the same rules as markPosted. */
  markNothingToPost(teamId: string, month: string, instanceId: string, now: Date): Promise<boolean>;
  /** Gives the claim up after a failed post, so another run can try straight away. Only the holder can. */
  release(teamId: string, month: string, instanceId: string): Promise<void>;
  /** Retention. */
  remove(teamId: string, month: string): Promise<void>;
  /** Retention: every record of the team for months before `month` (YYYY-MM); how many went. */
  removeBefore(teamId: string, month: string): Promise<number>;
}
