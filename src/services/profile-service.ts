// A person's optional profile: checked, then saved. Everything may be left blank.
import { CodedError } from '../domain/errors';
import { STAFF_GROUPS, type Profile, type StaffGroup } from '../domain/person';
import { BANDS, PROFESSIONS } from '../domain/professions';
import type { ProfileRepository } from '../storage/profile-repository';

export class ProfileService {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly now: () => Date,
  ) {}

  get(personId: string): Promise<Profile | undefined> {
    return this.profiles.get(personId);
  }

  /** Saves what the form sent; anything malformed is refused with a message for the form. */
  async save(personId: string, raw: Record<string, unknown>): Promise<Profile> {
    const text = (k: string, max: number): string | undefined => {
      const v = raw[k];
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v !== 'string' || v.trim().length > max)
        throw new CodedError('invalid_input', `Please keep the ${k === 'preferredTitle' ? 'job title' : k} to ${max} characters.`, k);
      return v.trim() || undefined;
    };
    const oneOf = <T extends string>(k: string, allowed: readonly T[]): T | undefined => {
      const v = text(k, 100);
      if (v !== undefined && !allowed.includes(v as T))
        throw new CodedError('invalid_input', 'One of the choices wasn’t one from the list. Please choose again.', k);
      return v as T | undefined;
    };
    const profile: Profile = {
      personId,
      preferredTitle: text('preferredTitle', 80),
      staffGroup: oneOf<StaffGroup>('staffGroup', STAFF_GROUPS),
      profession: oneOf('profession', PROFESSIONS),
      band: oneOf('band', BANDS),
      noReadOut: raw.noReadOut === 'true' || raw.noReadOut === true,
      noNotifications: raw.noNotifications === 'true' || raw.noNotifications === true,
      updatedAt: this.now().toISOString(),
    };
    await this.profiles.put(JSON.parse(JSON.stringify(profile)) as Profile);
    return profile;
  }
}
