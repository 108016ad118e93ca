import type { RosterMember } from '../domain/roster';

export interface Membership {
  personId: string;
  teamId: string;
  teamName: string;
  /** When the person last used Valued in the team; '' when only the team's roster knows them. */
  lastUsedAt: string;
  /** From the roster or their own activity: how to reach them without them writing first. */
  teamsId?: string;
  name?: string;
  tenantId?: string;
}

export interface RosterChanges {
  added: number;
  removed: number;
  updated: number;
  /** Storage requests the sync made (reads and writes), for the bench and the logs. */
  requests: number;
}

/**
 * Who is in each team: the team's roster from Teams, plus anyone seen using Valued there.
 * Written both ways, person → team and team → person, so each read is one partition.
 */
export interface MembershipRepository {
  record(m: Membership): Promise<void>;
  /** Whether the person is a member of the team: one point read. */
  get(personId: string, teamId: string): Promise<Membership | undefined>;
  list(personId: string): Promise<Membership[]>;
  /** The team's members: one partition. */
  listTeam(teamId: string): Promise<Membership[]>;
  /**
   * Makes the team's members exactly `members` (a full roster from Teams): adds the new,
   * refreshes changed names, removes those who left. Writes only what changed.
   */
  syncTeam(teamId: string, teamName: string, members: RosterMember[]): Promise<RosterChanges>;
  /** One person left the team. Their history is theirs and stays. */
  removeFromTeam(teamId: string, personId: string): Promise<void>;
  /** Every membership of the team (the bot was removed from it). */
  removeTeam(teamId: string): Promise<number>;
  /** Every membership of the person (erasure). */
  remove(personId: string): Promise<void>;
}
