// The governance digest on the web, against the real app (real HTTP, real Azurite): the
// read-out, the printable digest and the CSV reached by a lead's signed link (Reach included,
// worked out by hand for the seeded team), the refusals, and
// the jobs endpoint an external scheduler calls.
import type { Profile } from '../../src/domain/person';
import type { Slip, Visibility } from '../../src/domain/slip';
import type { Nomination } from '../../src/domain/star-of-the-month';
import { LinkSigner } from '../../src/services/link-signer';
import { QUICK_STORAGE_RETRY, startHarness, type Harness } from '../support/harness';
import { parseCsv } from '../support/parse-csv';
import { CHANNEL, TEAM, TENANT, crowd, message, people, type TestPerson } from '../support/teams';

const LINK_SECRET = 'a-test-secret-for-signed-links-0123456789';
const JOBS_SECRET = 'a-test-secret-for-the-jobs-endpoint-0123456789';
// Valued's clock: early June 2025, so May's box is the one whose digest is due.
const NOW = new Date('2025-06-10T09:00:00Z');
const MONTH = '2025-05';
const OTHER_TEAM = '19:estates-team@thread.tacv2';

const { amara, sam, jo, ola, priya } = people;
const lead = jo;
const ref = (p: TestPerson) => ({ id: p.aadObjectId, teamsId: p.id, name: p.name });

let h: Harness;
const signer = new LinkSigner(LINK_SECRET);
const boxLink = (personId = lead.aadObjectId, teamId = TEAM.id, month = MONTH, at = NOW) =>
  signer.signBox(personId, 'digest', { teamId, month }, at);

interface Seed {
  id: string;
  from: TestPerson;
  to: TestPerson[];
  message: string;
  values?: string[];
  visibility?: Visibility;
  day: number;
  cosigners?: TestPerson[];
  quote?: string;
  teamId?: string;
  month?: string;
}

// May's box. Ola asked for no read-out; one slip is private; one belongs to another team.
const SEEDS: Seed[] = [
  {
    id: 'd-hyperlink',
    from: jo,
    to: [amara],
    message: '=HYPERLINK("http://evil.example","click here")',
    values: ['Team player'],
    day: 2,
    cosigners: [priya, sam],
  },
  {
    id: 'd-phone',
    from: sam,
    to: [amara, priya],
    message: '+44 7700 900123: you rang back every family, thank you',
    values: ['Above and beyond for patients', 'Skill and expertise'],
    day: 5,
  },
  {
    id: 'd-mention',
    from: amara,
    to: [sam],
    message: '@Sam thank you for the <b>handover</b>, "as ever"',
    values: ['Team player'],
    day: 7,
    quote: 'Can someone cover bay 3?',
  },
  {
    id: 'd-private',
    from: priya,
    to: [amara],
    message: 'PRIVATE words only Amara may read',
    values: ['Including others'],
    visibility: 'private',
    day: 8,
  },
  { id: 'd-optout', from: jo, to: [ola], message: 'OPTED-OUT words for Ola alone', values: ['Team player'], day: 9 },
  {
    id: 'd-mixed',
    from: priya,
    to: [ola, jo],
    message: 'Thanks to you both for the garden project',
    values: ['Including others'],
    day: 12,
  },
  {
    id: 'd-minus',
    from: ola,
    to: [priya],
    message: '-5 degrees and you still walked in',
    values: ['Above and beyond for patients'],
    day: 20,
  },
  { id: 'd-other-team', from: sam, to: [amara], message: 'OTHER TEAM words', values: ['Team player'], day: 3, teamId: OTHER_TEAM },
  { id: 'd-april', from: sam, to: [jo], message: 'An April thank-you', values: ['Team player'], day: 28, month: '2025-04' },
];

