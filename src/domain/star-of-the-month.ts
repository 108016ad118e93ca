// Records of the monthly star of the month award.
import type { PersonRef } from './person';

export interface Nomination {
  teamId: string;
  month: string;
  nominee: PersonRef;
  nominator: PersonRef;
  reason: string;
  values: string[];
  /** The nominator's name is kept from the team (leads still see it). */
  anonymous: boolean;
  slipIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Vote {
  teamId: string;
  month: string;
  voterId: string;
  nomineeId: string;
  castAt: string;
}

export interface Award {
  teamId: string;
  month: string;
  winners: PersonRef[];
  highlyCommended: PersonRef[];
  citation: string;
  values: string[];
  announcedAt: string;
}
