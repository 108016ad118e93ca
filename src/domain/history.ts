// What one person has received, kept in their own history so it pages without scanning.
import type { PersonRef } from './person';
import type { Visibility } from './slip';

export interface SlipHistoryEntry {
  kind: 'slip';
  slipId: string;
  teamId: string;
  month: string;
  createdAt: string;
  sender: PersonRef;
  message: string;
  values: string[];
  visibility: Visibility;
  quote?: string;
}

/** A nomination someone made for this person (nominator shown only when not kept from the team). */
export interface NominationHistoryEntry {
  kind: 'nomination';
  teamId: string;
  month: string;
  createdAt: string;
  /** Undefined when the nominator asked for their name to be kept from the team. */
  nominator?: PersonRef;
  reason: string;
  values: string[];
}

export interface AwardHistoryEntry {
  kind: 'award';
  teamId: string;
  teamName: string;
  month: string;
  /** 'winner' (star of the month, possibly joint) or 'highly commended'. */
  result: 'winner' | 'highly commended';
  citation: string;
  values: string[];
  announcedAt: string;
}

/** A slip this person sent: where to find it. */
export interface SentHistoryEntry {
  kind: 'sent';
  slipId: string;
  teamId: string;
  month: string;
  createdAt: string;
  recipientIds: string[];
}

export type HistoryEntry = SlipHistoryEntry | NominationHistoryEntry | AwardHistoryEntry | SentHistoryEntry;
