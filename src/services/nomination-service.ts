// Nominating a colleague for star of the month: which box it goes in, the rules, saving it
// (a second nomination of the same person by the same nominator edits the first) and writing
// it into the nominee's history.
import { monthOf, nextMonth } from '../domain/box';
import type { CodedError } from '../domain/errors';
import { checkNomination, type NominationDraft } from '../domain/nomination-rules';
import type { Nomination } from '../domain/star-of-the-month';
import type { Slip } from '../domain/slip';
import { DEFAULT_VALUES } from '../domain/values';
import type { Repositories } from '../storage/repositories';
import type { ILogger } from '../logger';
import type { SendRateLimit } from './send-rate-limit';
import type { AccessPolicy } from './access-policy';

export type NominateResult =
  | { kind: 'problems'; problems: CodedError[] }
  | {
      kind: 'saved';
      nomination: Nomination;
      /** False when it replaced this nominator's earlier nomination of the same person. */
      created: boolean;
      /** Set when it went into a later box than the one the form was opened for (or than this month's). */
      movedFrom?: string;
    };

/** Slips offered in the form: the most recent of the box, so the card stays small. */
const MAX_SLIP_CHOICES = 25;

export class NominationService {
  constructor(
    private readonly repos: Pick<Repositories, 'nominations' | 'history' | 'slips' | 'teamSettings' | 'awardRounds'>,
    private readonly logger: ILogger,
    private readonly now: () => Date,
    private readonly defaultTimeZone: string,
    /** The hourly sending limit, shared with slips. */
    private readonly rateLimit?: SendRateLimit,
    /** Who may take part: only the team's members nominate, or are nominated, in its box. */
    private readonly policy?: Pick<AccessPolicy, 'memberRefusal'>,
  ) {}

  async valuesFor(teamId: string): Promise<string[]> {
    return (await this.repos.teamSettings.get(teamId))?.values ?? [...DEFAULT_VALUES];
  }

  /** This month in the team's time zone. */
  async currentMonth(teamId: string): Promise<string> {
    const settings = await this.repos.teamSettings.get(teamId);
    return monthOf(this.now(), settings?.timeZone ?? this.defaultTimeZone);
  }

  /** Team-visible slips of a box, newest first; only the nominee's when one is given. */
  async slipChoices(teamId: string, month: string, nomineeId?: string): Promise<Slip[]> {
    const slips = (await this.repos.slips.listBox(teamId, month)).filter(
      (s) => s.visibility === 'team' && (!nomineeId || s.recipients.some((r) => r.id === nomineeId)),
    );
    return slips.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_SLIP_CHOICES);
  }

  /**
   * Checks and saves a nomination. It goes into this month's box, or the next one when a lead
   * has closed this month's nominations. `formMonth`: the box the form was opened for.
   */
  async nominate(draft: NominationDraft, teamId: string, formMonth?: string): Promise<NominateResult> {
    const current = await this.currentMonth(teamId);
    const slipBox = formMonth ?? current;
    const nomineeSlips =
      draft.nominee && draft.slipIds.length ? await this.slipChoicesAll(teamId, slipBox, draft.nominee.id) : new Set<string>();
    const problems = checkNomination(draft, await this.valuesFor(teamId), nomineeSlips);
    if (problems.length > 0 || !draft.nominee) return { kind: 'problems', problems };
    const membership = await this.membershipProblems(draft.nominator.id, draft.nominee, teamId);
    if (membership.length > 0) {
      this.logger.info('nomination refused: not a member of the team', { teamId, who: membership.map((p) => p.field ?? 'nominator') });
      return { kind: 'problems', problems: membership };
    }

    const round = await this.repos.awardRounds.get(teamId, current);
    const month = round?.nominationsClosed ? nextMonth(current) : current;
    const opened = formMonth ?? current;
    const at = this.now().toISOString();
    const nomination: Nomination = {
      teamId,
      month,
      nominee: draft.nominee,
      nominator: draft.nominator,
      reason: draft.reason.trim(),
      values: draft.values,
      anonymous: draft.anonymous,
      slipIds: draft.slipIds,
      createdAt: at,
      updatedAt: at,
    };
    // One nomination per nominee per box: editing it again is the same request, counted once.
    await this.rateLimit?.count(draft.nominator.id, `nomination|${teamId}|${month}|${draft.nominee.id}`);
    const { created } = await this.repos.nominations.put(nomination);
    await this.repos.history.addNomination(draft.nominee.id, draft.nominator.id, {
      kind: 'nomination',
      teamId,
      month,
      createdAt: at,
      ...(draft.anonymous ? {} : { nominator: draft.nominator }),
      reason: nomination.reason,
      values: nomination.values,
    });
    this.logger.info('nomination saved', { teamId, month, created, anonymous: draft.anonymous, slips: draft.slipIds.length });
    return { kind: 'saved', nomination, created, ...(month !== opened ? { movedFrom: opened } : {}) };
  }

  private async membershipProblems(nominatorId: string, nominee: { id: string; name: string }, teamId: string): Promise<CodedError[]> {
    if (!this.policy) return [];
    const refusals = await Promise.all([
      this.policy.memberRefusal(nominatorId, teamId, 'nominate'),
      this.policy.memberRefusal(nominee.id, teamId, 'be nominated', nominee.name),
    ]);
    return refusals.filter((e): e is CodedError => e !== undefined);
  }

  private async slipChoicesAll(teamId: string, month: string, nomineeId: string): Promise<Set<string>> {
    const slips = await this.repos.slips.listBox(teamId, month);
    return new Set(slips.filter((s) => s.visibility === 'team' && s.recipients.some((r) => r.id === nomineeId)).map((s) => s.id));
  }
}
