import type { Vote } from '../domain/star-of-the-month';

export interface VoteRepository {
  /** One vote per member per box; casting again changes it. */
  cast(v: Vote): Promise<void>;
  listBox(teamId: string, month: string): Promise<Vote[]>;
  remove(teamId: string, month: string, voterId: string): Promise<void>;
}
