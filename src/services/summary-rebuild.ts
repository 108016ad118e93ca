// Recomputes summaries from the rows they sum: to prove the write-time sums (the tests compare
// the two after a randomised run), to repair one, and once after upgrading, for boxes and
// histories written before summaries existed. Each rebuild is ETag-guarded, so it is safe
// while slips are being sent.
import { monthOf, previousMonth } from '../domain/box';
import { boxSummaryOf, type BoxSummary, type PersonSummary } from '../domain/summaries';
import type { Repositories } from '../storage/repositories';

// Slips sent where no team was known are kept as long as a team's default.
const NO_TEAM_RETENTION_MONTHS = 24;

export class SummaryRebuild {
  constructor(
    private readonly repos: Pick<Repositories, 'slips' | 'history' | 'teamSettings' | 'memberships'>,
    private readonly timeZone: string,
  ) {}

  box(teamId: string, month: string): Promise<BoxSummary> {
    return this.repos.slips.rebuildSummary(teamId, month, boxSummaryOf);
  }

  person(personId: string): Promise<PersonSummary> {
    return this.repos.history.rebuildSummary(personId);
  }

  /** Every team's boxes within its retention, and everyone in them or in the team. */
  async all(now: Date, log: (line: string) => void = () => {}): Promise<{ boxes: number; people: number }> {
    const people = new Set<string>();
    let boxes = 0;
    const teams = await this.repos.teamSettings.listAll();
    for (const team of [...teams, { teamId: '', retentionMonths: NO_TEAM_RETENTION_MONTHS, timeZone: '' }]) {
      let month = monthOf(now, team.timeZone || this.timeZone);
      for (let i = 0; i <= team.retentionMonths; i++, month = previousMonth(month)) {
        const slips = await this.repos.slips.listBox(team.teamId, month);
        if (slips.length === 0) continue;
        for (const s of slips) for (const p of s.recipients) people.add(p.id);
        await this.box(team.teamId, month);
        boxes++;
        log(`box ${team.teamId || '(no team)'} ${month}: ${slips.length} slips`);
      }
      if (team.teamId) for (const m of await this.repos.memberships.listTeam(team.teamId)) people.add(m.personId);
    }
    for (const id of people) await this.person(id);
    log(`people: ${people.size}`);
    return { boxes, people: people.size };
  }
}
