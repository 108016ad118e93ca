// Remembers where the bot can reach people and teams, so later features can notify them.
// Saving on every turn would cost a write per message, so each process saves a given
// reference once; any instance re-saving it later is harmless (it is an upsert).
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

export class ConversationDirectory {
  private readonly saved = new Set<string>();
  private readonly lastChannel = new Map<string, string>();

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly memberships: MembershipRepository,
    private readonly teamSettings: TeamSettingsRepository,
    private readonly now: () => Date = () => new Date(),
    /** Leads named in configuration: a team's settings start with them. */
    private readonly firstLeadIds: readonly string[] = []
  ) {}

  private firstTime(key: string): boolean {
    if (this.saved.has(key)) return false;
    if (this.saved.size >= MAX_REMEMBERED) this.saved.clear();
    this.saved.add(key);
    return true;
  }

  /** True when this is the first reference stored for the person's personal chat. */
  async rememberPersonal(personId: string, conversationId: string, ref: StoredReference, force = false): Promise<boolean> {
    if (!force && !this.firstTime(`p|${personId}|${conversationId}`)) return false;
    const existing = await this.conversations.getPersonal(personId);
    const known = (existing?.conversation as { id?: string } | undefined)?.id === conversationId;
    if (!known) await this.conversations.savePersonal(personId, ref);
    return !known;
  }

  async rememberTeam(place: TeamPlace, ref: StoredReference, personId?: string): Promise<void> {
    const tasks: Array<Promise<unknown>> = [];
    if (this.firstTime(`t|${place.teamId}|${place.channelId}`)) {
      tasks.push(this.conversations.saveChannel(place.teamId, place.channelId, ref));
      tasks.push(
        this.teamSettings.ensure(defaultTeamSettings(place.teamId, place.teamName, place.tenantId, this.now(), this.firstLeadIds)).then((stored) =>
          // A team first seen without its name gets it as soon as it is known.
          stored.teamName !== place.teamName && place.teamName !== PLACEHOLDER_TEAM_NAME ? this.teamSettings.update(place.teamId, (s) => ({ ...s, teamName: place.teamName })) : undefined
        )
      );
    }
    // Where the team was last seen: team-wide posts (the vote, the award) go there when no
    // governance channel is set. Written only when the channel changes, not on every message.
    if (this.lastChannel.get(place.teamId) !== place.channelId) {
      this.lastChannel.set(place.teamId, place.channelId);
      if (this.lastChannel.size > MAX_REMEMBERED) this.lastChannel.clear();
      tasks.push(this.conversations.saveChannel(place.teamId, LATEST_CHANNEL, { ...ref, valuedChannelId: place.channelId }));
    }
    if (personId && this.firstTime(`m|${personId}|${place.teamId}`)) {
      tasks.push(this.memberships.record({ personId, teamId: place.teamId, teamName: place.teamName, lastUsedAt: this.now().toISOString() }));
    }
    await Promise.all(tasks);
  }

  /** Remembers who a Teams id belongs to (once per process), so mentions can be resolved later. */
  async rememberPerson(person: PersonRef): Promise<void> {
    if (person.id === person.teamsId || !this.firstTime(`u|${person.teamsId}`)) return;
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
    const conversation = { ...((ref.conversation as Record<string, unknown>) ?? {}), id: target, conversationType: 'channel', isGroup: true };
    return { ref: { ...ref, conversation, activityId: undefined }, channelId: target };
  }

  getPersonal(personId: string): Promise<StoredReference | undefined> {
    return this.conversations.getPersonal(personId);
  }
}
