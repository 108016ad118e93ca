import template from '../../cards/my-recognition.json';
import { domainNames, type Framework } from '../domain/framework';
import type { SlipHistoryEntry } from '../domain/history';
import { monthLabel } from '../domain/box';
import type { SlipReflection } from '../domain/reflection';
import type { RecognitionSummary } from '../services/my-recognition-service';
import { attachment, expand, type CardAttachment } from './render';
import { formatWhen, safeName, userText } from './safe-text';

export interface MyRecognitionView {
  summary: RecognitionSummary;
  slips: SlipHistoryEntry[];
  /** The token this page was read with ('' for the first page). */
  currentToken: string;
  /** Token for the next (older) page, if there is one. */
  olderToken?: string;
  /** Tokens of the pages before this one, nearest first ('~' stands for the first page). */
  previous: string[];
  filter: { value?: string; year?: number };
  portfolioUrl: string;
  csvUrl: string;
  timeZone: string;
  valueChoices: string[];
  /** The person's own tags and reflections, by slip id (only ever shown to them). */
  notes?: Map<string, SlipReflection>;
  framework: Framework;
}

// Enough history to page back a long way, without the card growing without bound.
const MAX_PREVIOUS = 20;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function myRecognitionCard(v: MyRecognitionView): CardAttachment {
  const { summary: s, filter } = v;
  const filtered = filter.value || filter.year ? ` (${[filter.value, filter.year].filter(Boolean).join(', ')})` : '';
  const paging = { fValue: filter.value ?? '', fYear: filter.year ? String(filter.year) : '' };
  const content = expand(template, {
    speak: `Your recognition. ${plural(s.totals.allTime, 'thank-you', 'thank-yous')} in all, ${s.totals.thisYear} this year and ${s.totals.thisMonth} this month.`,
    totals: [
      { count: String(s.totals.allTime), label: 'in all' },
      { count: String(s.totals.thisYear), label: 'this year' },
      { count: String(s.totals.thisMonth), label: 'this month' },
    ],
    valuesLine: s.values.length
      ? `Most recognised for: ${s.values
          .slice(0, 3)
          .map((x) => `${x.value} (${x.count})`)
          .join(' · ')}`
      : '',
    awardsLine: s.awards.length
      ? `Star of the month: ${s.awards.map((a) => `${a.result === 'winner' ? '' : 'highly commended, '}${monthLabel(a.month)} (${safeName(a.teamName)})`).join(' · ')}`
      : '',
    nominationsLine: s.nominations.length ? `Nominated for star of the month ${plural(s.nominations.length, 'time', 'times')}.` : '',
    listHeading: `Thank-yous you have received${filtered}`,
    emptyText: filtered
      ? 'Nothing matches that yet.'
      : 'Nothing yet. When a colleague thanks you, it will appear here, and it stays yours to keep.',
    slips: v.slips.map((e) => {
      const note = v.notes?.get(e.slipId);
      const tagged = note ? domainNames(v.framework, note.domains) : [];
      return {
        from: `${safeName(e.sender.name)} · ${formatWhen(e.createdAt, v.timeZone)}${e.visibility === 'private' ? ' · Private' : ''}`,
        message: userText(e.message),
        valuesText: e.values.join(' · '),
        domainsText: tagged.length ? `Shows: ${tagged.join(' · ')}` : '',
        reflection: note?.reflection ? userText(note.reflection) : '',
        reflectTitle: note ? 'Change tags and reflection' : 'Tag and reflect',
        reflectData: { slipId: e.slipId, createdAt: e.createdAt },
      };
    }),
    valueChoices: v.valueChoices,
    yearChoices: s.years.map(String),
    filterValue: filter.value ?? '',
    filterYear: filter.year ? String(filter.year) : '',
    hasOlder: !!v.olderToken,
    hasNewer: v.previous.length > 0,
    // The filter travels with the paging buttons, so a page is always read with the filter it was found with.
    olderData: { ...paging, token: v.olderToken ?? '', previous: [v.currentToken || '~', ...v.previous].slice(0, MAX_PREVIOUS).join(' ') },
    newerData: { ...paging, token: v.previous[0] === '~' ? '' : (v.previous[0] ?? ''), previous: v.previous.slice(1).join(' ') },
    filterData: { token: '', previous: '', fromInputs: 'true' },
    portfolioUrl: v.portfolioUrl,
    csvUrl: v.csvUrl,
  });
  return attachment(content);
}
