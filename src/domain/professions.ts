// The allied health professions (as in the study), for the optional profile.
export const PROFESSIONS: readonly string[] = [
  'Art therapy',
  'Drama therapy',
  'Music therapy',
  'Podiatry',
  'Dietetics',
  'Occupational therapy',
  'Operating department practice',
  'Orthoptics',
  'Osteopathy',
  'Paramedicine',
  'Physiotherapy',
  'Prosthetics and orthotics',
  'Diagnostic radiography',
  'Therapeutic radiography',
  'Speech and language therapy',
  'Other',
];

export const BANDS: readonly string[] = [
  'Band 2',
  'Band 3',
  'Band 4',
  'Band 5',
  'Band 6',
  'Band 7',
  'Band 8a',
  'Band 8b',
  'Band 8c',
  'Band 8d',
  'Band 9',
  'Other or not applicable',
];
