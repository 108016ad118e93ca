// The pure pieces of "My recognition" on the web: page views, charts, CSV and period parsing.
import { csvCell, historyCsv, neutralise } from '../../src/http/csv';
import { CallerIdentity, NOT_IN_TEAMS } from '../../src/http/me-identity';
import { readFilter, readPeriod } from '../../src/http/my-pages';
import { renderToString } from 'preact-render-to-string';
import { linkRefusedPage } from '../../src/http/views/my/link-refused-page';
import { portfolioPage } from '../../src/http/views/my/portfolio-page';
import { slipsFragment } from '../../src/http/views/my/slips-fragment';
import { summaryFragment } from '../../src/http/views/my/summary-fragment';
import { tabShell } from '../../src/http/views/my/tab-shell';
import { MonthlyBarChart, ValuesOverTimeChart, niceMax, type MonthCount, type YearValues } from '../../src/http/views/svg-charts';
import type { RecognitionSummary } from '../../src/services/my-recognition-service';
import { parseCsv } from '../support/parse-csv';
import { slipEntry } from '../support/slip-entry';

const TZ = 'Europe/London';
const monthlyBarChart = (points: MonthCount[]) => renderToString(MonthlyBarChart({ points }));
const valuesOverTimeChart = (years: YearValues[], valueOrder: string[]) => renderToString(ValuesOverTimeChart({ years, valueOrder }));
const slip = slipEntry;

const summary: RecognitionSummary = {
  personId: 'a',
  profile: { personId: 'a', preferredTitle: 'Associate practitioner', updatedAt: '2025-01-01T00:00:00Z' },
  totals: { allTime: 14, thisYear: 9, thisMonth: 3 },
  values: [
    { value: 'Team player', count: 8 },
    { value: 'Skill and expertise', count: 5 },
    { value: 'Including <others>', count: 1 },
  ],
  perMonth: Array.from({ length: 12 }, (_, i) => ({
    month: `${i < 9 ? 2024 : 2025}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`,
    count: i % 4,
  })),
  valuesByYear: [
    { year: 2024, values: { 'Team player': 3, 'Skill and expertise': 2 } },
    { year: 2025, values: { 'Team player': 5, 'Skill and expertise': 3, 'Including <others>': 1 } },
  ],
  awards: [
    {
      kind: 'award',
      teamId: 't',
      teamName: 'Therapies Team',
      month: '2025-01',
      result: 'winner',
      citation: 'Calm & kind',
      values: [],
      announcedAt: '2025-02-01T00:00:00Z',
    },
  ],
  nominations: [
    {
      kind: 'nomination',
      teamId: 't',
      month: '2025-02',
      createdAt: '2025-02-12T10:00:00Z',
      reason: 'Stayed late <b>again</b>',
      values: [],
    },
  ],
  years: [2025, 2024],
};

test('the tab shell loads only our own script and stylesheet', () => {
  expect(tabShell()).toMatchSnapshot();
});

test('the summary fragment', () => {
  const html = summaryFragment({ name: 'Amara Okafor', summary, timeZone: TZ });
  expect(html).toContain('Including &lt;others>');
  expect(html).toContain('Stayed late &lt;b>again&lt;/b>');
  expect(html).toContain('nominated by a colleague');
  expect(html).not.toContain('<others>');
  expect(html).toMatchSnapshot();
});

test('the slip list: paging buttons, private label, empty and filtered states', () => {
  const page = slipsFragment({
    slips: [slip(1), slip(2, { visibility: 'private', message: '<img src=x onerror=alert(1)>', quote: 'Can you cover?' })],
    olderToken: 'tok"en',
    hasNewer: true,
    filter: {},
    timeZone: TZ,
  });
  expect(page).toContain('data-older="tok&quot;en"');
  expect(page).toContain('&lt;img src=x onerror=alert(1)>');
  expect(page).toMatchSnapshot();
  expect(slipsFragment({ slips: [], hasNewer: false, filter: {}, timeZone: TZ })).toContain('Nothing yet.');
  expect(slipsFragment({ slips: [], hasNewer: false, filter: { value: 'Team player', year: 2023 }, timeZone: TZ })).toContain(
    'Nothing matches that yet (Team player, 2023).',
  );
});

