// The box as a spreadsheet for the governance lead: the slips read out (one row per person
// thanked, as they are read), the month's nominations and Reach, in one table with a "Record"
// column. Reach rows are counts in words, never names: the whole team, then each staff group
// (a group of fewer than 5 members says so, never a number).
// Quoting, formula neutralising and the byte order mark come from csv.ts.
import { FAIRNESS_GROUP_LABELS, reachRowSentence, reachSentences, type Digest } from '../domain/digest';
import type { Nomination } from '../domain/star-of-the-month';
import { localDateTime, toCsv } from './csv';
import { readOutItems } from './views/digest/digest-view';

export const DIGEST_CSV_HEADER = [
  'Record',
  'Date',
  'Time',
  'To',
  'Their title',
  'From',
  'Message or reason',
  'Values',
  'Colleagues who added their thanks',
  'Quoted message',
];

/** What a nominator who asked to be kept from the team shows as: the file may travel beyond the leads. */
export const NAME_KEPT = 'Name kept from the team';

export function digestCsv(digest: Digest, nominations: Nomination[]): string {
  const tz = digest.timeZone;
  const slips = readOutItems(digest).map(({ recipient, title, slip }) => [
    'Thank-you',
    ...localDateTime(slip.createdAt, tz),
    recipient.name,
    title ?? '',
    slip.sender.name,
    slip.message,
    slip.values.join('; '),
    String(slip.cosigners),
    slip.quote ?? '',
  ]);
  const nominated = [...nominations]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((n) => [
      'Nomination',
      ...localDateTime(n.createdAt, tz),
      n.nominee.name,
      '',
      n.anonymous ? NAME_KEPT : n.nominator.name,
      n.reason,
      n.values.join('; '),
      '',
      '',
    ]);
  return toCsv([DIGEST_CSV_HEADER, ...slips, ...nominated, ...reachRows(digest)]);
}

/** What the "To" column says on Reach rows about the team as a whole. */
export const WHOLE_TEAM = 'The whole team';

/** The Reach rows: "Reach", the whole team or a staff group in "To", the figures in words. */
export function reachRows(digest: Digest): string[][] {
  const r = digest.fairness.reach;
  const words = reachSentences(r, digest.month);
  const row = (who: string, text: string) => ['Reach', '', '', who, '', '', text, '', '', ''];
  const known = typeof r.members === 'number' && r.members > 0;
  return [
    row(WHOLE_TEAM, words.reached),
    ...(words.quiet ? [row(WHOLE_TEAM, words.quiet)] : []),
    ...(known ? r.rows.map((g) => row(FAIRNESS_GROUP_LABELS[g.group] ?? g.group, reachRowSentence(g))) : []),
  ];
}

/** "valued-digest-therapies-team-2025-05.csv": letters, digits and dashes only, so it is safe in a header. */
export function digestCsvFilename(teamName: string, month: string): string {
  const slug =
    teamName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'team';
  const safeMonth = /^\d{4}-\d{2}$/.test(month) ? month : 'month';
  return `valued-digest-${slug}-${safeMonth}.csv`;
}
