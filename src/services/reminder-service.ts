// Kind reminders, each a team setting (see domain/reminder-settings.ts): nominations closing (in
// the channel), a vote open and closing (personally, to members who haven't voted), the digest
// ready (to leads) and the monthly prompt (to members who sent no thanks this month). Each is
// claimed in the notice log before it is sent, create-only, so with any number of instances
// running this it goes out once at most; nobody who turned notifications off is ever sent one.
import { DEFAULT_TIME_ZONE, monthOf, previousMonth } from '../domain/box';
import { MONTHLY_PROMPT_DAY, REMINDER_HOUR, remindersOf } from '../domain/reminder-settings';
import { addDays, addWorkingDays, atHour, isWorkingDay, lastDay, lastWorkingDay, localDate } from '../domain/working-days';
import type { AwardRound } from '../domain/award-round';
import type { TeamSettings } from '../domain/team-settings';
import { noticeScope } from '../storage/notice-log-repository';
import type { Repositories } from '../storage/repositories';
import type { ILogger } from '../logger';
import type { AccessPolicy } from './access-policy';
import type { Notices, OpenVote, PersonalNotice } from './notices';

type ReminderRepos = Pick<Repositories, 'memberships' | 'nominations' | 'votes' | 'awardRounds' | 'noticeLog' | 'history' | 'profiles'>;

/** How many personal messages one team's reminder has in flight at once; the sender paces the rest. */
const AT_ONCE = 8;

const zone = (s: TeamSettings) => s.timeZone || DEFAULT_TIME_ZONE;

export class ReminderService {
  constructor(private readonly deps: { repos: ReminderRepos; notices: Notices; policy: AccessPolicy; now: () => Date; logger: ILogger }) {}

  /** The team's reminders that are due now; the names of those sent. */
  async forTeam(settings: TeamSettings): Promise<string[]> {
    const month = monthOf(this.deps.now(), zone(settings));
    const sent: string[] = [];
    if (await this.nominationsClosing(settings, month)) sent.push('nominations closing');
    for (const m of [month, previousMonth(month)]) {
      const round = await this.deps.repos.awardRounds.get(settings.teamId, m);
      if (round?.vote !== 'open') continue;
      if (await this.voteOpened(settings, m, round)) sent.push('vote open');
      if (await this.voteClosing(settings, m, round)) sent.push('vote closing');
    }
    if (await this.monthlyPrompt(settings, month)) sent.push('monthly prompt');
    return sent;
  }

  /** Members are told the vote is open: straight after a lead opens it, and by the next run if that failed. */
  async voteOpened(settings: TeamSettings, month: string, known?: AwardRound): Promise<boolean> {
    const round = known ?? (await this.deps.repos.awardRounds.get(settings.teamId, month));
    if (!round || !remindersOf(settings).remindVoteOpen || !this.isOpen(round)) return false;
    if (!(await this.claimForTeam(settings, `vote-open|${month}`))) return false;
    const vote = await this.openVote(settings, month, round);
    await this.tellMany(await this.notVoted(settings, month), { kind: 'vote open', vote });
    return true;
  }

  /** The day before a vote closes, at 09:00, to members who haven't voted yet. */
  private async voteClosing(settings: TeamSettings, month: string, round: AwardRound): Promise<boolean> {
    if (!remindersOf(settings).remindVoteClosing || !this.isOpen(round) || !round.voteClosesAt) return false;
    const closesAt = new Date(round.voteClosesAt);
    const at = atHour(addDays(localDate(closesAt, zone(settings)), -1), REMINDER_HOUR.voteClosing, zone(settings));
    // A vote that opened after that time has only just told everyone; once is enough.
    if (this.deps.now() < at || (round.voteOpenedAt && new Date(round.voteOpenedAt) >= at)) return false;
    if (!(await this.claimForTeam(settings, `vote-closing|${month}`))) return false;
    const vote = await this.openVote(settings, month, round);
    await this.tellMany(await this.notVoted(settings, month), { kind: 'vote closing', vote });
    return true;
  }

  /** Called once the digest is in the channel: each lead is told, once. */
  async digestReady(settings: TeamSettings, month: string): Promise<boolean> {
    if (!remindersOf(settings).remindDigestReady) return false;
    if (!(await this.claimForTeam(settings, `digest-ready|${month}`))) return false;
    await this.tellMany(this.deps.policy.leadsOf(settings), { kind: 'digest ready', settings, month });
    return true;
  }

