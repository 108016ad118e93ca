// The pure pieces of the governance digest on the web: the read-out and printable pages (Reach
// included), the refusal pages, the values chart and the CSV, from a fixed digest.
import { NO_ONE_IN_GROUP, SMALL_GROUPS_EXPLAINED, type Digest } from '../../src/domain/digest';
import type { Nomination } from '../../src/domain/star-of-the-month';
import fs from 'node:fs';
import path from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { ASSETS_DIR } from '../../src/http/assets';
import { DIGEST_CSV_HEADER, NAME_KEPT, WHOLE_TEAM, digestCsv, digestCsvFilename } from '../../src/http/digest-csv';
import { bearerToken } from '../../src/http/digest-job-route';
import { changeFrom, readOutItems, type DigestPageView } from '../../src/http/views/digest/digest-view';
import { listOf } from '../../src/domain/counting';
import { printPage } from '../../src/http/views/digest/print-page';
import { readoutPage } from '../../src/http/views/digest/readout-page';
import { digestRefusedPage } from '../../src/http/views/digest/refused-page';
import { ValueBarsChart, type ValueCount } from '../../src/http/views/svg-charts';
import { VIEW_ENTRIES } from '../../src/tools/build-views';
import { parseCsv } from '../support/parse-csv';

const person = (n: number, name: string) => ({ id: `p${n}`, teamsId: `29:${n}`, name });
const amara = person(1, 'Amara Okafor');
const sam = person(2, 'Sam <Patel>');
const jo = person(3, 'Jo Williams');
const priya = person(4, 'Priya Shah');

const shared = {
  slipId: 's2',
  createdAt: '2025-05-09T08:15:00Z',
  sender: jo,
  recipients: [amara, sam],
  message: 'Thanks, both of you, for the ward round',
  values: ['Team player'],
  cosigners: 1,
};

const digest: Digest = {
  teamId: '19:t@thread.tacv2',
  teamName: 'Therapies & Rehab',
  month: '2025-05',
  timeZone: 'Europe/London',
  totals: { slips: 5, peopleThanked: 3, peopleThanking: 3, cosigns: 4, privateSlips: 1 },
  previous: { slips: 2, peopleThanked: 3, peopleThanking: 4, cosigns: 0 },
  award: { winners: [amara], highlyCommended: [sam, priya], citation: 'Calm & kind <always>', announcedAt: '2025-05-30T10:00:00Z' },
  nominations: { nominations: 3, nominees: 2, nominators: 3, shortlisted: 2 },
  values: [
    { value: 'Team player', slips: 3 },
    { value: 'Above and beyond for patients', slips: 1 },
  ],
  readOut: [
    {
      recipient: amara,
      title: 'Associate practitioner',
      slips: [
        {
          slipId: 's1',
          createdAt: '2025-05-02T23:30:00Z',
          sender: sam,
          recipients: [amara],
          message: '=HYPERLINK("http://evil.example","x") <b>thanks</b>',
          values: ['Above and beyond for patients', 'Team player'],
          cosigners: 3,
          quote: 'Can you cover?',
        },
        shared,
      ],
    },
    { recipient: sam, slips: [shared] },
  ],
  readOutSlips: 2,
  fairness: {
    rows: [
      {
        group: 'support worker',
        peopleReceiving: 'fewer than 5',
        slipsReceived: 'fewer than 5',
        peopleGiving: 'fewer than 5',
        slipsGiven: 'fewer than 5',
      },
      { group: 'not stated', peopleReceiving: 6, slipsReceived: 9, peopleGiving: 7, slipsGiven: 8 },
    ],
    toSupportWorkers: { fromRegistered: 'fewer than 5', fromManagers: 'fewer than 5', total: 12 },
    // 23 members: support workers and not stated shown; registered and managers hidden (4 + 3).
    reach: {
      members: 23,
      reached: 11,
      quietThreeMonths: 6,
      quietSince: '2025-03',
      rows: [
        { group: 'support worker', members: 9, reached: 5 },
        { group: 'registered professional', members: 'fewer than 5', reached: 'fewer than 5' },
        { group: 'manager', members: 'fewer than 5', reached: 'fewer than 5' },
        { group: 'other', members: 0, reached: 0 },
        { group: 'prefer not to say', members: 0, reached: 0 },
        { group: 'not stated', members: 7, reached: 3 },
      ],
    },
  },
};
const REACH_ROWS = [
  '<tr><th scope="row">Support workers</th><td class="num">9</td><td class="num">5</td></tr>',
  '<tr><th scope="row">Registered professionals</th><td class="num">fewer than 5</td><td class="num">fewer than 5</td></tr>',
  '<tr><th scope="row">Managers</th><td class="num">fewer than 5</td><td class="num">fewer than 5</td></tr>',
  '<tr><th scope="row">Other staff groups</th><td class="num">no one in this group</td><td class="num">none</td></tr>',
  '<tr><th scope="row">Prefer not to say</th><td class="num">no one in this group</td><td class="num">none</td></tr>',
  '<tr><th scope="row">Not stated</th><td class="num">7</td><td class="num">3</td></tr>',
].join('');

