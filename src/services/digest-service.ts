// Builds a box's governance digest from that box's own partitions (the month before, for the
// change, and the two months before, with the team's members, for Reach; the card reads those
// two months' summaries instead of their slips): its cost grows with
// the box and the team, never with the table. The sums themselves are the pure rules in
// domain/digest-rules.ts.
import { readMonth } from '../domain/month-words';
import { CodedError } from '../domain/errors';
import { isMonth, monthLabel, monthOf, previousMonth } from '../domain/box';
import type { Digest, DigestTrend } from '../domain/digest';
import { buildDigest } from '../domain/digest-rules';
import type { Nomination } from '../domain/star-of-the-month';
import type { Slip } from '../domain/slip';
import type { BoxSummary } from '../domain/summaries';
import type { Repositories } from '../storage/repositories';

export const TREND_MONTHS = 12;
export const BAD_MONTH = 'Please give the month and year in words, for example: digest May 2026';

// Months usually arrive from a link or a card; a malformed one would read an arbitrary partition.
function checkMonth(month: string): void {
  if (!isMonth(month))
    throw new CodedError('invalid_input', 'Sorry, that isn’t a month Valued recognises. Please choose a month from the list.');
}

export class DigestService {
  constructor(
    private readonly repos: Repositories,
    private readonly timeZone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The digest reviews a finished month, so it opens on the month before this one. */
  defaultMonth(): string {
    return previousMonth(monthOf(this.now(), this.timeZone));
  }

  /** The month a lead asked for (YYYY-MM), or the month before this one; a kind refusal for a month not started yet. */
  chooseMonth(asked: string | undefined): { month: string } | { refusal: string } {
    if (!asked) return { month: this.defaultMonth() };
    const thisMonth = monthOf(this.now(), this.timeZone);
    // "May 2026", "May", "2026-05": read as people write it.
    const month = readMonth(asked, thisMonth);
    if (!month) return { refusal: BAD_MONTH };
    if (month > thisMonth)
      return {
        refusal: `${monthLabel(month)} hasn’t started yet, so there’s no digest for it. Please choose ${monthLabel(thisMonth)} or an earlier month, for example: digest ${monthLabel(this.defaultMonth())}`,
      };
    return { month };
  }

  /** The digest of one box, every figure from its slips: for the read-out, the printable page and the CSV. Throws CodedError('not_found') when the team is unknown. */
  build(teamId: string, month: string): Promise<Digest> {
    return this.assemble(teamId, month, 'slips');
  }

  /**
   * The same digest for the card, with the two months before read from their summaries (their
   * totals and who was thanked are all it needs of them) instead of every slip: two queries of
   * at most 8 rows. This month's slips are still read, because the card's fairness panel (staff
   * groups as people say now), values (team-visible slips only) and first read-out slips need
   * them; see docs/storage-design.md. A box with no summary yet is summed from its slips.
   */
  card(teamId: string, month: string): Promise<Digest> {
    return this.assemble(teamId, month, 'summaries');
  }

  private async assemble(teamId: string, month: string, earlier: 'slips' | 'summaries'): Promise<Digest> {
    checkMonth(month);
    const r = this.repos;
    const before = previousMonth(month);
    const beforeThat = previousMonth(before);
    const bySummary = earlier === 'summaries';
    // Reach looks at this month and the two before, plus the team's members.
    const [
      settings,
      slips,
      previous,
      monthBeforeLast,
      nominations,
      previousNominations,
      monthBeforeLastNominations,
      round,
      award,
      memberships,
    ] = await Promise.all([
      r.teamSettings.get(teamId),
      r.slips.listBox(teamId, month),
      bySummary ? r.slips.summary(teamId, before) : r.slips.listBox(teamId, before),
      bySummary ? r.slips.summary(teamId, beforeThat) : r.slips.listBox(teamId, beforeThat),
      r.nominations.listBox(teamId, month),
      r.nominations.listBox(teamId, before),
      r.nominations.listBox(teamId, beforeThat),
      r.awardRounds.get(teamId, month),
      r.awards.get(teamId, month),
      r.memberships.listTeam(teamId),
    ]);
    if (!settings)
      throw new CodedError('not_found', 'Sorry, Valued doesn’t know this team yet. Please add Valued to the team and try again.');
    const members = [...new Set(memberships.map((m) => m.personId))];
    // Only the people in this box and the team's members: their staff group, preferred title and read-out choice.
    const people = [...new Set([...slips.flatMap((s) => [s.sender.id, ...s.recipients.map((p) => p.id)]), ...members])];
    const profiles = people.length ? await r.profiles.getMany(people) : new Map();
    const months = Array.isArray(previous)
      ? { previousSlips: previous, monthBeforeLastSlips: monthBeforeLast as Slip[] }
      : { previousSlips: [], monthBeforeLastSlips: [], previousBox: previous, monthBeforeLastBox: monthBeforeLast as BoxSummary };
    return buildDigest({
      teamId,
      teamName: settings.teamName,
      month,
      timeZone: settings.timeZone || this.timeZone,
      slips,
      ...months,
      profiles,
      nominations,
      round,
      award,
      members,
      previousNominations,
      monthBeforeLastNominations,
    });
  }

  /**
   * Slips per month for the 12 months ending with `month`, oldest first (12 box reads). Every
   * slip counts, private ones too, the same as the digest's totals.
   */
  async trend(teamId: string, month: string): Promise<DigestTrend> {
    checkMonth(month);
    const months: string[] = [month];
    while (months.length < TREND_MONTHS) months.unshift(previousMonth(months[0]));
    // The summary counts every slip, as listBox did, in at most 8 rows rather than the whole box.
    const counts = await Promise.all(months.map(async (m) => (await this.repos.slips.summary(teamId, m)).slips));
    return months.map((m, i) => ({ month: m, slips: counts[i] }));
  }

  /** The box's nominations, for the CSV export (leads see anonymous nominators too). */
  async nominations(teamId: string, month: string): Promise<Nomination[]> {
    checkMonth(month);
    const list = await this.repos.nominations.listBox(teamId, month);
    return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.nominee.name.localeCompare(b.nominee.name, 'en-GB'));
  }
}
