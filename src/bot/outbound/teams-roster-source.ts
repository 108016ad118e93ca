// Reads a team's members through the Bot Framework's paged members API, 500 a page (Teams'
// largest), following the continuation token. Each page goes through the sender, so Teams'
// 429s are retried with backoff; what still fails after that is a refusal to back off from.
import { TeamsInfo, type ConversationReference, type TeamsChannelAccount } from 'botbuilder';
import type { RosterMember } from '../../domain/roster';
import type { StoredReference } from '../../storage/conversation-repository';
import { RosterRefusedError, type RosterSource } from '../../services/roster-service';
import { personOf } from '../activity-info';
import { statusOf, type TeamsSender } from './teams-sender';

const PAGE_SIZE = 500;

function toMember(account: TeamsChannelAccount, fallbackTenant: string): RosterMember | undefined {
  const person = personOf(account);
  return person && { ...person, tenantId: account.tenantId || fallbackTenant };
}

const tenantOfRef = (ref: StoredReference): string => String((ref.conversation as { tenantId?: unknown } | undefined)?.tenantId ?? '');

export class TeamsRosterSource implements RosterSource {
  constructor(private readonly sender: TeamsSender) {}

  async *pages(teamId: string, via: StoredReference): AsyncIterable<RosterMember[]> {
    const ref = via as Partial<ConversationReference>;
    let token: string | undefined;
    do {
      const page = await this.refusals(() =>
        this.sender.call(ref, `roster|${teamId}`, 'roster page', (ctx) => TeamsInfo.getPagedTeamMembers(ctx, teamId, PAGE_SIZE, token)),
      );
      yield (page.members ?? []).map((m) => toMember(m, tenantOfRef(via))).filter((m): m is RosterMember => !!m);
      token = page.continuationToken || undefined;
    } while (token);
  }

  async member(teamId: string, teamsId: string, via: StoredReference): Promise<RosterMember | undefined> {
    const account = await this.sender.call(via as Partial<ConversationReference>, `roster|${teamId}`, 'roster member', (ctx) =>
      TeamsInfo.getTeamMember(ctx, teamId, teamsId),
    );
    return toMember(account, tenantOfRef(via));
  }

  private async refusals<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      const status = statusOf(e);
      if (status === 429 || status === 403 || status === 404) throw new RosterRefusedError(`Teams refused to list members (${status})`);
      throw e;
    }
  }
}
