// Recognition categories. Teams may configure their own; these are the defaults from the brief.

export const DEFAULT_VALUES: readonly string[] = [
  'Skill and expertise',
  'Trusted with responsibility',
  'Team player',
  'Including others',
  'Learning and growing',
  'Above and beyond for patients',
];
