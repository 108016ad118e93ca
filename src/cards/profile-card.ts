import template from '../../cards/profile.json';
import { STAFF_GROUPS, type Profile } from '../domain/person';
import { BANDS, PROFESSIONS } from '../domain/professions';
import { attachment, expand, type CardAttachment } from './render';

const GROUP_TITLES: Record<string, string> = {
  'support worker': 'Support worker (including assistants and associate practitioners)',
  'registered professional': 'Registered professional',
  manager: 'Manager',
  other: 'Other',
  'prefer not to say': 'Prefer not to say',
};

export function profileCard(profile: Partial<Profile>, note = '', good = true): CardAttachment {
  return attachment(
    expand(template, {
      note,
      noteColor: good ? 'Good' : 'Attention',
      preferredTitle: profile.preferredTitle ?? '',
      staffGroup: profile.staffGroup ?? '',
      profession: profile.profession ?? '',
      band: profile.band ?? '',
      noReadOut: profile.noReadOut ? 'true' : 'false',
      noNotifications: profile.noNotifications ? 'true' : 'false',
      staffGroups: STAFF_GROUPS.map((g) => ({ value: g, title: GROUP_TITLES[g] })),
      professions: PROFESSIONS,
      bands: BANDS,
    }),
  );
}
