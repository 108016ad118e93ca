// Small per-person and per-team records: profiles, team settings, memberships, conversations.
import type { PersonRef, Profile } from '../../domain/person';
import type { TeamSettings } from '../../domain/team-settings';
import type { ConversationRepository, StoredReference } from '../conversation-repository';
import type { Membership, MembershipRepository } from '../membership-repository';
import type { ProfileRepository } from '../profile-repository';
import type { TeamSettingsRepository } from '../team-settings-repository';
import { DocTable } from './doc-table';
import { keys } from './keys';

export class TableProfileRepository implements ProfileRepository {
  constructor(private readonly t: DocTable<Profile>) {}
  async get(personId: string) {
    return (await this.t.get(keys.person(personId), 'profile'))?.doc;
  }
  async getMany(personIds: string[]) {
    const found = await Promise.all([...new Set(personIds)].map(async (id) => [id, await this.get(id)] as const));
    return new Map(found.filter((f): f is readonly [string, Profile] => f[1] !== undefined));
  }
  put(profile: Profile) {
    return this.t.upsert(keys.person(profile.personId), 'profile', profile);
  }
  delete(personId: string) {
    return this.t.delete(keys.person(personId), 'profile');
  }
}

export class TableTeamSettingsRepository implements TeamSettingsRepository {
  constructor(private readonly t: DocTable<TeamSettings>) {}
  async get(teamId: string) {
    return (await this.t.get(keys.team(teamId), 'settings'))?.doc;
  }
  listAll() {
    return this.t.listAll();
  }
  async ensure(settings: TeamSettings) {
    if (await this.t.create(keys.team(settings.teamId), 'settings', settings)) return settings;
    return (await this.get(settings.teamId)) ?? settings;
  }
  async update(teamId: string, change: (s: TeamSettings) => TeamSettings | undefined) {
    return (await this.t.update(keys.team(teamId), 'settings', change))?.doc;
  }
}

// Each membership is written twice, person → team and team → person, so both are one partition.
export class TableMembershipRepository implements MembershipRepository {
  constructor(private readonly t: DocTable<Membership>) {}
  // Always written: a skip remembered by one process would be wrong once another instance
  // has written a different team for the person or erased their data.
  async record(m: Membership) {
    await Promise.all([this.t.upsert(keys.person(m.personId), keys.team(m.teamId), m), this.t.upsert(keys.teamMembers(m.teamId), keys.person(m.personId), m)]);
  }
  list(personId: string) {
    return this.t.list(keys.person(personId));
  }
  listTeam(teamId: string) {
    return this.t.list(keys.teamMembers(teamId));
  }
  async remove(personId: string) {
    const mine = await this.list(personId);
    await Promise.all(mine.map((m) => this.t.delete(keys.teamMembers(m.teamId), keys.person(personId))));
    await this.t.deletePartition(keys.person(personId));
  }
}

export class TableConversationRepository implements ConversationRepository {
  constructor(private readonly t: DocTable<StoredReference>) {}
  savePerson(person: PersonRef) {
    return this.t.upsert(keys.teamsUser(person.teamsId), 'person', { ...person });
  }
  async deletePerson(personId: string, teamsId: string) {
    await Promise.all([this.t.delete(keys.personConversation(personId), 'personal'), this.t.delete(keys.teamsUser(teamsId), 'person')]);
  }
  async getPersonByTeamsId(teamsId: string) {
    return (await this.t.get(keys.teamsUser(teamsId), 'person'))?.doc as PersonRef | undefined;
  }
  savePersonal(personId: string, ref: StoredReference) {
    return this.t.upsert(keys.personConversation(personId), 'personal', ref);
  }
  async getPersonal(personId: string) {
    return (await this.t.get(keys.personConversation(personId), 'personal'))?.doc;
  }
  saveChannel(teamId: string, channelId: string, ref: StoredReference) {
    return this.t.upsert(keys.teamConversation(teamId), keys.channelRow(channelId), ref);
  }
  async getChannel(teamId: string, channelId: string) {
    return (await this.t.get(keys.teamConversation(teamId), keys.channelRow(channelId)))?.doc;
  }
}
