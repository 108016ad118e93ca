import type { SlipHistoryEntry } from '../domain/history';
import type { Page } from './page';

export interface HistoryRepository {
  /** Idempotent: writing the same slip for the same person twice leaves one entry. */
  addSlips(personId: string, entries: SlipHistoryEntry[]): Promise<void>;
  /** Newest first. */
  slipPage(personId: string, pageSize: number, continuationToken?: string): Promise<Page<SlipHistoryEntry>>;
}