  /** In the channel, N working days before the month's last working day, at 09:00. */
  private async nominationsClosing(settings: TeamSettings, month: string): Promise<boolean> {
    const days = remindersOf(settings).nominationsReminderDays;
    if (days < 0) return false;
    const at = atHour(addWorkingDays(lastWorkingDay(month), -days), REMINDER_HOUR.nominationsClosing, zone(settings));
    if (this.deps.now() < at) return false;
    const round = await this.deps.repos.awardRounds.get(settings.teamId, month);
    if (round?.nominationsClosed || round?.announcedAt) return false;
    if (!(await this.claimForTeam(settings, `nominations-closing|${month}`))) return false;
    const count = (await this.deps.repos.nominations.listBox(settings.teamId, month)).length;
    await this.deps.notices.nominationsClosing(settings, { month, closesOn: lastDay(month), count });
    return true;
  }

  /** Off by default. The 15th (or the next working day) at 10:00; once a month per person, whatever their teams. */
  private async monthlyPrompt(settings: TeamSettings, month: string): Promise<boolean> {
    if (!remindersOf(settings).monthlyPrompt) return false;
    const [year, m] = month.split('-').map(Number);
    let day = { year, month: m, day: MONTHLY_PROMPT_DAY };
    while (!isWorkingDay(day)) day = addDays(day, 1);
    if (this.deps.now() < atHour(day, REMINDER_HOUR.monthlyPrompt, zone(settings))) return false;
    if (!(await this.claimForTeam(settings, `monthly-prompt|${month}`))) return false;
    const members = (await this.deps.repos.memberships.listTeam(settings.teamId)).map((x) => x.personId);
    const { repos } = this.deps;
    const thanked = async (id: string) => (await repos.history.sent(id)).some((s) => s.month === month);
    await this.pool(members, async (id) => {
      if (!(await this.wants(id)) || (await thanked(id))) return;
      // Two teams with the prompt on: the person hears it from one of them.
      if (!(await repos.noticeLog.claim(noticeScope.person(id), `monthly-prompt|${month}`, this.deps.now()))) return;
      await this.deps.notices.tell(id, { kind: 'monthly prompt', settings, month });
    });
    return true;
  }

  private isOpen(round: AwardRound): boolean {
    return round.vote === 'open' && !round.announcedAt && (!round.voteClosesAt || this.deps.now() < new Date(round.voteClosesAt));
  }

  private async openVote(settings: TeamSettings, month: string, round: AwardRound): Promise<OpenVote> {
    const nominees = new Map((await this.deps.repos.nominations.listBox(settings.teamId, month)).map((n) => [n.nominee.id, n.nominee]));
    return {
      settings,
      month,
      shortlist: round.shortlist.flatMap((id) => nominees.get(id) ?? []),
      closesAt: new Date(round.voteClosesAt ?? this.deps.now()),
    };
  }

  /** The team's members (its roster) who have not voted in the box. */
  private async notVoted(settings: TeamSettings, month: string): Promise<string[]> {
    const [members, votes] = await Promise.all([
      this.deps.repos.memberships.listTeam(settings.teamId),
      this.deps.repos.votes.listBox(settings.teamId, month),
    ]);
    const voted = new Set(votes.map((v) => v.voterId));
    return members.map((m) => m.personId).filter((id) => !voted.has(id));
  }

  private claimForTeam(settings: TeamSettings, key: string): Promise<boolean> {
    return this.deps.repos.noticeLog.claim(noticeScope.team(settings.teamId), key, this.deps.now());
  }

  private async wants(personId: string): Promise<boolean> {
    return !(await this.deps.repos.profiles.get(personId))?.noNotifications;
  }

  private async tellMany(ids: string[], notice: PersonalNotice): Promise<void> {
    let sent = 0;
    await this.pool([...new Set(ids)], async (id) => {
      if (!(await this.wants(id))) return;
      if ((await this.deps.notices.tell(id, notice)) === 'sent') sent++;
    });
    this.deps.logger.info('reminder sent', { kind: notice.kind, people: sent });
  }

  private async pool(ids: string[], each: (id: string) => Promise<void>): Promise<void> {
    const queue = [...ids];
    const work = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift())
        await each(id).catch((e) => this.deps.logger.warn('a reminder could not be sent', { err: (e as Error).message }));
    };
    await Promise.all(Array.from({ length: AT_ONCE }, work));
  }
}
