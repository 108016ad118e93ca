import type { AwardHistoryEntry, NominationHistoryEntry, SentHistoryEntry, SlipHistoryEntry } from '../domain/history';
import type { Page } from './page';
import type { PersonSummary } from '../domain/summaries';

export interface SlipFilter {
  value?: string;
  year?: number;
}

/** One partition per person: everything they have received, and an index of what they sent. */
export interface HistoryRepository {
  /**
   * Idempotent: writing the same slip for the same person twice leaves one entry. Each new
   * slip is counted in the person's summary in the same atomic write.
   */
  addSlips(personId: string, entries: SlipHistoryEntry[]): Promise<void>;
  /** Totals of what the person received (kept at write time; computed from the rows if there is none). */
  summary(personId: string): Promise<PersonSummary>;
  /** Recomputes the summary from the rows as they are now (ETag-guarded, retried). */
  rebuildSummary(personId: string): Promise<PersonSummary>;
  /** Slips received, newest first, optionally only one value's or one year's. */
  slipPage(personId: string, pageSize: number, continuationToken?: string, filter?: SlipFilter): Promise<Page<SlipHistoryEntry>>;
  /** One slip the person received, by when it was sent and its id (a point read); undefined when they did not receive it. */
  getSlip(personId: string, createdAt: string, slipId: string): Promise<SlipHistoryEntry | undefined>;
  /** Every slip received (for totals, portfolios and exports): one partition. */
  allSlips(personId: string): Promise<SlipHistoryEntry[]>;
  /** Idempotent per nominator and box: a second nomination from the same person replaces the first. */
  addNomination(personId: string, nominatorId: string, entry: NominationHistoryEntry): Promise<void>;
  nominations(personId: string): Promise<NominationHistoryEntry[]>;
  removeNomination(personId: string, nominatorId: string, entry: Pick<NominationHistoryEntry, 'month' | 'teamId'>): Promise<void>;
  /** Idempotent per team and month. */
  addAward(personId: string, entry: AwardHistoryEntry): Promise<void>;
  awards(personId: string): Promise<AwardHistoryEntry[]>;
  /** Which slips a person sent, so their own data can be exported or anonymised without a scan. */
  addSent(personId: string, entry: SentHistoryEntry): Promise<void>;
  sent(personId: string): Promise<SentHistoryEntry[]>;
  /** Replaces a received slip's copy (used when its sender erases their data). */
  replaceSlip(personId: string, entry: SlipHistoryEntry): Promise<void>;
  /** Everything in the person's partition. */
  deleteAll(personId: string): Promise<number>;
  /** One team's entries from before the cut-off: slips received and sent, nominations, awards (retention). */
  deleteTeamEntriesBefore(personId: string, teamId: string, cutoffIso: string): Promise<number>;
}
