// The box as a spreadsheet for the governance lead: the slips read out (one row per person
// thanked, as they are read) and the month's nominations, in one table with a "Record" column.
// Quoting, formula neutralising and the byte order mark come from csv.ts.
import type { Digest } from '../domain/digest';
import type { Nomination } from '../domain/star-of-the-month';
import { localDateTime, toCsv } from './csv';
import { readOutItems } from './digest-page';

export const DIGEST_CSV_HEADER = ['Record', 'Date', 'Time', 'To', 'Their title', 'From', 'Message or reason', 'Values', 'Colleagues who added their thanks', 'Quoted message'];

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
    slip.quote ?? ''
  ]);
  const nominated = [...nominations]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((n) => ['Nomination', ...localDateTime(n.createdAt, tz), n.nominee.name, '', n.anonymous ? NAME_KEPT : n.nominator.name, n.reason, n.values.join('; '), '', '']);
  return toCsv([DIGEST_CSV_HEADER, ...slips, ...nominated]);
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
