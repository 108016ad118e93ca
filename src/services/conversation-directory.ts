// Remembers where the bot can reach people and teams, and keeps that fresh: Teams may move a
// tenant to another service address (serviceUrl) at any time, and each incoming activity
// carries the one to use now. Each process remembers what it last saw per person and channel,
// so storage is read only when something may have changed and written only when it has.
import type { ConversationRepository, StoredReference } from '../storage/conversation-repository';
import type { MembershipRepository } from '../storage/membership-repository';
import type { TeamSettingsRepository } from '../storage/team-settings-repository';
import { defaultTeamSettings, PLACEHOLDER_TEAM_NAME } from '../domain/team-settings';
import type { PersonRef } from '../domain/person';

const MAX_REMEMBERED = 50_000;
/** The row that holds where a team was last seen (channel ids start "19:", so it cannot clash). */
const LATEST_CHANNEL = 'latest';

export interface TeamPlace {
  tenantId: string;
  teamId: string;
  teamName: string;
  channelId: string;
}

const serviceUrlOf = (ref: StoredReference | undefined): string => String(ref?.serviceUrl ?? '');
const conversationIdOf = (ref: StoredReference | undefined): string =>
  String((ref?.conversation as { id?: unknown } | undefined)?.id ?? '');

/** A small map that forgets everything when full: a forgotten entry costs one storage read, never a wrong answer. */
class Seen {
  private readonly map = new Map<string, string>();
  get(key: string): string | undefined {
    return this.map.get(key);
  }
  set(key: string, value: string): void {
    if (this.map.size >= MAX_REMEMBERED) this.map.clear();
    this.map.set(key, value);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
}

export class ConversationDirectory {
  private readonly seen = new Seen();

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly memberships: MembershipRepository,
    private readonly teamSettings: TeamSettingsRepository,
    private readonly now: () => Date = () => new Date(),
    /** Leads named in configuration: a team's settings start with them. */
    private readonly firstLeadIds: readonly string[] = [],
  ) {}

  /**
   * Saves the person's personal chat when it is new, or when its conversation or service
   * address changed. True when this conversation is new to Valued (so it is welcomed once).
   */
  async rememberPersonal(personId: string, conversationId: string, ref: StoredReference, force = false): Promise<boolean> {
    const key = `p|${personId}`;
    const fingerprint = `${conversationId}|${serviceUrlOf(ref)}`;
    if (!force && this.seen.get(key) === fingerprint) return false;
    const existing = await this.conversations.getPersonal(personId);
    const same = conversationIdOf(existing) === conversationId && serviceUrlOf(existing) === serviceUrlOf(ref);
    if (!same) await this.conversations.savePersonal(personId, ref);
    this.seen.set(key, fingerprint);
    return conversationIdOf(existing) !== conversationId;
  }

  /**
   * A person's activity anywhere (a channel, a group chat) carries the service address to use
   * for them now: when their stored personal chat has an older one, it is moved over.
   */
  async refreshServiceUrl(personId: string, serviceUrl: string): Promise<void> {
    if (!serviceUrl) return;
    const key = `p|${personId}`;
    const known = this.seen.get(key);
    if (known !== undefined && known.endsWith(`|${serviceUrl}`)) return;
    const existing = await this.conversations.getPersonal(personId);
    if (existing && serviceUrlOf(existing) !== serviceUrl) await this.conversations.savePersonal(personId, { ...existing, serviceUrl });
    // Nothing stored yet: remembered as "none" so the next activity doesn't read again.
    this.seen.set(key, `${conversationIdOf(existing)}|${serviceUrl}`);
  }

