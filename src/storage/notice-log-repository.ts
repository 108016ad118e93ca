/**
 * Which scheduled notices (reminders, a vote's result) were sent: one row per notice, written
 * create-only before sending, so two instances never both send the same one. A scope is a team
 * (`team|{id}`) or a person (`person|{id}`); the key names the notice and its period.
 */
export interface NoticeLogRepository {
  /** True for the one caller whose create succeeded; false when it was claimed already. */
  claim(scope: string, key: string, at: Date): Promise<boolean>;
  /** Every notice of a scope (a person's erasure); how many went. */
  removeScope(scope: string): Promise<number>;
}

export const noticeScope = {
  team: (teamId: string) => `team|${teamId}`,
  person: (personId: string) => `person|${personId}`,
};
