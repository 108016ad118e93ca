// Deletes records older than each team's retention period, once a day. Several instances may
// all try; a create-only claim in storage lets exactly one of them run each day's job.
import { monthOf, previousMonth } from '../domain/box';
import type { ILogger } from '../logger';
import type { Repositories } from '../storage/repositories';

// How far back past the cut-off to look for old boxes: older ones were removed on earlier days.
const LOOK_BACK_MONTHS = 60;

export interface RetentionResult {
  ran: boolean;
  boxesCleared: number;
  historyEntriesDeleted: number;
  awardsDeleted: number;
  digestPostsDeleted: number;
}

/** The first day that is kept: everything before it is older than `months` months. */
export function retentionCutoff(now: Date, months: number, timeZone: string): { month: string; iso: string } {
  let month = monthOf(now, timeZone);
  for (let i = 0; i < months; i++) month = previousMonth(month);
  return { month, iso: `${month}-01T00:00:00.000Z` };
}

export class RetentionService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
    private readonly timeZone: string,
    private readonly logger: ILogger,
  ) {}

  async runDaily(): Promise<RetentionResult> {
    const now = this.now();
    const result: RetentionResult = { ran: false, boxesCleared: 0, historyEntriesDeleted: 0, awardsDeleted: 0, digestPostsDeleted: 0 };
    if (!(await this.repos.processed.claim(`job|retention|${now.toISOString().slice(0, 10)}`, now, 48))) return result;
    result.ran = true;
    for (const team of await this.repos.teamSettings.listAll()) {
      const cutoff = retentionCutoff(now, team.retentionMonths, team.timeZone || this.timeZone);
      // Boxes before the cut-off month: slips, nominations and votes, one partition each.
      // People who had records in the cleared boxes, members or not: someone who left the team
      // keeps their history, and its old entries go at the same time as everyone else's.
      const formerlyInvolved = new Set<string>();
      let month = previousMonth(cutoff.month);
      for (let i = 0; i < LOOK_BACK_MONTHS; i++, month = previousMonth(month)) {
        const [slips, nominations, votes, round] = await Promise.all([
          this.repos.slips.listBox(team.teamId, month),
          this.repos.nominations.listBox(team.teamId, month),
          this.repos.votes.listBox(team.teamId, month),
          this.repos.awardRounds.get(team.teamId, month),
        ]);
        // The box's summary goes with its slips (one request, even when nothing else is left).
        await this.repos.slips.removeSummary(team.teamId, month);
        if (slips.length + nominations.length + votes.length === 0 && !round) continue;
        for (const s of slips) for (const p of [s.sender, ...s.recipients]) formerlyInvolved.add(p.id);
        for (const n of nominations) formerlyInvolved.add(n.nominee.id);
        await Promise.all([
          ...(round ? [this.repos.awardRounds.remove(team.teamId, month)] : []),
          ...slips.map((s) => this.repos.slips.delete(s.teamId, s.month, s.id)),
          ...nominations.map((n) => this.repos.nominations.remove(n)),
          ...votes.map((v) => this.repos.votes.remove(v.teamId, v.month, v.voterId)),
        ]);
        result.boxesCleared++;
      }
      for (const a of await this.repos.awards.listTeam(team.teamId)) {
        if (a.month < cutoff.month) {
          for (const w of [...a.winners, ...a.highlyCommended]) formerlyInvolved.add(w.id);
          await this.repos.awards.remove(team.teamId, a.month);
          result.awardsDeleted++;
        }
      }
      // Scheduled-digest records: one partition per team, months before the cut-off.
      result.digestPostsDeleted += await this.repos.digestPosts.removeBefore(team.teamId, cutoff.month);
      // Each person's copies of this team's old records.
      const people = new Set([...(await this.repos.memberships.listTeam(team.teamId)).map((m) => m.personId), ...formerlyInvolved]);
      for (const personId of people) {
        result.historyEntriesDeleted += await this.repos.history.deleteTeamEntriesBefore(personId, team.teamId, cutoff.iso);
        // Their notes on those slips go with the slips (a note is about a slip, never kept alone).
        for (const note of await this.repos.reflections.list(personId)) {
          if (note.teamId === team.teamId && note.createdAt < cutoff.iso) await this.repos.reflections.delete(personId, note.slipId);
        }
      }
    }
    this.logger.info('retention ran', { ...result });
    return result;
  }
}
