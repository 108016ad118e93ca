import type { Slip } from '../domain/slip';
import type { BoxSummary } from '../domain/summaries';

/** The fields of a slip written later with no read first (see SlipRepository.note). */
export type SlipNote = Partial<Pick<Slip, 'postedActivityId' | 'refreshUserIds' | 'notified' | 'notifyingUntil'>>;

export interface SlipRepository {
  /**
   * Creates the slip and counts it in its box's summary, in one atomic write; when one with
   * the same id exists it is returned untouched (and was counted when it was made). Recipients'
   * staff groups are counted as the slip records them (`recipientGroups`).
   */
  create(slip: Slip): Promise<{ slip: Slip; created: boolean }>;
  get(teamId: string, month: string, slipId: string): Promise<Slip | undefined>;
  /** The slip with its ETag, for a guarded change (see claim). */
  getWithEtag(teamId: string, month: string, slipId: string): Promise<{ slip: Slip; etag: string } | undefined>;
  /** ETag-guarded read-modify-write with retry; `change` returns undefined to write nothing. */
  update(
    teamId: string,
    month: string,
    slipId: string,
    change: (slip: Slip) => Slip | undefined,
  ): Promise<{ slip: Slip; changed: boolean } | undefined>;
  /** One write guarded by an ETag already read: false when the slip changed since. */
  replaceIf(slip: Slip, etag: string): Promise<boolean>;
  /** Sets some fields with no read first; false when the slip no longer exists. */
  note(teamId: string, month: string, slipId: string, fields: SlipNote): Promise<boolean>;
  /**
   * A change to the slip and to its box's summary together (one read, one atomic write,
   * retried when either changed meanwhile): for "Add my thanks".
   */
  updateCounted(
    teamId: string,
    month: string,
    slipId: string,
    change: (slip: Slip, summary: BoxSummary) => { slip: Slip; summary: BoxSummary } | undefined,
  ): Promise<{ slip: Slip; changed: boolean } | undefined>;
  /** Every slip in a box: one partition (its summary row is not a slip). */
  listBox(teamId: string, month: string): Promise<Slip[]>;
  /** The box's summary; an empty one when the box has none. */
  summary(teamId: string, month: string): Promise<BoxSummary>;
  /** Replaces the box's summary with one computed from its slips as they are now (ETag-guarded, retried). */
  rebuildSummary(teamId: string, month: string, compute: (slips: Slip[]) => BoxSummary): Promise<BoxSummary>;
  delete(teamId: string, month: string, slipId: string): Promise<void>;
  /** Retention: the box's summary goes with its slips. */
  removeSummary(teamId: string, month: string): Promise<void>;
}