function slipOf(s: Seed): Slip {
  const month = s.month ?? MONTH;
  return {
    id: s.id,
    tenantId: TENANT,
    teamId: s.teamId ?? TEAM.id,
    month,
    conversationId: CHANNEL.id,
    createdAt: `${month}-${String(s.day).padStart(2, '0')}T09:00:00.000Z`,
    sender: ref(s.from),
    recipients: s.to.map(ref),
    message: s.message,
    values: s.values ?? [],
    visibility: s.visibility ?? 'team',
    cosigners: (s.cosigners ?? []).map(ref),
    notified: {},
    ...(s.quote ? { quote: s.quote } : {}),
  };
}

// The team's members for Reach: the five above and four colleagues who have had no thanks.
const QUIET = crowd(4);
const MEMBERS = [amara, sam, jo, ola, priya, ...QUIET];

const TITLES: Record<string, string> = { [amara.aadObjectId]: 'Associate practitioner' };
const OPTED_OUT = new Set([ola.aadObjectId]);

const NOMINATIONS: Nomination[] = [
  {
    teamId: TEAM.id,
    month: MONTH,
    nominee: ref(amara),
    nominator: ref(priya),
    reason: '=1+1 she is always calm on the ward',
    values: ['Team player'],
    anonymous: false,
    slipIds: [],
    createdAt: '2025-05-21T10:00:00.000Z',
    updatedAt: '2025-05-21T10:00:00.000Z',
  },
  {
    teamId: TEAM.id,
    month: MONTH,
    nominee: ref(sam),
    nominator: ref(ola),
    reason: '@everyone Sam taught the new starters, "brilliantly"',
    values: [],
    anonymous: true,
    slipIds: [],
    createdAt: '2025-05-14T10:00:00.000Z',
    updatedAt: '2025-05-14T10:00:00.000Z',
  },
];

/** What the meeting may read, worked out from the seed: team slips of May, per recipient who did not opt out. */
function expectedReadOut(): Array<{ to: TestPerson; slip: Seed }> {
  const read = SEEDS.filter((s) => !s.teamId && !s.month && (s.visibility ?? 'team') === 'team');
  const recipients = [...new Set(read.flatMap((s) => s.to))]
    .filter((p) => !OPTED_OUT.has(p.aadObjectId))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return recipients.flatMap((to) =>
    read
      .filter((s) => s.to.includes(to))
      .sort((a, b) => a.day - b.day)
      .map((slip) => ({ to, slip })),
  );
}

// Text as the renderer escapes it (preact-render-to-string): & < and " become entities.
const htmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const neutral = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s);

beforeAll(async () => {
  // A private Azurite: the last test stops it to take storage away.
  h = await startHarness({ LINK_SECRET, JOBS_SECRET }, { now: () => new Date(NOW), storageRetry: QUICK_STORAGE_RETRY }, { private: true });
  // The team as Valued meets it: someone talks to the bot in its channel.
  const said = await h.post(message('help', { serviceUrl: h.serviceUrl, where: 'channel', from: lead, mentionBot: true }));
  expect(said.status).toBe(200);
  await h.valued.repos.teamSettings.update(TEAM.id, (s) => ({ ...s, leadIds: [lead.aadObjectId], governanceChannelId: CHANNEL.id }));
  const settings = await h.valued.repos.teamSettings.get(TEAM.id);
  expect(settings?.leadIds).toEqual([lead.aadObjectId]);
  await h.valued.repos.teamSettings.ensure({
    ...settings!,
    teamId: OTHER_TEAM,
    teamName: 'Estates',
    leadIds: [sam.aadObjectId],
    governanceChannelId: undefined,
  });
  for (const s of SEEDS) await h.valued.repos.slips.create(slipOf(s));
  for (const n of NOMINATIONS) await h.valued.repos.nominations.put(n);
  const profile = (p: TestPerson, extra: Partial<Profile>): Profile => ({
    personId: p.aadObjectId,
    updatedAt: NOW.toISOString(),
    ...extra,
  });
  // Profiles and memberships are rows of their own, one per person: written side by side.
  await Promise.all([
    h.valued.repos.profiles.put(profile(amara, { preferredTitle: TITLES[amara.aadObjectId], staffGroup: 'support worker' })),
    h.valued.repos.profiles.put(profile(ola, { noReadOut: true })),
    h.valued.repos.profiles.put(profile(sam, { staffGroup: 'registered professional' })),
    ...MEMBERS.map((p) =>
      h.valued.repos.memberships.record({
        personId: p.aadObjectId,
        teamId: TEAM.id,
        teamName: TEAM.name,
        lastUsedAt: NOW.toISOString(),
      }),
    ),
  ]);
}, 60_000);

