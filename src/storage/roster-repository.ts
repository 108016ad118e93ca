import type { RosterState } from '../domain/roster';

export type RosterClaim = 'claimed' | 'claimed elsewhere' | 'not due';

/**
 * When each team's roster was last read, and a lease so that one instance at a time reads it.
 * Every write is create-only or ETag-conditional, like the digest's lease.
 */
export interface RosterRepository {
  get(teamId: string): Promise<RosterState | undefined>;
  /**
   * Takes the claim to read the team's roster when no unexpired claim is held and `due` says
   * the stored state needs a read: 'claimed' when this instance now holds it, else why not.
   */
  claim(
    teamId: string,
    instanceId: string,
    leaseUntil: Date,
    now: Date,
    due: (state: RosterState | undefined) => boolean,
  ): Promise<RosterClaim>;
  /** Records a finished read and gives the claim up (only the holder can). */
  finish(teamId: string, instanceId: string, now: Date, memberCount: number): Promise<void>;
  /** Gives the claim up after a failed read; `backOff` records the failure so no one retries at once. */
  release(teamId: string, instanceId: string, now: Date, backOff: boolean): Promise<void>;
  /** Forgets the team's roster state (the bot was removed; a new install reads it afresh). */
  remove(teamId: string): Promise<void>;
}
