// Every personal message (a slip received, an award, a nomination's reasons) goes through here:
// to the person's 1:1 chat, which Valued starts itself when the person never wrote first.
// The outcome is 'not notified' when nothing can reach them; refusals are never retried.
import type { Activity, ConversationReference } from 'botbuilder';
import type { ILogger } from '../../logger';
import type { ConversationStarter, PersonalReach } from '../../services/personal-reach';
import type { StoredReference } from '../../storage/conversation-repository';
import { statusOf, type TeamsSender } from './teams-sender';

export type Told = 'sent' | 'not notified';

/** Statuses that mean "this person can't be reached this way", not "try again". */
const REFUSED = new Set([400, 401, 403, 404]);

export class PersonalMessenger {
  constructor(
    private readonly reach: PersonalReach,
    private readonly sender: TeamsSender,
    private readonly logger: ILogger,
  ) {}

  async tell(personId: string, activity: Partial<Activity>, what: string): Promise<Told> {
    try {
      const ref = await this.reach.referenceFor(personId);
      if (!ref) return 'not notified';
      await this.sender.send(ref as Partial<ConversationReference>, activity, what);
      return 'sent';
    } catch (e) {
      this.logger.warn('a person could not be told', { what, status: statusOf(e), err: (e as Error).message });
      return 'not notified';
    }
  }
}

/** Starts 1:1 chats through the Bot Framework; a refusal (blocked, app not allowed) is final. */
export class TeamsConversationStarter implements ConversationStarter {
  constructor(private readonly sender: TeamsSender) {}

  async startPersonal(
    via: StoredReference,
    person: { id: string; teamsId: string; tenantId: string },
  ): Promise<StoredReference | 'refused'> {
    try {
      return (await this.sender.startPersonal(via as Partial<ConversationReference>, person)) as unknown as StoredReference;
    } catch (e) {
      const status = statusOf(e);
      if (status !== undefined && REFUSED.has(status)) return 'refused';
      throw e;
    }
  }
}