// Reach of May, by hand. Members: Amara (support worker), Sam (registered professional), Jo,
// Ola (a profile without a group), Priya and the four quiet colleagues (no profile): not stated,
// 7. Recognised in May (team-visible slips of this team, or nominated): Amara (d-hyperlink,
// d-phone, nominated), Priya (d-phone, d-minus), Sam (d-mention, nominated), Ola (d-optout,
// d-mixed: opting out of the read-out doesn't stop her being counted), Jo (d-mixed): 5 of 9.
// Support workers and registered professionals (1 each) are hidden; that leaves 2 hidden
// people, which 9 − 7 would give away, so "not stated" (7) is hidden too. Nothing for March to
// May: the four quiet colleagues, 4, so "fewer than 5".
const REACH_CSV = [
  ['The whole team', 'Of 9 team members, 5 received a thank-you or a nomination this month.'],
  ['The whole team', 'Fewer than 5 members have received nothing for three months (March to May 2025).'],
  ['Support workers', 'Fewer than 5 members, so not shown.'],
  ['Registered professionals', 'Fewer than 5 members, so not shown.'],
  ['Managers', 'No team members in this group.'],
  ['Other staff groups', 'No team members in this group.'],
  ['Prefer not to say', 'No team members in this group.'],
  ['Not stated', 'Fewer than 5 members, so not shown.'],
].map(([who, what]) => ['Reach', '', '', who, '', '', what, '', '', '']);

afterAll(async () => {
  await h?.stop();
});

const url = (path: string) => `${h.valued.http.url}${path}`;
const open = (path: string, link: string) => fetch(url(`${path}?link=${encodeURIComponent(link)}`));

describe('the read-out', () => {
  test('shows the summary, then exactly the slips the meeting may read, in order, with the counter', async () => {
    const res = await open('/digest/readout', boxLink());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<h1>Therapies Team · May 2025</h1>');
    expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([' src="/digest/readout.js" defer']);

    const expected = expectedReadOut();
    expect(expected).toHaveLength(6);
    const slides = [
      ...html.matchAll(
        /data-counter="([^"]+)"[^>]*>\s*<p class="slide-number">[^<]*<\/p>\s*<h2 class="recipient" id="slip-\d+-name">([^<]*)(?: <span class="recipient-title">([^<]*)<\/span>)?<\/h2>\s*<blockquote class="message">([^<]*)<\/blockquote>/g,
      ),
    ].map((m) => ({
      counter: m[1],
      to: m[2],
      title: m[3],
      message: m[4],
    }));
    expect(slides).toEqual(
      expected.map((e, i) => ({
        counter: `${i + 1} of ${expected.length}`,
        to: htmlText(e.to.name),
        title: TITLES[e.to.aadObjectId],
        message: htmlText(e.slip.message),
      })),
    );
    // The summary comes first and counts every slip in the box, private ones too.
    expect(html.indexOf('May 2025 in summary')).toBeLessThan(html.indexOf('class="slide slip-slide"'));
    expect(html).toContain(
      '<span class="figure">7</span><span class="figure-label">thank-yous</span><span class="change">up 6 on April</span><span class="change">1 of them private, so not read out</span>',
    );
    expect(html).toContain('2 nominations for 2 colleagues, from 2 nominators.');
    expect(html.match(/<svg class="chart"[^>]*role="img"/g)).toHaveLength(2);
    expect(html).toContain('<title>Team player: 3</title>');
    expect(html).toContain('6 thank-yous to read out, after the values');
    // Reach, on the charts slide: counts only.
    const charts = html.slice(html.indexOf('id="charts"'), html.indexOf('id="slip-1"'));
    expect(charts).toContain('Of 9 team members, 5 received a thank-you or a nomination this month.');
    expect(charts).toContain('Fewer than 5 members have received nothing for three months (March to May 2025).');
    for (const p of MEMBERS) expect(charts).not.toContain(htmlText(p.name));
  });

  test('never shows a private slip, a slip to someone who opted out, or another team’s slip', async () => {
    const html = await (await open('/digest/readout', boxLink())).text();
    for (const secret of ['PRIVATE words', 'OPTED-OUT words', 'OTHER TEAM words', 'An April thank-you']) expect(html).not.toContain(secret);
    expect(html).not.toMatch(/<h2 class="recipient"[^>]*>Ola Nowak/);
    // Ola still appears as a sender: opting out is about one's own thanks being read.
    expect(html).toContain('From <strong>Ola Nowak</strong>');
  });

  test('serves its script and stylesheet from this server', async () => {
    const js = await fetch(url('/digest/readout.js'));
    expect(js.headers.get('content-type')).toContain('javascript');
    const source = await js.text();
    expect(source).toContain('ArrowRight');
    expect(() => new Function(source)).not.toThrow();
    expect((await fetch(url('/digest/print.js'))).status).toBe(200);
    const css = await fetch(url('/digest/styles.css'));
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('@media print');
  });
});

