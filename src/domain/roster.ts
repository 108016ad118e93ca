// A team's roster: who Teams says is in the team. Valued keeps ids and a display name only, so
// it can reach people who never wrote to it, apply membership rules and count "reach".
import type { PersonRef } from './person';

export interface RosterMember extends PersonRef {
  tenantId: string;
}

/** One team's roster bookkeeping: when it was last read from Teams, and who is reading it now. */
export interface RosterState {
  teamId: string;
  /** When a full read of the roster last finished. */
  syncedAt?: string;
  memberCount?: number;
  /** The instance reading the roster now, and until when its claim holds. */
  claimedBy?: string;
  leaseUntil?: string;
  /** When Teams last refused to list members (429 or 403), to back off. */
  failedAt?: string;
  updatedAt: string;
}

/** A roster is read in full at most this often per team (members added or removed are events in between). */
export const ROSTER_MAX_AGE_MS = 24 * 3600_000;
/** After Teams refused (throttled, or the bot lost access), wait this long before trying again. */
export const ROSTER_BACKOFF_MS = 3600_000;
/** A reader that crashed mid-read gives its claim up after this long. */
export const ROSTER_LEASE_MS = 10 * 60_000;

/** Whether the roster should be read again: never read, or read more than a day ago, and not in a back-off. */
export function rosterIsDue(state: RosterState | undefined, now: Date): boolean {
  if (!state?.syncedAt) return !state?.failedAt || now.getTime() - Date.parse(state.failedAt) >= ROSTER_BACKOFF_MS;
  if (state.failedAt && now.getTime() - Date.parse(state.failedAt) < ROSTER_BACKOFF_MS) return false;
  return now.getTime() - Date.parse(state.syncedAt) >= ROSTER_MAX_AGE_MS;
}
