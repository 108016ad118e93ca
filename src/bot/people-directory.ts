// Turns what Teams gives us (picked Entra ids, mention ids) into people we can name and
// @mention, using the members of the chat or team. The members APIs may refuse or fail:
// then people keep the id we were given and are called "a colleague".
import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { PersonRef } from '../domain/person';
import type { ILogger } from '../logger';
import { personOf, scopeOf } from './activity-info';
import type { ConversationDirectory } from '../services/conversation-directory';

const PAGE = 200;

export class PeopleDirectory {
  private members?: Promise<TeamsChannelAccount[]>;

  constructor(
    private readonly context: TurnContext,
    private readonly teamId: string,
    private readonly logger: ILogger,
    private readonly directory: ConversationDirectory,
  ) {}

  /** Members of this group chat or channel, or of the chosen team when in a personal chat. */
  list(): Promise<TeamsChannelAccount[]> {
    this.members ??= this.load();
    return this.members;
  }

  private async load(): Promise<TeamsChannelAccount[]> {
    try {
      if (scopeOf(this.context.activity) !== 'personal') return (await TeamsInfo.getPagedMembers(this.context, PAGE)).members;
      if (this.teamId) return (await TeamsInfo.getPagedTeamMembers(this.context, this.teamId, PAGE)).members;
    } catch (e) {
      this.logger.warn('could not list members', { err: (e as Error).message });
    }
    return [];
  }

  /** People for the form's choices, without the person filling it in. */
  async choices(excludeId: string): Promise<Array<{ id: string; name: string }>> {
    return (await this.list())
      .map((m) => personOf(m))
      .filter((p): p is PersonRef => !!p && p.id !== excludeId && !p.teamsId.startsWith('28:'))
      .map((p) => ({ id: p.id, name: p.name }))
      .slice(0, 100);
  }

  /** Resolves ids (Entra object ids from the picker, or Teams ids from mentions). */
  async resolve(ids: string[], mentioned: PersonRef[] = []): Promise<PersonRef[]> {
    const members = await this.list();
    return Promise.all(
      ids.map(async (id) => {
        const member = personOf(members.find((m) => m.aadObjectId === id || m.id === id));
        if (member) return member;
        // Someone who has talked to Valued before is known by their Teams id, even where the
        // members APIs can't see them (a mention in a personal chat).
        const known = id.startsWith('29:') ? await this.directory.personByTeamsId(id) : undefined;
        if (known) return known;
        // Teams accepts an Entra object id in a card mention, so an unknown person can still be tagged.
        return mentioned.find((k) => k.id === id || k.teamsId === id) ?? { id, teamsId: id, name: 'A colleague' };
      }),
    );
  }
}
