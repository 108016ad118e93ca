// Profiles, team settings and personal chat references, read through a short per-process
// cache (TtlCache). How stale each can be, and why that is safe with several instances:
// - a profile (title, staff group, notification choice): a change made on another instance
//   shows here within the lifetime. A card may show the old title, one notification may still
//   go out, or one slip count under the old staff group, for that long; nothing is lost.
// - team settings (values, time zone, name): a slip checked against values the lead removed a
//   moment ago on another instance may still carry one; leads' own screens write through here.
// - personal chat references: a newer one saved on another instance is used here once the
//   entry expires; until then the older reference of the same chat still reaches the person.
// Every write made through these repositories replaces or drops the entry at once, so this
// instance sees its own changes immediately. Lists, rosters and ETag-guarded reads are never cached.
import type { Profile } from '../../domain/person';
import type { TeamSettings } from '../../domain/team-settings';
import type { ConversationRepository, StoredReference } from '../conversation-repository';
import type { ProfileRepository } from '../profile-repository';
import type { Repositories } from '../repositories';
import type { TeamSettingsRepository } from '../team-settings-repository';
import { mapInParallel } from '../in-parallel';
import { TtlCache } from './ttl-cache';

/** How long a cached read is trusted; see above for why this is short enough. */
export const CACHE_TTL_MS = 30_000;

class CachedProfiles implements ProfileRepository {
  private readonly cache: TtlCache<Profile | undefined>;
  constructor(
    private readonly inner: ProfileRepository,
    ttlMs: number,
  ) {
    this.cache = new TtlCache(ttlMs);
  }
  get(personId: string) {
    return this.cache.get(personId, () => this.inner.get(personId));
  }
  async getMany(personIds: string[]) {
    const found = await mapInParallel([...new Set(personIds)], async (id) => [id, await this.get(id)] as const);
    return new Map(found.filter((f): f is readonly [string, Profile] => f[1] !== undefined));
  }
  async put(profile: Profile) {
    this.cache.delete(profile.personId);
    await this.inner.put(profile);
    this.cache.set(profile.personId, profile);
  }
  async delete(personId: string) {
    this.cache.delete(personId);
    await this.inner.delete(personId);
    this.cache.set(personId, undefined);
  }
}

class CachedTeamSettings implements TeamSettingsRepository {
  private readonly cache: TtlCache<TeamSettings | undefined>;
  constructor(
    private readonly inner: TeamSettingsRepository,
    ttlMs: number,
  ) {
    this.cache = new TtlCache(ttlMs);
  }
  get(teamId: string) {
    return this.cache.get(teamId, () => this.inner.get(teamId));
  }
  listAll() {
    return this.inner.listAll();
  }
  async ensure(settings: TeamSettings) {
    const stored = await this.inner.ensure(settings);
    this.cache.set(settings.teamId, stored);
    return stored;
  }
  async update(teamId: string, change: (s: TeamSettings) => TeamSettings | undefined) {
    this.cache.delete(teamId);
    const stored = await this.inner.update(teamId, change);
    this.cache.delete(teamId);
    return stored;
  }
}

class CachedConversations implements ConversationRepository {
  private readonly personal: TtlCache<StoredReference | undefined>;
  constructor(
    private readonly inner: ConversationRepository,
    ttlMs: number,
  ) {
    this.personal = new TtlCache(ttlMs);
  }
  async savePersonal(personId: string, ref: StoredReference) {
    this.personal.delete(personId);
    await this.inner.savePersonal(personId, ref);
    this.personal.set(personId, ref);
  }
  getPersonal(personId: string) {
    return this.personal.get(personId, () => this.inner.getPersonal(personId));
  }
  saveChannel(teamId: string, channelId: string, ref: StoredReference) {
    return this.inner.saveChannel(teamId, channelId, ref);
  }
  savePerson(person: Parameters<ConversationRepository['savePerson']>[0]) {
    return this.inner.savePerson(person);
  }
  getPersonByTeamsId(teamsId: string) {
    return this.inner.getPersonByTeamsId(teamsId);
  }
  async deletePerson(personId: string, teamsId: string) {
    this.personal.delete(personId);
    await this.inner.deletePerson(personId, teamsId);
    this.personal.set(personId, undefined);
  }
  getChannel(teamId: string, channelId: string) {
    return this.inner.getChannel(teamId, channelId);
  }
}

/** The same repositories, with the rarely-changing reads above cached for `ttlMs`. */
export function withReadCaches(repos: Repositories, ttlMs = CACHE_TTL_MS): Repositories {
  return {
    ...repos,
    profiles: new CachedProfiles(repos.profiles, ttlMs),
    teamSettings: new CachedTeamSettings(repos.teamSettings, ttlMs),
    conversations: new CachedConversations(repos.conversations, ttlMs),
  };
}