test('the portfolio page', () => {
  const slips = [slip(1), slip(2, { values: ['Skill and expertise', 'Team player'] }), slip(3, { values: [] })];
  const html = portfolioPage({
    name: 'Amara <Okafor>',
    portfolio: {
      personId: 'a',
      profile: summary.profile,
      from: '2025-01-01',
      to: '2025-03-31',
      slips,
      byValue: [
        { value: 'Skill and expertise', slips: [slips[1]] },
        { value: 'Team player', slips: [slips[0], slips[1]] },
      ],
      unvalued: [slips[2]],
      awards: summary.awards,
      nominations: summary.nominations,
    },
    timeZone: TZ,
    link: 'link"token',
    csvUrl: '/me/history.csv?link=x&from=2025-01-01',
    generatedAt: new Date('2025-04-02T10:00:00Z'),
  });
  expect(html).toContain('Amara &lt;Okafor>');
  expect(html).toContain('value="link&quot;token"');
  expect(html).toContain('1 January 2025 to 31 March 2025');
  expect(html.match(/class="value-section"/g)).toHaveLength(4); // two values, no value, awards
  expect(html).toMatchSnapshot();
  expect(linkRefusedPage()).toMatchSnapshot();
});

test('charts: round axes, one bar per month, text alternatives, escaped names', () => {
  expect([0, 1, 2, 3, 7, 10, 11, 40, 99, 101].map(niceMax)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 100, 200]);
  const months = monthlyBarChart(summary.perMonth);
  expect(months.match(/<rect /g)).toHaveLength(12);
  expect(months).toContain('role="img"');
  expect(months).toContain('<desc id="months-chart-desc">18 thank-yous from April 2024 to March 2025. Most in July 2024 (3).</desc>');
  expect(months).toMatchSnapshot();
  const values = valuesOverTimeChart(
    summary.valuesByYear,
    summary.values.map((v) => v.value),
  );
  expect(values).toContain('Including &lt;others>');
  expect(values).not.toContain('<others>');
  expect(values).toMatchSnapshot();
  // An empty year of zeroes still draws (no division by zero).
  expect(monthlyBarChart(summary.perMonth.map((p) => ({ ...p, count: 0 })))).not.toContain('NaN');
});

test('CSV cells: formulas neutralised, RFC 4180 quoting', () => {
  expect(['=1+1', '+44', '-5', '@SUM(A1)', '\tx', '\rx', 'fine', ''].map(neutralise)).toEqual([
    "'=1+1",
    "'+44",
    "'-5",
    "'@SUM(A1)",
    "'\tx",
    "'\rx",
    'fine',
    '',
  ]);
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
  const csv = historyCsv([slip(1, { message: 'two\r\nlines, "quoted"', values: ['A', 'B'], quote: '=quote' })], TZ);
  expect(csv.startsWith('\uFEFFDate,Time,From')).toBe(true);
  expect(parseCsv(csv.slice(1))).toEqual([
    ['Date', 'Time', 'From', 'Message', 'Values', 'Who could see it', 'Quoted message'],
    ['2025-03-11', '09:30', 'Sam Patel', 'two\r\nlines, "quoted"', 'A; B', 'Team', "'=quote"],
  ]);
});

test('CSV dates and times are in the service time zone (BST in summer)', () => {
  const rows = parseCsv(historyCsv([slip(1, { createdAt: '2025-07-01T23:30:00Z' })], TZ).slice(1));
  expect(rows[1].slice(0, 2)).toEqual(['2025-07-02', '00:30']);
});

test('period and filter from the query: bad dates dropped with a note, reversed dates swapped', () => {
  expect(readPeriod(new URLSearchParams('from=2025-01-01&to=2025-03-31'))).toEqual({
    from: '2025-01-01',
    to: '2025-03-31',
    problem: undefined,
  });
  expect(readPeriod(new URLSearchParams('from=2025-03-31&to=2025-01-01'))).toMatchObject({ from: '2025-01-01', to: '2025-03-31' });
  expect(readPeriod(new URLSearchParams('from=2025-02-30'))).toMatchObject({
    from: undefined,
    problem: expect.stringContaining('wasn’t recognised'),
  });
  expect(readPeriod(new URLSearchParams(''))).toEqual({ from: undefined, to: undefined, problem: undefined });
  expect(readFilter(new URLSearchParams('value=Team%20player&year=2024'))).toEqual({ value: 'Team player', year: 2024 });
  expect(readFilter(new URLSearchParams('year=1999'))).toBeUndefined();
  expect(readFilter(new URLSearchParams(`value=${'x'.repeat(101)}`))).toBeUndefined();
});

test('outside local mode there is no development identity, even if one were passed', async () => {
  const dev = { id: '8948d2ec-5a7e-4a13-a211-1d4406320a2b', name: 'Amara' };
  const production = new CallerIdentity(undefined, { localMode: false, devUser: dev });
  expect(await production.identify(undefined)).toEqual({ ok: false, message: NOT_IN_TEAMS, reason: 'no token' });
  const local = new CallerIdentity(undefined, { localMode: true, devUser: dev });
  expect(await local.identify(undefined)).toEqual({ ok: true, caller: { personId: dev.id, name: 'Amara', via: 'dev' } });
  // A presented token is never swapped for the development identity, even without SSO set up.
  expect(await local.identify('Bearer abc')).toMatchObject({ ok: false, reason: 'sso not configured' });
});