describe('the printable digest', () => {
  test('has the summary, the fairness panel and one section per recipient with only their read-out slips', async () => {
    const res = await open('/digest/print', boxLink());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('Does recognition reach everyone?');
    expect(html).toContain('fewer than 5');
    // Reach in the fairness panel: every group with members is under 5 or hidden with them.
    const reach = html.slice(html.indexOf('<div class="reach">'), html.indexOf('id="readout-heading"'));
    expect(reach).toContain('Of 9 team members, 5 received a thank-you or a nomination this month.');
    expect(reach).toContain('<tr><th scope="row">Not stated</th><td class="num">fewer than 5</td><td class="num">fewer than 5</td></tr>');
    expect(reach).toContain('<tr><th scope="row">Managers</th><td class="num">no one in this group</td><td class="num">none</td></tr>');
    expect(reach).not.toMatch(/<td class="num">[1-9]/);
    for (const p of MEMBERS) expect(reach).not.toContain(htmlText(p.name));
    const expected = expectedReadOut();
    const groups = [
      ...html.matchAll(/<section class="recipient-group"[^>]*><h2 id="recipient-\d+">([^<]*) <span class="count">\((\d+)\)<\/span><\/h2>/g),
    ].map((m) => [m[1], Number(m[2])]);
    const names = [...new Set(expected.map((e) => e.to.name))];
    expect(groups).toEqual(names.map((n) => [htmlText(n), expected.filter((e) => e.to.name === n).length]));
    const messages = [...html.matchAll(/<p class="message">([^<]*)<\/p>/g)].map((m) => m[1]);
    expect(messages).toEqual(expected.map((e) => htmlText(e.slip.message)));
    for (const secret of ['PRIVATE words', 'OPTED-OUT words', 'OTHER TEAM words']) expect(html).not.toContain(secret);
    expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([' src="/digest/print.js" defer']);
  });
});

describe('the CSV', () => {
  test('parses back to exactly the read-out slips and the nominations, formulas neutralised, anonymous nominators kept', async () => {
    const res = await open('/digest/export.csv', boxLink());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="valued-digest-therapies-team-2025-05.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    const slips = expectedReadOut().map(({ to, slip }) => [
      'Thank-you',
      `${MONTH}-${String(slip.day).padStart(2, '0')}`,
      '10:00', // 09:00 UTC is 10:00 in London in May
      to.name,
      TITLES[to.aadObjectId] ?? '',
      slip.from.name,
      neutral(slip.message),
      (slip.values ?? []).join('; '),
      String(slip.cosigners?.length ?? 0),
      slip.quote ?? '',
    ]);
    const nominations = [...NOMINATIONS]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((n) => [
        'Nomination',
        n.createdAt.slice(0, 10),
        '11:00',
        n.nominee.name,
        '',
        n.anonymous ? 'Name kept from the team' : n.nominator.name,
        neutral(n.reason),
        n.values.join('; '),
        '',
        '',
      ]);
    expect(rows).toEqual([
      [
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
      ],
      ...slips,
      ...nominations,
      ...REACH_CSV,
    ]);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Ola nominated anonymously: her name is nowhere in the nominations.
    expect(rows.filter((r) => r[0] === 'Nomination').flat()).not.toContain(ola.name);
    for (const secret of ['PRIVATE words', 'OPTED-OUT words', 'OTHER TEAM words']) expect(bytes.toString('utf8')).not.toContain(secret);
  });
});

