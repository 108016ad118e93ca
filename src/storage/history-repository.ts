import type { AwardHistoryEntry, NominationHistoryEntry, SlipHistoryEntry } from '../domain/history';
import type { Page } from './page';

/** One partition per person: everything they have received. */
export interface HistoryRepository {
  /** Idempotent: writing the same slip for the same person twice leaves one entry. */
  addSlips(personId: string, entries: SlipHistoryEntry[]): Promise<void>;
  /** Slips received, newest first. */
  slipPage(personId: string, pageSize: number, continuationToken?: string): Promise<Page<SlipHistoryEntry>>;
  /** Idempotent per nominator and box: a second nomination from the same person replaces the first. */
  addNomination(personId: string, nominatorId: string, entry: NominationHistoryEntry): Promise<void>;
  nominations(personId: string): Promise<NominationHistoryEntry[]>;
  /** Idempotent per team and month. */
  addAward(personId: string, entry: AwardHistoryEntry): Promise<void>;
  awards(personId: string): Promise<AwardHistoryEntry[]>;
}
