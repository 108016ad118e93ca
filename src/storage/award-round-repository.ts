import type { AwardRound } from '../domain/award-round';

/** How each box's star of the month is going: one record per team and month. */
export interface AwardRoundRepository {
  get(teamId: string, month: string): Promise<AwardRound | undefined>;
  /**
   * ETag-guarded read-modify-write, starting from `initial` when the box has no record yet.
   * `change` returns undefined to write nothing.
   */
  update(initial: AwardRound, change: (r: AwardRound) => AwardRound | undefined): Promise<{ round: AwardRound; changed: boolean }>;
  /** Changes an existing record only (erasure); nothing happens when the box has none. */
  amend(teamId: string, month: string, change: (r: AwardRound) => AwardRound | undefined): Promise<void>;
  remove(teamId: string, month: string): Promise<void>;
}
