import type { Nomination } from '../domain/star-of-the-month';

export interface NominationRepository {
  /** One per nominator per nominee per box: a second one replaces the first. */
  put(n: Nomination): Promise<{ created: boolean }>;
  listBox(teamId: string, month: string): Promise<Nomination[]>;
  remove(n: Pick<Nomination, 'teamId' | 'month' | 'nominee' | 'nominator'>): Promise<void>;
}
