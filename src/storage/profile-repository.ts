import type { Profile } from '../domain/person';

export interface ProfileRepository {
  get(personId: string): Promise<Profile | undefined>;
  getMany(personIds: string[]): Promise<Map<string, Profile>>;
  put(profile: Profile): Promise<void>;
  delete(personId: string): Promise<void>;
}
