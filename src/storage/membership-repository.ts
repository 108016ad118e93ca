export interface Membership {
  personId: string;
  teamId: string;
  teamName: string;
  lastUsedAt: string;
}

/** Which teams a person has used Valued in (to choose a box), and who a team's people are. */
export interface MembershipRepository {
  record(m: Membership): Promise<void>;
  list(personId: string): Promise<Membership[]>;
  /** Everyone seen in a team (for retention and erasure): one partition. */
  listTeam(teamId: string): Promise<Membership[]>;
  remove(personId: string): Promise<void>;
}
