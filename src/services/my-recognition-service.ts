// A person's own recognition: totals, values, awards, nominations and every slip received.
// Everything is read from the person's own history partition; nothing scans a table.
import { monthOf } from '../domain/box';
import type { AwardHistoryEntry, NominationHistoryEntry, SlipHistoryEntry } from '../domain/history';
import type { Profile } from '../domain/person';
import type { HistoryRepository, SlipFilter } from '../storage/history-repository';
import type { ProfileRepository } from '../storage/profile-repository';
import type { Page } from '../storage/page';

export interface RecognitionSummary {
  personId: string;
  profile?: Profile;
  totals: { allTime: number; thisYear: number; thisMonth: number };
  /** Values received, most often first. */
  values: Array<{ value: string; count: number }>;
  /** The last 12 months, oldest first, for the chart. */
  perMonth: Array<{ month: string; count: number }>;
  /** Values received per year, for "values over time". */
  valuesByYear: Array<{ year: number; values: Record<string, number> }>;
  awards: AwardHistoryEntry[];
  nominations: NominationHistoryEntry[];
  years: number[];
}

export interface Portfolio {
  personId: string;
  profile?: Profile;
  from?: string;
  to?: string;
  /** Slips in the period, grouped by value (a slip with two values appears under both). */
  byValue: Array<{ value: string; slips: SlipHistoryEntry[] }>;
  /** Slips in the period that carry no value. */
  unvalued: SlipHistoryEntry[];
  slips: SlipHistoryEntry[];
  awards: AwardHistoryEntry[];
  nominations: NominationHistoryEntry[];
}

export const PAGE_SIZE = 10;
const MAX_TOKEN = 2000;

function lastMonths(now: Date, timeZone: string, count: number): string[] {
  const months: string[] = [];
  let [y, m] = monthOf(now, timeZone).split('-').map(Number);
  for (let i = 0; i < count; i++) {
    months.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return months;
}

const inPeriod = (iso: string, from?: string, to?: string) => (!from || iso.slice(0, 10) >= from) && (!to || iso.slice(0, 10) <= to);

export class MyRecognitionService {
  constructor(
    private readonly history: HistoryRepository,
    private readonly profiles: ProfileRepository,
    private readonly timeZone: string,
  ) {}

  /**
   * Totals from the person's summary row (kept at write time), so this costs the same however
   * many slips they have: four point reads or small queries, never the whole history.
   */
  async summary(personId: string, now: Date): Promise<RecognitionSummary> {
    const [sums, awards, nominations, profile] = await Promise.all([
      this.history.summary(personId),
      this.history.awards(personId),
      this.history.nominations(personId),
      this.profiles.get(personId),
    ]);
    const thisMonth = monthOf(now, this.timeZone);
    const year = thisMonth.slice(0, 4);
    const years = Object.keys(sums.byYear).map(Number);
    return {
      personId,
      profile,
      totals: {
        allTime: sums.received,
        thisYear: sums.byYear[year]?.received ?? 0,
        thisMonth: sums.byMonth[thisMonth] ?? 0,
      },
      values: Object.entries(sums.byValue)
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      perMonth: lastMonths(now, this.timeZone, 12).map((month) => ({ month, count: sums.byMonth[month] ?? 0 })),
      valuesByYear: [...years].sort((a, b) => a - b).map((y) => ({ year: y, values: { ...sums.byYear[String(y)].byValue } })),
      awards: awards.sort((a, b) => b.month.localeCompare(a.month)),
      nominations: nominations.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      years: [...years].sort((a, b) => b - a),
    };
  }

  /** One page of slips received, newest first. Only ever the person's own partition. */
  page(
    personId: string,
    options: { continuationToken?: string; filter?: SlipFilter; pageSize?: number } = {},
  ): Promise<Page<SlipHistoryEntry>> {
    const token = options.continuationToken && options.continuationToken.length <= MAX_TOKEN ? options.continuationToken : undefined;
    return this.history.slipPage(personId, options.pageSize ?? PAGE_SIZE, token, options.filter);
  }

  /** Everything for an appraisal: slips in the period grouped by value, awards and nominations. */
  async portfolio(personId: string, period: { from?: string; to?: string } = {}): Promise<Portfolio> {
    const [all, awards, nominations, profile] = await Promise.all([
      this.history.allSlips(personId),
      this.history.awards(personId),
      this.history.nominations(personId),
      this.profiles.get(personId),
    ]);
    const slips = all.filter((s) => inPeriod(s.createdAt, period.from, period.to));
    const values = [...new Set(slips.flatMap((s) => s.values))].sort();
    return {
      personId,
      profile,
      ...period,
      slips,
      byValue: values.map((value) => ({ value, slips: slips.filter((s) => s.values.includes(value)) })),
      unvalued: slips.filter((s) => s.values.length === 0),
      awards: awards
        .filter((a) => inPeriod(`${a.month}-01`, period.from && `${period.from.slice(0, 7)}-01`, period.to))
        .sort((a, b) => b.month.localeCompare(a.month)),
      nominations: nominations.filter((n) => inPeriod(n.createdAt, period.from, period.to)),
    };
  }
}
