// Small per-person and per-team records: profiles, team settings, memberships, conversations.
import type { PersonRef, Profile } from '../../domain/person';
import type { TeamSettings } from '../../domain/team-settings';
import type { ConversationRepository, StoredReference } from '../conversation-repository';
import type { Membership, MembershipRepository, RosterChanges } from '../membership-repository';
import type { RosterMember } from '../../domain/roster';
import type { ProfileRepository } from '../profile-repository';
import type { TeamSettingsRepository } from '../team-settings-repository';
import { mapInParallel } from '../in-parallel';
import { DocTable } from './doc-table';
import { keys } from './keys';

export class TableProfileRepository implements ProfileRepository {
  constructor(private readonly t: DocTable<Profile>) {}
  async get(personId: string) {
    return (await this.t.get(keys.person(personId), 'profile'))?.doc;
  }
  async getMany(personIds: string[]) {
    const found = await mapInParallel([...new Set(personIds)], async (id) => [id, await this.get(id)] as const);
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
    await Promise.all([
      this.t.upsert(keys.person(m.personId), keys.team(m.teamId), m),
      this.t.upsert(keys.teamMembers(m.teamId), keys.person(m.personId), m),
    ]);
  }
  async get(personId: string, teamId: string) {
    return (await this.t.get(keys.person(personId), keys.team(teamId)))?.doc;
  }
  list(personId: string) {
    return this.t.list(keys.person(personId));
  }
  listTeam(teamId: string) {
    return this.t.list(keys.teamMembers(teamId));
  }
  async syncTeam(teamId: string, teamName: string, members: RosterMember[]): Promise<RosterChanges> {
    const existing = await this.t.entries(keys.teamMembers(teamId));
    let requests = 1 + Math.floor(existing.length / 1000);
    const before = new Map(existing.map((e) => [e.doc.personId, e.doc]));
    const seen = new Set<string>();
    const writes: Membership[] = [];
    let added = 0;
    for (const member of members) {
      if (seen.has(member.id)) continue;
      seen.add(member.id);
      const old = before.get(member.id);
      const next: Membership = {
        personId: member.id,
        teamId,
        teamName,
        lastUsedAt: old?.lastUsedAt ?? '',
        teamsId: member.teamsId,
        name: member.name,
        tenantId: member.tenantId,
      };
      if (!old) added++;
      else if (old.teamsId === next.teamsId && old.name === next.name && old.teamName === next.teamName && old.tenantId === next.tenantId)
        continue;
      writes.push(next);
    }
    const leavers = existing.filter((e) => !seen.has(e.doc.personId));
    // The team's side goes in batches of 100 (one partition); each person's side is its own partition.
    await this.t.upsertMany(
      keys.teamMembers(teamId),
      writes.map((m) => ({ rk: keys.person(m.personId), doc: m })),
    );
    requests += Math.ceil(writes.length / 100);
    await mapInParallel(writes, (m) => this.t.upsert(keys.person(m.personId), keys.team(teamId), m));
    await mapInParallel(leavers, (e) => this.removeFromTeam(teamId, e.doc.personId));
    requests += writes.length + leavers.length * 2;
    return { added, removed: leavers.length, updated: writes.length - added, requests };
  }
  async removeFromTeam(teamId: string, personId: string) {
    await Promise.all([
      this.t.delete(keys.person(personId), keys.team(teamId)),
      this.t.delete(keys.teamMembers(teamId), keys.person(personId)),
    ]);
  }
  async removeTeam(teamId: string) {
    const members = await this.listTeam(teamId);
    await mapInParallel(members, (m) => this.t.delete(keys.person(m.personId), keys.team(teamId)));
    await this.t.deletePartition(keys.teamMembers(teamId));
    return members.length;
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
