// The portfolio as a spreadsheet, grouped by value (as on the printable page) or by framework
// domain (with the person's reflections). A domain with no evidence yet gets one row with a
// kind prompt, so the sheet invites rather than shows a gap. Quoting and neutralising: csv.ts.
import type { SlipHistoryEntry } from '../domain/history';
import type { PortfolioByDomain } from '../domain/portfolio-by-domain';
import type { Portfolio } from '../services/my-recognition-service';
import { localDateTime, toCsv } from './csv';

export type PortfolioGrouping = 'value' | 'domain';

export const BY_VALUE_HEADER = ['Value', 'Date', 'Time', 'From', 'Message', 'Who could see it', 'Your reflection'];
export const BY_DOMAIN_HEADER = ['Domain', 'Date', 'Time', 'From', 'Message', 'Values', 'Your reflection'];
export const NOT_TAGGED = 'Not tagged with a domain yet';

const seenBy = (s: SlipHistoryEntry) => (s.visibility === 'private' ? 'Private' : 'Team');

export function portfolioByValueCsv(p: Portfolio, reflections: Map<string, string>, timeZone: string): string {
  const row = (group: string, s: SlipHistoryEntry) => [
    group,
    ...localDateTime(s.createdAt, timeZone),
    s.sender.name,
    s.message,
    seenBy(s),
    reflections.get(s.slipId) ?? '',
  ];
  return toCsv([
    BY_VALUE_HEADER,
    ...p.byValue.flatMap((g) => g.slips.map((s) => row(g.value, s))),
    ...p.unvalued.map((s) => row('Thanks without a value', s)),
  ]);
}

export function portfolioByDomainCsv(d: PortfolioByDomain, timeZone: string): string {
  const row = (group: string, s: SlipHistoryEntry, reflection: string) => [
    group,
    ...localDateTime(s.createdAt, timeZone),
    s.sender.name,
    s.message,
    s.values.join('; '),
    reflection,
  ];
  return toCsv([
    BY_DOMAIN_HEADER,
    ...d.groups.flatMap((g) => {
      const name = `${g.domain.number}. ${g.domain.name}`;
      return g.evidence.length ? g.evidence.map((e) => row(name, e.slip, e.reflection)) : [[name, '', '', '', g.prompt ?? '', '', '']];
    }),
    ...d.untagged.map((e) => row(NOT_TAGGED, e.slip, e.reflection)),
  ]);
}
