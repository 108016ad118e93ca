export interface Membership {
  personId: string;
  teamId: string;
  teamName: string;
  lastUsedAt: string;
}

/** Which teams a person has used Valued in, to choose a box when they send from a chat. */
export interface MembershipRepository {
  record(m: Membership): Promise<void>;
  list(personId: string): Promise<Membership[]>;
}