describe('refusals', () => {
  const tamper = (link: string, change: (claims: Record<string, unknown>) => Record<string, unknown>) => {
    const [body, mac] = link.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    return `${Buffer.from(JSON.stringify(change(claims))).toString('base64url')}.${mac}`;
  };

  test.each([
    [
      'a forged link',
      () =>
        `${Buffer.from(JSON.stringify({ sub: lead.aadObjectId, pur: 'digest', exp: NOW.getTime() + 3600_000, box: `${TEAM.id}|${MONTH}` })).toString('base64url')}.bm90LWEtbWFj`,
    ],
    [
      'a link signed with another secret',
      () =>
        new LinkSigner('another-secret-of-enough-length-0123456789').signBox(
          lead.aadObjectId,
          'digest',
          { teamId: TEAM.id, month: MONTH },
          NOW,
        ),
    ],
    ['a link altered to another box', () => tamper(boxLink(), (c) => ({ ...c, box: `${OTHER_TEAM}|${MONTH}` }))],
    ['a link altered to another month', () => tamper(boxLink(), (c) => ({ ...c, box: `${TEAM.id}|2025-04` }))],
    ['a link altered to another lead', () => tamper(boxLink(), (c) => ({ ...c, sub: sam.aadObjectId }))],
    ['an expired link', () => boxLink(lead.aadObjectId, TEAM.id, MONTH, new Date(NOW.getTime() - 2 * 3600_000))],
    ['a link for another purpose', () => signer.signBox(lead.aadObjectId, 'portfolio', { teamId: TEAM.id, month: MONTH }, NOW)],
    ['a personal link without a box', () => signer.sign(lead.aadObjectId, 'digest', NOW)],
    ['no link at all', () => ''],
  ])('%s gets the kind 403 page on every view', async (_name, make) => {
    const link = make();
    for (const path of ['/digest/readout', '/digest/print', '/digest/export.csv']) {
      const res = await open(path, link);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('<h1>This link can’t be opened</h1>');
      expect(html).toContain('type <strong>digest</strong> in your personal chat with Valued');
      expect(html).not.toContain('thank you');
    }
  });

  test('a genuine link to a box of a team the person does not lead is refused', async () => {
    const link = boxLink(lead.aadObjectId, OTHER_TEAM);
    for (const path of ['/digest/readout', '/digest/print', '/digest/export.csv']) {
      const res = await open(path, link);
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).toContain('<h1>This digest is for governance leads</h1>');
      expect(html).not.toContain('OTHER TEAM words');
    }
    // Its own lead opens it.
    expect((await open('/digest/readout', boxLink(sam.aadObjectId, OTHER_TEAM))).status).toBe(200);
  });

  test('a lead who is removed loses access at once, even with a link still in date', async () => {
    const link = boxLink();
    expect((await open('/digest/readout', link)).status).toBe(200);
    await h.valued.repos.teamSettings.update(TEAM.id, (s) => ({ ...s, leadIds: [priya.aadObjectId] }));
    try {
      for (const path of ['/digest/readout', '/digest/print', '/digest/export.csv']) {
        const res = await open(path, link);
        expect(res.status).toBe(403);
        const html = await res.text();
        expect(html).toContain('Only your team’s governance leads can see the monthly digest and read-out.');
        expect(html).not.toContain('HYPERLINK');
      }
      expect(h.logs.entries.some((e) => e.msg === 'digest: not a lead of the box')).toBe(true);
    } finally {
      await h.valued.repos.teamSettings.update(TEAM.id, (s) => ({ ...s, leadIds: [lead.aadObjectId] }));
    }
    expect((await open('/digest/readout', link)).status).toBe(200);
  });

  test('a box of a team Valued has never met gets a kind 404', async () => {
    const res = await open('/digest/readout', boxLink(lead.aadObjectId, '19:unknown@thread.tacv2'));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('This team’s digest can’t be found');
  });
});