const trend = Array.from({ length: 12 }, (_, i) => ({
  month: `${i < 8 ? 2024 : 2025}-${String(((i + 5) % 12) + 1).padStart(2, '0')}`,
  slips: (i * 7) % 5,
}));

const view: DigestPageView = {
  digest,
  trend,
  readoutUrl: '/digest/readout?link=a.b',
  printUrl: '/digest/print?link=a.b',
  csvUrl: '/digest/export.csv?link=a.b',
  generatedAt: new Date('2025-06-02T09:00:00Z'),
};

test('the read-out order: each recipient in turn, each one’s slips oldest first; a shared slip once per person', () => {
  expect(readOutItems(digest).map((i) => `${i.recipient.name}:${i.slip.slipId}`)).toEqual([
    'Amara Okafor:s1',
    'Amara Okafor:s2',
    'Sam <Patel>:s2',
  ]);
});

test('small words: lists of names and the change from last month', () => {
  expect([[], ['A'], ['A', 'B'], ['A', 'B', 'C']].map(listOf)).toEqual(['', 'A', 'A and B', 'A, B and C']);
  expect(changeFrom(5, 2, '2025-05')).toBe('up 3 on April');
  expect(changeFrom(2, 5, '2025-01')).toBe('down 3 on December');
  expect(changeFrom(4, 4, '2025-03')).toBe('the same as February');
});

test('the read-out page: summary first, then one slide per slip with its counter, everything escaped', () => {
  const html = readoutPage(view);
  // Only our own script, served as a file; no inline script, handlers or styles.
  expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([' src="/digest/readout.js" defer']);
  expect(html).not.toMatch(/ on[a-z]+=|style="/);
  expect(html).toContain('<link rel="stylesheet" href="/digest/styles.css"/>');
  expect(html).toContain('<h1>Therapies &amp; Rehab · May 2025</h1>');
  const slides = [...html.matchAll(/<(?:section|article) class="slide[^"]*" id="([^"]+)" data-counter="([^"]+)"/g)].map((m) => [
    m[1],
    m[2],
  ]);
  expect(slides).toEqual([
    ['summary', 'Summary'],
    ['charts', 'Values and the last 12 months'],
    ['slip-1', '1 of 3'],
    ['slip-2', '2 of 3'],
    ['slip-3', '3 of 3'],
  ]);
  expect(html).toContain(
    '<h2 class="recipient" id="slip-1-name">Amara Okafor <span class="recipient-title">Associate practitioner</span></h2>',
  );
  expect(html).toContain('<h2 class="recipient" id="slip-3-name">Sam &lt;Patel></h2>');
  expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;) &lt;b>thanks&lt;/b>');
  expect(html).not.toContain('<b>thanks');
  expect(html).toContain(
    'From <strong>Sam &lt;Patel></strong> · <time datetime="2025-05-02T23:30:00Z">3 May 2025</time> · 3 colleagues added their thanks',
  );
  expect(html).toContain('up 3 on April');
  expect(html).toContain('1 of them private, so not read out');
  expect(html).toContain(
    '<p class="winners">Amara Okafor</p><blockquote>Calm &amp; kind &lt;always></blockquote><p>Highly commended: Sam &lt;Patel> and Priya Shah</p>',
  );
  expect(html).toContain('3 nominations for 2 colleagues, from 3 nominators; 2 on the shortlist.');
  expect(html.match(/<svg class="chart"[^>]*role="img"/g)).toHaveLength(2);
  expect(html).toContain('3 thank-yous to read out, after the values and the last 12 months.');
  expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('id="charts"'));
  // Reach is on the charts slide, before the first slip: counts in words and a row per group.
  const chartsSlide = html.slice(html.indexOf('id="charts"'), html.indexOf('id="slip-1"'));
  expect(chartsSlide).toContain('<h3 id="charts-reach-heading">Reach: does recognition reach the whole team?</h3>');
  expect(chartsSlide).toContain('<p class="reach-figure">Of 23 team members, 11 received a thank-you or a nomination this month.</p>');
  expect(chartsSlide).toContain('<p class="reach-figure">6 members have received nothing for three months (March to May 2025).</p>');
  expect(chartsSlide).toContain(REACH_ROWS);
  // The read-out shows Reach without the fairness table, so it says why small groups are hidden there, once.
  expect(chartsSlide.split(SMALL_GROUPS_EXPLAINED)).toHaveLength(2);
  // The controls only appear once the script runs.
  expect(html).toContain('<nav class="controls" aria-label="Move through the read-out" hidden>');
  expect(html).toMatchSnapshot();
});

