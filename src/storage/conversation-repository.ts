import type { PersonRef } from '../domain/person';

/** A Bot Framework conversation reference, kept opaque so storage needs no botbuilder types. */
export type StoredReference = Record<string, unknown>;

export interface ConversationRepository {
  /** The person's 1:1 chat with the bot, for personal notifications. */
  savePersonal(personId: string, ref: StoredReference): Promise<void>;
  getPersonal(personId: string): Promise<StoredReference | undefined>;
  saveChannel(teamId: string, channelId: string, ref: StoredReference): Promise<void>;
  /** Who a Teams user id belongs to, for mentions the members APIs cannot resolve. */
  savePerson(person: PersonRef): Promise<void>;
  getPersonByTeamsId(teamsId: string): Promise<PersonRef | undefined>;
  /** Forgets the person's personal chat and who their Teams id is. */
  deletePerson(personId: string, teamsId: string): Promise<void>;
  getChannel(teamId: string, channelId: string): Promise<StoredReference | undefined>;
}