describe('POST /api/jobs/digest', () => {
  const job = (authorization?: string) =>
    fetch(url('/api/jobs/digest'), { method: 'POST', headers: authorization === undefined ? {} : { authorization } });

  test.each([
    ['no Authorization header', undefined],
    ['a wrong secret', `Bearer ${JOBS_SECRET.slice(0, -1)}x`],
    ['the secret with extra characters', `Bearer ${JOBS_SECRET}x`],
    ['a different scheme', `Basic ${Buffer.from(`jobs:${JOBS_SECRET}`).toString('base64')}`],
    ['an empty bearer', 'Bearer '],
  ])('%s gets 401, and is logged', async (_name, authorization) => {
    const before = h.logs.entries.filter((e) => e.msg === 'digest job refused').length;
    const res = await job(authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect((await res.json()).message).toContain('Authorization: Bearer');
    expect(h.logs.entries.filter((e) => e.msg === 'digest job refused').length).toBe(before + 1);
  });

  test('with the secret it posts the due digests once, and says what it did', async () => {
    h.connector.clear();
    const first = await job(`Bearer ${JOBS_SECRET}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // May's boxes are due on 10 June. Valued has never been in a channel of the Estates team, so
    // there is nowhere to post theirs: it is reported as failed, and tried again on the next run.
    expect(await first.json()).toEqual({
      posted: [`${TEAM.id}|${MONTH}`],
      skipped: [],
      failed: [`${OTHER_TEAM}|${MONTH}`],
      // Votes due to close and reminders due are run by the same call; none are due here.
      teamJobs: { votesClosed: [], reminders: [], failed: [] },
    });
    // The card went to the team's governance channel.
    await h.connector.waitFor((reqs) => reqs.some((r) => r.method === 'POST' && r.conversationId?.startsWith(CHANNEL.id)));
    const posts = h.connector.sent().filter((r) => r.conversationId?.startsWith(CHANNEL.id));
    expect(posts).toHaveLength(1);
    // A second call (a retry, or another scheduler) posts nothing again.
    const second = await (await job(`Bearer ${JOBS_SECRET}`)).json();
    expect(second).toEqual({
      posted: [],
      skipped: [`${TEAM.id}|${MONTH}`],
      failed: [`${OTHER_TEAM}|${MONTH}`],
      teamJobs: { votesClosed: [], reminders: [], failed: [] },
    });
    expect(h.connector.sent().filter((r) => r.conversationId?.startsWith(CHANNEL.id))).toHaveLength(1);
  });
});

describe('without JOBS_SECRET', () => {
  let bare: Harness;
  beforeAll(async () => {
    bare = await startHarness({ LINK_SECRET });
  }, 60_000);
  afterAll(async () => {
    await bare?.stop();
  });

  test('the jobs endpoint does not exist (404), whatever is sent', async () => {
    for (const authorization of [undefined, `Bearer ${JOBS_SECRET}`, 'Bearer ']) {
      const res = await fetch(`${bare.valued.http.url}/api/jobs/digest`, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(404);
    }
  });
});

describe('with storage down', () => {
  test('the jobs endpoint answers 503 with a reason, and the pages a kind 503', async () => {
    await h.azurite.stop();
    try {
      const res = await fetch(url('/api/jobs/digest'), { method: 'POST', headers: { authorization: `Bearer ${JOBS_SECRET}` } });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ message: expect.stringContaining('no digests were posted'), reason: 'storage unavailable' });
      const page = await open('/digest/readout', boxLink());
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('The digest can’t be shown just now');
    } finally {
      await h.azurite.restart();
      await h.valued.store.ensureTables();
    }
  }, 60_000);
});
