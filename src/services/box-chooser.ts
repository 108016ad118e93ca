// Which team's monthly box a slip goes into when it is sent outside a team channel.
import type { Membership, MembershipRepository } from '../storage/membership-repository';

export interface TeamChoice {
  teams: Array<{ id: string; name: string }>;
  /** The last team used, or the only one; undefined when the person has none. */
  defaultTeamId?: string;
}

export class BoxChooser {
  constructor(private readonly memberships: MembershipRepository) {}

  async choicesFor(personId: string): Promise<TeamChoice> {
    const list: Membership[] = await this.memberships.list(personId);
    list.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt));
    return { teams: list.map((m) => ({ id: m.teamId, name: m.teamName })), defaultTeamId: list[0]?.teamId };
  }
}