  /** `force`: Valued was just added to the team, so its settings are checked whatever this process saw before. */
  async rememberTeam(place: TeamPlace, ref: StoredReference, person?: PersonRef, force = false): Promise<void> {
    const tasks: Array<Promise<unknown>> = [];
    const url = serviceUrlOf(ref);
    const channelKey = `t|${place.teamId}|${place.channelId}`;
    if (force || this.seen.get(channelKey) !== url) {
      this.seen.set(channelKey, url);
      tasks.push(this.conversations.saveChannel(place.teamId, place.channelId, ref));
      tasks.push(
        this.teamSettings
          .ensure(defaultTeamSettings(place.teamId, place.teamName, place.tenantId, this.now(), this.firstLeadIds))
          .then((stored) => {
            // A team first seen without its name gets it as soon as it is known; a team Valued
            // was removed from and is used again is active again.
            const named = stored.teamName !== place.teamName && place.teamName !== PLACEHOLDER_TEAM_NAME;
            if (!named && !stored.removedAt) return undefined;
            return this.teamSettings.update(place.teamId, (s) => ({
              ...s,
              ...(named ? { teamName: place.teamName } : {}),
              removedAt: undefined,
            }));
          }),
      );
    }
    // Where the team was last seen: team-wide posts (the vote, the award) go there when no
    // governance channel is set, and 1:1 chats are started through its service address.
    // Written only when the channel or the address changes, not on every message.
    const latestKey = `l|${place.teamId}`;
    if (this.seen.get(latestKey) !== `${place.channelId}|${url}`) {
      this.seen.set(latestKey, `${place.channelId}|${url}`);
      tasks.push(this.conversations.saveChannel(place.teamId, LATEST_CHANNEL, { ...ref, valuedChannelId: place.channelId }));
    }
    if (person && this.seen.get(`m|${person.id}|${place.teamId}`) === undefined) {
      this.seen.set(`m|${person.id}|${place.teamId}`, '');
      tasks.push(
        this.memberships.record({
          personId: person.id,
          teamId: place.teamId,
          teamName: place.teamName,
          lastUsedAt: this.now().toISOString(),
          teamsId: person.teamsId,
          name: person.name,
          tenantId: place.tenantId,
        }),
      );
    }
    await Promise.all(tasks);
  }

  /** Forgets what this process saw of a team (Valued was removed from it), so a re-install saves afresh. */
  forgetTeam(teamId: string): void {
    this.seen.delete(`l|${teamId}`);
  }

  /** Remembers who a Teams id belongs to (once per process), so mentions can be resolved later. */
  async rememberPerson(person: PersonRef): Promise<void> {
    if (person.id === person.teamsId || this.seen.get(`u|${person.teamsId}`) !== undefined) return;
    this.seen.set(`u|${person.teamsId}`, '');
    await this.conversations.savePerson(person);
  }

  personByTeamsId(teamsId: string): Promise<PersonRef | undefined> {
    return this.conversations.getPersonByTeamsId(teamsId);
  }

  /**
   * A reference that posts a new message in one of the team's channels: the governance
   * channel when one is set, else where the team was last seen. Undefined when Valued has
   * never been used in the team.
   */
  async teamChannel(teamId: string, channelId?: string): Promise<{ ref: StoredReference; channelId: string } | undefined> {
    const latest = await this.conversations.getChannel(teamId, LATEST_CHANNEL);
    if (!latest) return undefined;
    const target = channelId || String(latest.valuedChannelId ?? '');
    if (!target) return undefined;
    const { valuedChannelId: _, ...ref } = latest;
    // A channel's own id as the conversation starts a new post there rather than a reply.
    const conversation = {
      ...((ref.conversation as Record<string, unknown>) ?? {}),
      id: target,
      conversationType: 'channel',
      isGroup: true,
    };
    return { ref: { ...ref, conversation, activityId: undefined }, channelId: target };
  }

  getPersonal(personId: string): Promise<StoredReference | undefined> {
    return this.conversations.getPersonal(personId);
  }

  /** Stores the 1:1 chat Valued started itself with someone who had never written to it. */
  async savePersonal(personId: string, ref: StoredReference): Promise<void> {
    await this.conversations.savePersonal(personId, ref);
    this.seen.set(`p|${personId}`, `${conversationIdOf(ref)}|${serviceUrlOf(ref)}`);
  }
}
