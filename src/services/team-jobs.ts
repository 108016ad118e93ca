// The scheduled work of every team that is not the digest: closing votes on time and sending the
// reminders that are due. Every instance runs this every few minutes (and POST /api/jobs/digest
// runs it too); storage decides who does what: a vote is closed by one ETag-guarded write, and
// each reminder is claimed create-only before it is sent.
import { DEFAULT_TIME_ZONE, monthOf, previousMonth } from '../domain/box';
import type { TeamSettings } from '../domain/team-settings';
import type { Repositories } from '../storage/repositories';
import { noticeScope } from '../storage/notice-log-repository';
import type { ILogger } from '../logger';
import type { AccessPolicy } from './access-policy';
import type { Notices } from './notices';
import type { ReminderService } from './reminder-service';
import type { TeamVoteService } from './team-vote-service';
import type { BoxReview } from './award-service';

export interface TeamJobsResult {
  /** Votes this run closed, as "teamId|YYYY-MM". */
  votesClosed: string[];
  /** Reminders this run sent, as "teamId|kind". */
  reminders: string[];
  failed: string[];
}

const TEAMS_AT_ONCE = 4;

export class TeamJobs {
  constructor(
    private readonly deps: {
      repos: Pick<Repositories, 'teamSettings' | 'noticeLog'>;
      votes: TeamVoteService;
      reminders: ReminderService;
      notices: Notices;
      policy: AccessPolicy;
      now: () => Date;
      logger: ILogger;
    },
  ) {}

  async runDue(): Promise<TeamJobsResult> {
    const result: TeamJobsResult = { votesClosed: [], reminders: [], failed: [] };
    // The settings table is small, and this is a background job: the one place a whole-table read is fine.
    const teams = (await this.deps.repos.teamSettings.listAll()).filter((s) => !s.removedAt);
    const work = async () => {
      for (let s = teams.shift(); s; s = teams.shift()) {
        try {
          result.votesClosed.push(...(await this.closeDueVotes(s)));
          result.reminders.push(...(await this.deps.reminders.forTeam(s)).map((k) => `${s.teamId}|${k}`));
        } catch (e) {
          result.failed.push(s.teamId);
          this.deps.logger.error('team jobs failed; will try again next run', { teamId: s.teamId, err: (e as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: TEAMS_AT_ONCE }, work));
    if (result.votesClosed.length || result.reminders.length || result.failed.length) this.deps.logger.info('team jobs ran', { ...result });
    return result;
  }

  /** A vote may still be open from last month (opened on the 30th for three working days). */
  private async closeDueVotes(settings: TeamSettings): Promise<string[]> {
    const month = monthOf(this.deps.now(), settings.timeZone || DEFAULT_TIME_ZONE);
    const closed: string[] = [];
    for (const m of [month, previousMonth(month)]) {
      const review = await this.deps.votes.closeIfDue(settings, m);
      if (!review) continue;
      closed.push(`${settings.teamId}|${m}`);
      await this.tellLeads(review);
    }
    return closed;
  }

  /** Only the instance whose write closed the vote gets here; the log claim guards a retry of it too. */
  private async tellLeads(review: BoxReview): Promise<void> {
    const { settings, month, round, tally } = review;
    const shortlist = review.nominees.filter((n) => round.shortlist.includes(n.nominee.id)).map((n) => n.nominee);
    await this.deps.notices
      .showVoteCard(settings, round, shortlist)
      .catch((e) => this.deps.logger.warn('could not close the vote card', { err: (e as Error).message }));
    if (!tally || !(await this.deps.repos.noticeLog.claim(noticeScope.team(settings.teamId), `vote-result|${month}`, this.deps.now())))
      return;
    const names = Object.fromEntries(shortlist.map((p) => [p.id, p.name]));
    await Promise.all(
      this.deps.policy.leadsOf(settings).map((id) => this.deps.notices.tell(id, { kind: 'vote result', settings, month, tally, names })),
    );
  }
}
