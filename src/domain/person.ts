// A person as the product sees them: a stable key within a tenant plus how to address them.

export interface PersonRef {
  /** Stable key: Entra object id when Teams gives one, else the Teams user id. */
  id: string;
  /** The Teams user id (29:...), needed to @mention and to message them. */
  teamsId: string;
  name: string;
}

export const STAFF_GROUPS = ['support worker', 'registered professional', 'manager', 'other', 'prefer not to say'] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

export interface Profile {
  personId: string;
  preferredTitle?: string;
  staffGroup?: StaffGroup;
  profession?: string;
  band?: string;
  /** Opt-out of having slips read out at the governance meeting. */
  noReadOut?: boolean;
  /** Opt-out of personal notifications from the bot. */
  noNotifications?: boolean;
  updatedAt: string;
}
