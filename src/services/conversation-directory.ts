// Remembers where the bot can reach people and teams, so later features can notify them.
// Saving on every turn would cost a write per message, so each process saves a given
// reference once; any instance re-saving it later is harmless (it is an upsert).
import type { ConversationRepository, StoredReference } from '../storage/conversation-repository';
import type { MembershipRepository } from '../storage/membership-repository';
import type { TeamSettingsRepository } from '../storage/team-settings-repository';
import { defaultTeamSettings } from '../domain/team-settings';
import type { PersonRef } from '../domain/person';

const MAX_REMEMBERED = 50_000;

export interface TeamPlace {
  tenantId: string;
  teamId: string;
  teamName: string;
  channelId: string;
}

export class ConversationDirectory {
  private readonly saved = new Set<string>();

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly memberships: MembershipRepository,
    private readonly teamSettings: TeamSettingsRepository,
    private readonly now: () => Date = () => new Date()
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
      tasks.push(this.teamSettings.ensure(defaultTeamSettings(place.teamId, place.teamName, place.tenantId, this.now())));
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

  getPersonal(personId: string): Promise<StoredReference | undefined> {
    return this.conversations.getPersonal(personId);
  }
}
