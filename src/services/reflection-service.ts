// Tags and reflections on the thank-yous a person received. The rules: only the person, only on
// a slip in their own history (so never one they sent, and never someone else's), domains only
// from their framework, and at most 500 characters. Private: nothing here is read by digests,
// leads or anyone else; it is part of the person's export and goes when they erase their data.
import { CodedError } from '../domain/errors';
import { DEFAULT_FRAMEWORK_ID, frameworkById, type Framework } from '../domain/framework';
import type { SlipHistoryEntry } from '../domain/history';
import { groupByDomain, type PortfolioByDomain } from '../domain/portfolio-by-domain';
import { checkReflection, type SlipReflection } from '../domain/reflection';
import type { HistoryRepository } from '../storage/history-repository';
import type { ReflectionRepository } from '../storage/reflection-repository';

/** Which slip: its id and when it was sent, as the person's own history holds it. */
export interface ReceivedSlipRef {
  slipId: string;
  createdAt: string;
}

export const NOT_RECEIVED =
  'You can only tag and reflect on thank-yous you received. I couldn’t find that one in your recognition, so nothing was saved.';

const validRef = (ref: Partial<ReceivedSlipRef>): ref is ReceivedSlipRef =>
  typeof ref.slipId === 'string' &&
  ref.slipId.length > 0 &&
  ref.slipId.length <= 200 &&
  typeof ref.createdAt === 'string' &&
  ref.createdAt.length <= 40 &&
  !Number.isNaN(Date.parse(ref.createdAt));

export class ReflectionService {
  constructor(
    private readonly history: Pick<HistoryRepository, 'getSlip' | 'allSlips'>,
    private readonly reflections: ReflectionRepository,
    private readonly now: () => Date,
    /** A team setting may choose another framework later; today every team uses the default. */
    private readonly frameworkId: string = DEFAULT_FRAMEWORK_ID,
  ) {}

  get framework(): Framework {
    return frameworkById(this.frameworkId);
  }

  /** The slip, when it is one the person received; otherwise the refusal. */
  async receivedSlip(personId: string, ref: Partial<ReceivedSlipRef>): Promise<SlipHistoryEntry> {
    const slip = validRef(ref) ? await this.history.getSlip(personId, ref.createdAt, ref.slipId) : undefined;
    if (!slip) throw new CodedError('not_found', NOT_RECEIVED);
    return slip;
  }

  /** The person's note on a slip they received (undefined when they have not written one). */
  async get(personId: string, ref: Partial<ReceivedSlipRef>): Promise<{ slip: SlipHistoryEntry; note?: SlipReflection }> {
    const slip = await this.receivedSlip(personId, ref);
    return { slip, note: await this.reflections.get(personId, slip.slipId) };
  }

  /** Every note the person has written. */
  list(personId: string): Promise<SlipReflection[]> {
    return this.reflections.list(personId);
  }

  /** Saves the person's tags and reflection; clearing both removes the note. Refuses kindly, saving nothing. */
  async save(personId: string, ref: Partial<ReceivedSlipRef>, input: { domains?: unknown; reflection?: unknown }): Promise<SlipReflection> {
    const framework = this.framework;
    const checked = checkReflection(input, framework);
    const slip = await this.receivedSlip(personId, ref);
    const note: SlipReflection = {
      personId,
      slipId: slip.slipId,
      createdAt: slip.createdAt,
      teamId: slip.teamId,
      month: slip.month,
      frameworkId: framework.id,
      domains: checked.domains,
      reflection: checked.reflection,
      updatedAt: this.now().toISOString(),
    };
    if (note.domains.length === 0 && note.reflection === '') await this.reflections.delete(personId, slip.slipId);
    else await this.reflections.put(note);
    return note;
  }

  /** The person's slips (those given, or all they received) grouped by the domains they chose. */
  async byDomain(personId: string, slips?: SlipHistoryEntry[]): Promise<PortfolioByDomain> {
    const [all, notes] = await Promise.all([slips ?? this.history.allSlips(personId), this.reflections.list(personId)]);
    return groupByDomain(all, notes, this.framework);
  }
}
