// Posts each team's digest for the month before, on the team's digest day, exactly once even
// with several instances running this: a box is claimed with an ETag-conditional lease in
// storage, posted, and the posted message id recorded. A failed post gives the claim back, so
// the next run (on any instance) tries again; a crashed instance's claim lapses after the lease.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Digest, DigestPost } from '../domain/digest';
import { dueDigestMonth } from '../domain/digest-timing';
import { CodedError } from '../domain/errors';
import type { TeamSettings } from '../domain/team-settings';
import type { ILogger } from '../logger';
import type { Repositories } from '../storage/repositories';
import type { DigestService } from './digest-service';

/** Puts a digest card in the team's governance channel; the posted message id, or undefined when there was nowhere to post. */
export interface DigestPoster {
  post(settings: TeamSettings, digest: Digest): Promise<string | undefined>;
  /** Whether there is anywhere to post yet, asked before the digest is built (building reads the box). */
  hasPlace?(settings: TeamSettings): Promise<boolean>;
}

export interface DigestRunResult {
  /** Boxes this run posted, as "teamId|YYYY-MM". */
  posted: string[];
  /** Boxes already posted or claimed by another instance (or with nothing to post). */
  skipped: string[];
  failed: string[];
}

export type PostOutcome = 'posted' | 'already' | 'claimed elsewhere' | 'nothing to post';

export const DEFAULT_LEASE_MINUTES = 10;

/** This process, for the lease: host, process id and a random part (pids repeat across containers). */
export function instanceId(): string {
  return `${hostname()}|${process.pid}|${randomBytes(4).toString('hex')}`;
}

/** The poster knew no channel for the team: nothing was posted, and the next run tries again. */
export class NoChannelError extends Error {
  constructor(teamId: string) {
    super(`no governance channel known for team ${teamId}`);
  }
}

const isDone = (p: DigestPost | undefined) => Boolean(p && (p.postedAt || p.postedActivityId));
// A box with nothing in it (say, the month before Valued was added) is not worth a card.
const isEmpty = (d: Digest) => d.totals.slips === 0 && d.nominations.nominations === 0 && !d.award;
const MARK_ATTEMPTS = 3;
const TEAMS_AT_ONCE = 4;

export class DigestScheduler {
  private readonly log: ILogger;

  constructor(
    private readonly deps: {
      repos: Repositories;
      digests: DigestService;
      poster: DigestPoster;
      now: () => Date;
      instanceId: string;
      logger: ILogger;
      leaseMinutes?: number;
      /** After a digest is posted and recorded (once per box): the "digest ready" reminder to leads. */
      afterPost?: (settings: TeamSettings, month: string) => Promise<unknown>;
    },
  ) {
    this.log = deps.logger.child('digest-scheduler', { instanceId: deps.instanceId });
  }

  /** Posts every digest that is due and not yet posted. Safe to call from any number of instances at once. */
  async runDue(): Promise<DigestRunResult> {
    const result: DigestRunResult = { posted: [], skipped: [], failed: [] };
    const now = this.deps.now();
    // The settings table is small, and this is a background job: the one place a whole-table read is fine.
    // A team Valued was removed from gets no scheduled posts.
    const due = (await this.deps.repos.teamSettings.listAll()).flatMap((settings) => {
      if (settings.removedAt) return [];
      const month = dueDigestMonth(now, settings);
      return month ? [{ settings, month }] : [];
    });
    // A few teams at a time: one slow team doesn't hold the rest up, and storage isn't flooded.
    const work = async (): Promise<void> => {
      for (let next = due.shift(); next; next = due.shift()) {
        const { settings, month } = next;
        const box = `${settings.teamId}|${month}`;
        try {
          const outcome = await this.postBox(settings, month);
          (outcome === 'posted' ? result.posted : result.skipped).push(box);
        } catch (e) {
          result.failed.push(box);
          const data = { teamId: settings.teamId, month, error: e instanceof Error ? e.message : String(e) };
          if (e instanceof NoChannelError)
            this.log.warn('digest not posted: no governance channel known yet; will try again next run', data);
          else this.log.error('digest post failed; will try again next run', data);
        }
      }
    };
    await Promise.all(Array.from({ length: TEAMS_AT_ONCE }, work));
    if (result.posted.length || result.failed.length)
      this.log.info('digest run', { posted: result.posted.length, skipped: result.skipped.length, failed: result.failed.length });
    return result;
  }

  /**
   * Posts one box's digest unless it is posted already or another instance holds the claim.
   * Throws (after giving the claim back) when building or posting fails, and NoChannelError
   * when the poster had nowhere to post.
   */
  async postFor(teamId: string, month: string): Promise<PostOutcome> {
    const settings = await this.deps.repos.teamSettings.get(teamId);
    if (!settings)
      throw new CodedError('not_found', 'Sorry, Valued doesn’t know this team yet. Please add Valued to the team and try again.');
    return this.postBox(settings, month);
  }

  private async postBox(settings: TeamSettings, month: string): Promise<PostOutcome> {
    const { repos, digests, poster, now } = this.deps;
    const me = this.deps.instanceId;
    const { teamId } = settings;
    if (isDone(await repos.digestPosts.get(teamId, month))) return 'already';
    // A team Valued has never seen in a channel would otherwise have its box read every run.
    if (poster.hasPlace && !(await poster.hasPlace(settings))) throw new NoChannelError(teamId);
    const at = now();
    const leaseUntil = new Date(at.getTime() + (this.deps.leaseMinutes ?? DEFAULT_LEASE_MINUTES) * 60_000);
    if (!(await repos.digestPosts.claim(teamId, month, me, leaseUntil, at))) {
      return isDone(await repos.digestPosts.get(teamId, month)) ? 'already' : 'claimed elsewhere';
    }

    let activityId: string | undefined;
    try {
      const digest = await digests.card(teamId, month);
      if (isEmpty(digest)) {
        await repos.digestPosts.markNothingToPost(teamId, month, me, now());
        this.log.info('digest not posted: the box is empty', { teamId, month });
        return 'nothing to post';
      }
      activityId = await poster.post(settings, digest);
      if (!activityId) throw new NoChannelError(teamId);
    } catch (e) {
      await repos.digestPosts
        .release(teamId, month, me)
        .catch((err) => this.log.warn('could not release the digest claim; it will lapse', { teamId, month, error: String(err) }));
      throw e;
    }

    // The card is in the channel now. Keep the claim (never release it) until this is recorded,
    // so at worst a storage outage here means a second post after the lease, never straight away.
    for (let attempt = 1; ; attempt++) {
      try {
        const recorded = await repos.digestPosts.markPosted(teamId, month, me, activityId, now());
        if (recorded) {
          this.log.info('digest posted', { teamId, month, activityId });
          await this.deps.afterPost?.(settings, month).catch((e) => this.log.warn('leads not told of the digest', { err: String(e) }));
        } else this.log.error('digest posted after this instance’s claim lapsed; it may appear twice', { teamId, month, activityId });
        return 'posted';
      } catch (e) {
        if (attempt >= MARK_ATTEMPTS) {
          this.log.error('digest posted but not recorded; it may be posted again once the claim lapses', {
            teamId,
            month,
            activityId,
            error: String(e),
          });
          throw e;
        }
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }
}
