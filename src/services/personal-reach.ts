// Where to message a person personally. Most people in a team never open Valued's personal chat,
// so when no 1:1 chat is stored, Valued starts one itself through a team the person is in
// (Teams allows a bot to do this for members of a team it is installed in) and keeps it.
import type { StoredReference } from '../storage/conversation-repository';
import type { MembershipRepository } from '../storage/membership-repository';
import type { ILogger } from '../logger';
import type { ConversationDirectory } from './conversation-directory';

/** Starts a 1:1 chat; 'refused' when Teams says no for good (blocked, app not allowed, not found). */
export interface ConversationStarter {
  startPersonal(via: StoredReference, person: { id: string; teamsId: string; tenantId: string }): Promise<StoredReference | 'refused'>;
}

export class PersonalReach {
  /** One start per person at a time in this process: a winner and nominee card sent together share it. */
  private readonly starting = new Map<string, Promise<StoredReference | undefined>>();

  constructor(
    private readonly directory: ConversationDirectory,
    private readonly memberships: Pick<MembershipRepository, 'list'>,
    private readonly starter: ConversationStarter,
    private readonly logger: ILogger,
  ) {}

  /** The person's 1:1 chat, started now if need be; undefined when nothing can reach them. */
  async referenceFor(personId: string): Promise<StoredReference | undefined> {
    const stored = await this.directory.getPersonal(personId);
    if (stored) return stored;
    let pending = this.starting.get(personId);
    if (!pending) {
      pending = this.start(personId).finally(() => this.starting.delete(personId));
      this.starting.set(personId, pending);
    }
    return pending;
  }

  private async start(personId: string): Promise<StoredReference | undefined> {
    // Two instances may both start one; Teams answers both with the same 1:1 chat, so that is harmless.
    const teams = (await this.memberships.list(personId)).filter((m) => m.teamsId);
    for (const m of teams) {
      const channel = await this.directory.teamChannel(m.teamId);
      if (!channel) continue;
      const tenantId = m.tenantId || String((channel.ref.conversation as { tenantId?: unknown } | undefined)?.tenantId ?? '');
      const ref = await this.starter.startPersonal(channel.ref, { id: personId, teamsId: m.teamsId!, tenantId });
      if (ref === 'refused') {
        this.logger.info('Teams would not start a personal chat; the person is not notified', { teamId: m.teamId });
        return undefined;
      }
      await this.directory.savePersonal(personId, ref);
      this.logger.info('started a personal chat with someone who had not written to Valued', { teamId: m.teamId });
      return ref;
    }
    return undefined;
  }
}
