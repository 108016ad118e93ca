import type { Award } from '../domain/star-of-the-month';

export interface AwardRepository {
  get(teamId: string, month: string): Promise<Award | undefined>;
  put(a: Award): Promise<void>;
  listTeam(teamId: string): Promise<Award[]>;
  remove(teamId: string, month: string): Promise<void>;
}