test('with nothing to read out the read-out says so, and has only its summary', () => {
  const html = readoutPage({
    ...view,
    digest: {
      ...digest,
      readOut: [],
      readOutSlips: 0,
      award: undefined,
      values: [],
      nominations: { nominations: 0, nominees: 0, nominators: 0, shortlisted: 0 },
    },
  });
  expect(html).toContain('There are no thank-yous to read out this month');
  expect(html).toContain('No star of the month has been announced for May 2025 yet.');
  expect(html).toContain('No one was nominated for star of the month this month.');
  expect(html).toContain('No values were chosen this month.');
  expect(html.match(/class="slide /g)).toHaveLength(2); // the summary and the charts
});

test('the printable page: summary, both charts with tables, the fairness panel, a section per recipient', () => {
  const html = printPage(view);
  expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([' src="/digest/print.js" defer']);
  expect(html).toContain('<button type="button" id="print">Print or save as PDF</button>');
  expect(html.match(/<section class="recipient-group"/g)).toHaveLength(2);
  expect(html).toContain(
    '<h2 id="recipient-0">Amara Okafor <span class="count">(2)</span></h2><p class="recipient-title">Associate practitioner</p>',
  );
  expect(html).toContain(
    '<tr><th scope="row">Support workers</th><td class="num">fewer than 5</td><td class="num">fewer than 5</td><td class="num">fewer than 5</td><td class="num">fewer than 5</td></tr>',
  );
  expect(html).toContain(
    '<tr><th scope="row">Not stated</th><td class="num">6</td><td class="num">9</td><td class="num">7</td><td class="num">8</td></tr>',
  );
  expect(html).toContain(
    'Thank-yous reaching support workers: fewer than 5 from registered professionals and fewer than 5 from managers, of 12 in all.',
  );
  expect(html).toContain('3 thank-yous for 2 people, each person’s on a new page.');
  // Reach, inside the fairness panel.
  const panel = html.slice(html.indexOf('id="fairness-heading"'), html.indexOf('id="readout-heading"'));
  expect(panel).toContain('<h3 id="reach-heading">Reach: does recognition reach the whole team?</h3>');
  expect(panel).toContain('Of 23 team members, 11 received a thank-you or a nomination this month.');
  expect(panel).toContain('6 members have received nothing for three months (March to May 2025).');
  expect(panel).toContain(REACH_ROWS);
  expect(panel).toContain('Counts only, never names.');
  // Why small groups are hidden, once, at the top of the panel, in the card's words.
  expect(html.split(SMALL_GROUPS_EXPLAINED)).toHaveLength(2);
  expect(panel.indexOf(SMALL_GROUPS_EXPLAINED)).toBeLessThan(panel.indexOf('<table>'));
  expect(html).not.toMatch(/fewer than 5 people|so not shown/i);
  // A staff group where no one received or gave thanks is said in words, not as a row of noughts.
  const withEmpty = printPage({
    ...view,
    digest: {
      ...digest,
      fairness: {
        ...digest.fairness,
        rows: [
          ...digest.fairness.rows,
          { group: 'manager', peopleReceiving: 0, slipsReceived: 0, peopleGiving: 0, slipsGiven: 0 },
          { group: 'other', peopleReceiving: 0, slipsReceived: 0, peopleGiving: 0, slipsGiven: 0 },
        ],
      },
    },
  });
  expect(withEmpty).toContain('<p>Managers and Other staff groups: no one in these groups this month.</p>');
  expect(withEmpty).not.toContain('<th scope="row">Managers</th><td class="num">0</td>');
  expect(NO_ONE_IN_GROUP).toBe('no one in this group');
  expect(html).toContain('Made with Valued on 2 June 2025');
  expect(html).not.toContain('<b>thanks');
  expect(html).toMatchSnapshot();
});

test('Reach when it can say little: 1–4 quiet members, a team of fewer than 5, a team with no known members', () => {
  const withReach = (reach: Digest['fairness']['reach']) =>
    printPage({ ...view, digest: { ...digest, fairness: { ...digest.fairness, reach } } });
  const few = withReach({ ...digest.fairness.reach, quietThreeMonths: 'fewer than 5' });
  expect(few).toContain('Fewer than 5 members have received nothing for three months (March to May 2025).');
  const hiddenRows = digest.fairness.reach.rows.map((r) => ({
    group: r.group,
    members: r.members === 0 ? 0 : ('fewer than 5' as const),
    reached: r.reached === 0 ? 0 : ('fewer than 5' as const),
  }));
  const tiny = withReach({
    members: 'fewer than 5',
    reached: 'fewer than 5',
    quietThreeMonths: 'fewer than 5',
    quietSince: '2025-03',
    rows: hiddenRows,
  });
  expect(tiny).toContain('This team has fewer than 5 members, so Reach shows no figures: no one should be singled out.');
  expect(tiny).not.toContain('nothing for three months');
  expect(tiny).not.toContain('<th scope="col" class="num">Team members</th>');
  const unknown = withReach({
    members: 0,
    reached: 0,
    quietThreeMonths: 0,
    quietSince: '2025-03',
    rows: hiddenRows.map((r) => ({ ...r, members: 0, reached: 0 })),
  });
  expect(unknown).toContain('Valued doesn’t know who is in this team yet, so it can’t show how far recognition reaches.');
  expect(unknown).not.toContain('<th scope="col" class="num">Team members</th>');
});

test('refusal pages are kind, and show the policy’s own words when it refused', () => {
  expect(digestRefusedPage('link')).toContain('<h1>This link can’t be opened</h1>');
  const notLead = digestRefusedPage('not_lead', 'Only your team’s governance leads can see the monthly digest & read-out.');
  expect(notLead).toContain('<h1>This digest is for governance leads</h1>');
  expect(notLead).toContain('monthly digest &amp; read-out.');
  expect(digestRefusedPage('unavailable')).toContain('Nothing has been lost');
  expect(digestRefusedPage('link')).toMatchSnapshot();
});

const valueBarsChart = (values: ValueCount[], id?: string, title?: string) => renderToString(ValueBarsChart({ values, id, title }));

test('the values chart: one bar per value, longest first as given, escaped, with a text alternative', () => {
  const svg = valueBarsChart(
    [
      { value: 'Team <player>', count: 4 },
      { value: 'Skill', count: 1 },
    ],
    'v',
    'Values chosen in May 2025',
  );
  expect(svg.match(/<rect /g)).toHaveLength(2);
  expect(svg).toContain('<desc id="v-desc">Team &lt;player>: 4. Skill: 1.</desc>');
  expect(svg).not.toContain('<player>');
  expect(valueBarsChart([])).toContain('No values were chosen');
  expect(valueBarsChart([{ value: 'x'.repeat(60), count: 2 }])).toContain(`${'x'.repeat(33)}…`);
});

const nominations: Nomination[] = [
  {
    teamId: digest.teamId,
    month: '2025-05',
    nominee: amara,
    nominator: priya,
    reason: '+44 she rang every family',
    values: ['Team player', 'Skill'],
    anonymous: false,
    slipIds: [],
    createdAt: '2025-05-20T10:00:00Z',
    updatedAt: '2025-05-20T10:00:00Z',
  },
  {
    teamId: digest.teamId,
    month: '2025-05',
    nominee: sam,
    nominator: jo,
    reason: '@Sam, always first to help, "every" time',
    values: [],
    anonymous: true,
    slipIds: [],
    createdAt: '2025-05-10T10:00:00Z',
    updatedAt: '2025-05-10T10:00:00Z',
  },
];

test('the CSV: read-out slips (one row per person thanked), then nominations; round-trips, formulas neutralised, anonymous nominators kept', () => {
  const csv = digestCsv(digest, nominations);
  expect(csv.startsWith('\uFEFFRecord,Date,Time,To,')).toBe(true);
  expect(parseCsv(csv.slice(1))).toEqual([
    DIGEST_CSV_HEADER,
    [
      'Thank-you',
      '2025-05-03',
      '00:30',
      'Amara Okafor',
      'Associate practitioner',
      'Sam <Patel>',
      `'=HYPERLINK("http://evil.example","x") <b>thanks</b>`,
      'Above and beyond for patients; Team player',
      '3',
      'Can you cover?',
    ],
    [
      'Thank-you',
      '2025-05-09',
      '09:15',
      'Amara Okafor',
      'Associate practitioner',
      'Jo Williams',
      'Thanks, both of you, for the ward round',
      'Team player',
      '1',
      '',
    ],
    [
      'Thank-you',
      '2025-05-09',
      '09:15',
      'Sam <Patel>',
      '',
      'Jo Williams',
      'Thanks, both of you, for the ward round',
      'Team player',
      '1',
      '',
    ],
    ['Nomination', '2025-05-10', '11:00', 'Sam <Patel>', '', NAME_KEPT, `'@Sam, always first to help, "every" time`, '', '', ''],
    ['Nomination', '2025-05-20', '11:00', 'Amara Okafor', '', 'Priya Shah', "'+44 she rang every family", 'Team player; Skill', '', ''],
    // Reach: counts in words, never names; groups under 5 members never as a number.
    ...[
      [WHOLE_TEAM, 'Of 23 team members, 11 received a thank-you or a nomination this month.'],
      [WHOLE_TEAM, '6 members have received nothing for three months (March to May 2025).'],
      ['Support workers', 'Of 9, 5 received a thank-you or a nomination this month.'],
      ['Registered professionals', 'Fewer than 5 members, so not shown.'],
      ['Managers', 'Fewer than 5 members, so not shown.'],
      ['Other staff groups', 'No team members in this group.'],
      ['Prefer not to say', 'No team members in this group.'],
      ['Not stated', 'Of 7, 3 received a thank-you or a nomination this month.'],
    ].map(([who, what]) => ['Reach', '', '', who, '', '', what, '', '', '']),
  ]);
  expect(csv).not.toContain('Jo Williams,"\'@Sam');
});

test('the CSV file name holds only letters, digits and dashes', () => {
  expect(digestCsvFilename('Therapies & Rehab', '2025-05')).toBe('valued-digest-therapies-rehab-2025-05.csv');
  expect(digestCsvFilename('Équipe "Santé"\r\nX-Evil: 1', '2025-05')).toBe('valued-digest-equipe-sante-x-evil-1-2025-05.csv');
  expect(digestCsvFilename('☺☺', '../../x')).toBe('valued-digest-team-month.csv');
});

test('the jobs endpoint reads only a well-formed bearer token', () => {
  expect(bearerToken('Bearer abc')).toBe('abc');
  expect(bearerToken('bearer   abc  ')).toBe('abc');
  expect([undefined, '', 'Basic abc', 'Bearer', 'Bearer a b', 'Bearerabc'].map(bearerToken)).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});

test('the browser scripts are built into self-contained JavaScript, one file per entry', () => {
  // jest's global setup ran the same build as `npm run build` (src/tools/build-views.ts).
  const scripts = Object.entries(VIEW_ENTRIES).filter(([, source]) => source.endsWith('.ts'));
  expect(scripts.map(([name]) => name).sort()).toEqual(['print-button', 'readout', 'tab']);
  for (const [name] of scripts) {
    const source = fs.readFileSync(path.join(ASSETS_DIR, `${name}.js`), 'utf8');
    expect(() => new Function(source)).not.toThrow();
    expect(source).not.toMatch(/\brequire\(|\bimport\b|exports\./);
  }
});
