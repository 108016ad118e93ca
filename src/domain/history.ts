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
