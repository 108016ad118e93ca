// Keeps each team's roster: read in full from Teams when Valued is added to a team, then kept
// current by member added/removed events, a daily reconciliation and a lazy check when a team
// is used. Reading a roster is claimed in storage first, so with several instances one reads it.
import type { PersonRef } from '../domain/person';
import { ROSTER_LEASE_MS, rosterIsDue, type RosterMember, type RosterState } from '../domain/roster';
import type { ILogger } from '../logger';
import type { StoredReference } from '../storage/conversation-repository';
import type { Repositories } from '../storage/repositories';
import type { ConversationDirectory } from './conversation-directory';

/** Reads members from Teams. Pages follow the continuation token; each page is 50–500 people. */
export interface RosterSource {
  pages(teamId: string, via: StoredReference): AsyncIterable<RosterMember[]>;
  /** One member, after a member-added event (which carries ids but no name); undefined when unknown. */
  member(teamId: string, teamsId: string, via: StoredReference): Promise<RosterMember | undefined>;
}

/** Teams refused to list the team (throttled past our retries, or the bot lost access): back off. */
export class RosterRefusedError extends Error {}

export type SyncOutcome = 'synced' | 'not due' | 'claimed elsewhere' | 'no channel' | 'inactive' | 'failed';

/** How often one process checks, on a team's activity, whether its roster is due. */
const LAZY_CHECK_MS = 3600_000;
const TEAMS_AT_ONCE = 2;

export class RosterService {
  private readonly lastLazyCheck = new Map<string, number>();

  constructor(
    private readonly deps: {
      repos: Pick<Repositories, 'memberships' | 'rosters' | 'teamSettings'>;
      directory: ConversationDirectory;
      source: RosterSource;
      now: () => Date;
      instanceId: string;
      logger: ILogger;
    },
  ) {}

  /**
   * Reads the team's whole roster and makes the stored members match. `force`: Valued was just
   * added, so read now unless another instance read it in the last minute.
   */
  async sync(teamId: string, options: { force?: boolean; fresh?: boolean } = {}): Promise<SyncOutcome> {
    const { repos, now, instanceId } = this.deps;
    const log = this.deps.logger.child('roster', { teamId });
    const settings = await repos.teamSettings.get(teamId);
    if (!settings || settings.removedAt) return 'inactive';
    const channel = await this.deps.directory.teamChannel(teamId);
    if (!channel) return 'no channel';
    const at = now();
    // `fresh`: read even if it was read a moment ago (the bench, measuring one read after another).
    const due = options.fresh
      ? () => true
      : options.force
        ? (s: RosterState | undefined) => !s?.syncedAt || at.getTime() - Date.parse(s.syncedAt) > 60_000
        : (s: RosterState | undefined) => rosterIsDue(s, at);
    const claim = await repos.rosters.claim(teamId, instanceId, new Date(at.getTime() + ROSTER_LEASE_MS), at, due);
    if (claim !== 'claimed') return claim;
    const started = Date.now();
    try {
      const members: RosterMember[] = [];
      for await (const page of this.deps.source.pages(teamId, channel.ref))
        members.push(...page.filter((m) => !m.teamsId.startsWith('28:')));
      // Teams never lists a team with nobody in it; an empty answer is a fault, and must not empty the roster.
      if (members.length === 0) throw new RosterRefusedError('Teams listed no members');
      const changes = await repos.memberships.syncTeam(teamId, settings.teamName, members);
      await repos.rosters.finish(teamId, instanceId, now(), members.length);
      log.info('roster read', {
        members: members.length,
        added: changes.added,
        removed: changes.removed,
        updated: changes.updated,
        storageRequests: changes.requests,
        ms: Date.now() - started,
      });
      return 'synced';
    } catch (e) {
      const backOff = e instanceof RosterRefusedError;
      await repos.rosters.release(teamId, instanceId, now(), backOff).catch(() => undefined);
      log.warn('roster not read; will try again later', { err: (e as Error).message, backOff });
      return 'failed';
    }
  }

  /** The daily reconciliation: every active team whose roster is due. Safe on any number of instances. */
  async reconcileDue(): Promise<Record<SyncOutcome, string[]>> {
    const result: Record<SyncOutcome, string[]> = {
      synced: [],
      'not due': [],
      'claimed elsewhere': [],
      'no channel': [],
      inactive: [],
      failed: [],
    };
    const now = this.deps.now();
    // A background job over the small settings table: the one place a whole-table read is fine.
    const teams = (await this.deps.repos.teamSettings.listAll()).filter((s) => !s.removedAt);
    const work = async () => {
      for (let t = teams.shift(); t; t = teams.shift()) {
        const state = await this.deps.repos.rosters.get(t.teamId);
        const outcome = rosterIsDue(state, now) ? await this.sync(t.teamId) : 'not due';
        result[outcome].push(t.teamId);
      }
    };
    await Promise.all(Array.from({ length: TEAMS_AT_ONCE }, work));
    return result;
  }

  /** On a team's activity: read its roster if it is older than a day. Checked at most hourly per process. */
  async syncIfStale(teamId: string): Promise<SyncOutcome | undefined> {
    const t = Date.now();
    if (t - (this.lastLazyCheck.get(teamId) ?? 0) < LAZY_CHECK_MS) return undefined;
    if (this.lastLazyCheck.size > 10_000) this.lastLazyCheck.clear();
    this.lastLazyCheck.set(teamId, t);
    const state = await this.deps.repos.rosters.get(teamId);
    return rosterIsDue(state, this.deps.now()) ? this.sync(teamId) : 'not due';
  }

  /** People joined the team (one event may name several). Their names come from Teams when it will say. */
  async membersAdded(teamId: string, tenantId: string, people: PersonRef[]): Promise<void> {
    const settings = await this.deps.repos.teamSettings.get(teamId);
    if (!settings || people.length === 0) return;
    const channel = await this.deps.directory.teamChannel(teamId);
    for (const person of people) {
      const known = channel ? await this.deps.source.member(teamId, person.teamsId, channel.ref).catch(() => undefined) : undefined;
      const member = known ?? { ...person, tenantId };
      await this.deps.repos.memberships.record({
        personId: member.id,
        teamId,
        teamName: settings.teamName,
        lastUsedAt: '',
        teamsId: member.teamsId,
        name: member.name,
        tenantId: member.tenantId || tenantId,
      });
    }
    this.deps.logger.info('members added to a team', { teamId, count: people.length });
  }

  /** Someone left the team: no longer a member. What they received stays in their history. */
  async memberRemoved(teamId: string, personId: string): Promise<void> {
    await this.deps.repos.memberships.removeFromTeam(teamId, personId);
    this.deps.logger.info('member left a team', { teamId });
  }

  /**
   * Valued was removed from the team, or the team was deleted: its scheduled jobs stop and its
   * roster is forgotten. Boxes and history stay until retention, as they do for any team.
   */
  async teamRemoved(teamId: string): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.deps.repos.teamSettings.update(teamId, (s) => (s.removedAt ? undefined : { ...s, removedAt: at }));
    const removed = await this.deps.repos.memberships.removeTeam(teamId);
    await this.deps.repos.rosters.remove(teamId);
    this.deps.directory.forgetTeam(teamId);
    this.deps.logger.info('Valued removed from a team; its roster is forgotten and its jobs stop', { teamId, members: removed });
  }
}
