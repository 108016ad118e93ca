// CSV that opens cleanly in Excel and cannot run formulas: RFC 4180 quoting, CRLF line ends,
// a UTF-8 byte order mark (so Excel reads accents and emoji correctly), and any cell starting
// with = + - @ tab or carriage return prefixed with ' so a spreadsheet shows it as text.
import type { SlipHistoryEntry } from '../domain/history';
import { dateFormat } from '../domain/date-format';

const BOM = '\uFEFF';

/** Keeps a spreadsheet from treating a cell as a formula (OWASP "CSV injection"). */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string): string {
  const safe = neutralise(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: string[][]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const HISTORY_CSV_HEADER = ['Date', 'Time', 'From', 'Message', 'Values', 'Who could see it', 'Quoted message'];

/** Local date and time as YYYY-MM-DD and HH:MM, which spreadsheets sort and recognise. */
export function localDateTime(iso: string, timeZone: string): [string, string] {
  const parts = Object.fromEntries(
    dateFormat({ timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return [`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}`];
}

export function historyCsv(slips: SlipHistoryEntry[], timeZone: string): string {
  return toCsv([
    HISTORY_CSV_HEADER,
    ...slips.map((s) => [
      ...localDateTime(s.createdAt, timeZone),
      s.sender.name,
      s.message,
      s.values.join('; '),
      s.visibility === 'private' ? 'Private' : 'Team',
      s.quote ?? '',
    ]),
  ]);
}
