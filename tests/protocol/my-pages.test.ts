// "My recognition" on the web, against the real app (real HTTP, real Azurite): the tab's API
// with Teams SSO tokens checked against a local key endpoint, paging through more than a
// thousand slips, the signed portfolio and CSV links, and escaping of people's own words.
import { SignJWT } from 'jose';
import type { SlipHistoryEntry } from '../../src/domain/history';
import { NOT_CONFIRMED } from '../../src/http/me-identity';
import { LinkSigner } from '../../src/services/link-signer';
import { APP_ID_URI, CLIENT_ID, TENANT, startTestSso, type TestSso } from '../support/test-sso';
import { startHarness, type Harness } from '../support/harness';
import { parseCsv } from '../support/parse-csv';
import { seedHistory } from '../support/seed-tables';

const A = '8948d2ec-5a7e-4a13-a211-1d4406320a2b'; // Amara: the local dev identity too
const B = '1771d369-1c38-4c75-ba0d-bf8c184e7778'; // Sam
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const VALUES = ['Skill and expertise', 'Team player', 'Including others'];
// More slips than one Table storage response holds (1,000 rows) and years that split the
// pages; the scale itself is the bench's to measure (Azurite scans the table for each page).
const MANY = 1200;
const LINK_SECRET = 'a-test-secret-for-signed-links-0123456789';
const START = Date.parse('2025-02-10T12:00:00Z');

let h: Harness;
let sso: TestSso;
let aToken: string;

function slip(i: number, over: Partial<SlipHistoryEntry> = {}): SlipHistoryEntry {
  const createdAt = new Date(START - i * 3_600_000).toISOString();
  return {
    kind: 'slip',
    slipId: `slip-${String(i).padStart(5, '0')}`,
    teamId: '19:team@thread.tacv2',
    month: createdAt.slice(0, 7),
    createdAt,
    sender: { id: `sender-${i % 7}`, teamsId: `29:s${i % 7}`, name: `Colleague ${i % 7}` },
    message: `Thank you, number ${i}`,
    values: [VALUES[i % 3]],
    visibility: i % 10 === 0 ? 'private' : 'team',
    ...over,
  };
}

const manySlips = Array.from({ length: MANY }, (_, i) => slip(i));

beforeAll(async () => {
  sso = await startTestSso();
  h = await startHarness({
    SSO_CLIENT_ID: CLIENT_ID,
    SSO_AUDIENCE: APP_ID_URI,
    SSO_KEYS_URL: sso.keysUrl,
    SSO_ALLOWED_TENANTS: TENANT,
    DEV_USER_ID: A,
    DEV_USER_NAME: 'Amara Okafor',
    LINK_SECRET,
  });
  // Seeded as addSlips leaves them, 100 rows a request (see seed-tables.ts): this file proves the reads.
  await seedHistory(h.valued.store, h.valued.repos, A, manySlips);
  await h.valued.repos.history.addSlips(B, [
    slip(0, { slipId: 'b-secret', message: 'For Sam only: B SECRET', sender: { id: 'x', teamsId: '29:x', name: 'Jo Williams' } }),
    slip(1, { slipId: 'b-2', message: 'B SECRET two' }),
  ]);
  aToken = await sso.mint(A, { name: 'Amara Okafor' });
}, 180_000);

afterAll(async () => {
  await h?.stop();
  await sso?.stop();
});

const url = (path: string) => `${h.valued.http.url}${path}`;
const get = (path: string, token?: string) =>
  fetch(url(path), { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

async function pageAll(query: string, token?: string): Promise<SlipHistoryEntry[]> {
  const seen: SlipHistoryEntry[] = [];
  let next: string | undefined = '';
  let pages = 0;
  while (next !== undefined) {
    const res = await get(`/api/me/slips?${query}${next ? `&token=${encodeURIComponent(next)}` : ''}`, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: SlipHistoryEntry[]; continuationToken?: string };
    seen.push(...body.items);
    next = body.continuationToken;
    if (++pages > 400) throw new Error('paging did not end');
  }
  return seen;
}

describe('the tab API with a Teams SSO token', () => {
  test('a valid token returns the caller’s own summary', async () => {
    const res = await get('/api/me/summary', aToken);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.person).toEqual({ id: A, name: 'Amara Okafor' });
    expect(body.summary.totals.allTime).toBe(MANY);
    expect(body.summary.values.map((v: { value: string }) => v.value).sort()).toEqual([...VALUES].sort());
    expect(body.summary.perMonth).toHaveLength(12);
  });

  test('a v1 token (sts.windows.net issuer, Application ID URI audience) is accepted too', async () => {
    const token = await sso.mint(A, { ver: '1.0' }, { issuer: `https://sts.windows.net/${TENANT}/`, audience: APP_ID_URI });
    expect((await get('/api/me/summary', token)).status).toBe(200);
  });

  test.each([
    ['the wrong audience', () => sso.mint(A, {}, { audience: 'api://someone-else/botid-x' })],
    ['the wrong issuer', () => sso.mint(A, {}, { issuer: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ['an issuer that is not Entra ID', () => sso.mint(A, {}, { issuer: 'https://evil.example/v2.0' })],
    ['an expired token', () => sso.mint(A, {}, { expiresIn: Math.floor(Date.now() / 1000) - 2 * 3600 })],
    ['a token not valid yet', () => sso.mint(A, {}, { notBefore: Math.floor(Date.now() / 1000) + 3600 })],
    ['a bad signature', () => sso.mint(A, {}, { key: sso.strangerKey })],
    ['an unknown key id', () => sso.mint(A, {}, { kid: 'not-published' })],
    ['a tenant outside the allow-list', () => sso.mint(A, { tid: OTHER_TENANT })],
    ['no oid', () => sso.mint('', { oid: undefined })],
    [
      'alg none',
      async () =>
        `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ oid: A, tid: TENANT, aud: CLIENT_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url')}.`,
    ],
    [
      'HS256 signed with a guessable secret',
      () =>
        new SignJWT({ oid: A, tid: TENANT })
          .setProtectedHeader({ alg: 'HS256', kid: 'test-key-1' })
          .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
          .setAudience(CLIENT_ID)
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('secret')),
    ],
    [
      'a signature moved onto another person’s claims',
      async () => {
        const [h0, , sig] = aToken.split('.');
        const forged = Buffer.from(
          JSON.stringify({
            oid: B,
            tid: TENANT,
            aud: CLIENT_ID,
            iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
            exp: Math.floor(Date.now() / 1000) + 3600,
          }),
        ).toString('base64url');
        return `${h0}.${forged}.${sig}`;
      },
    ],
    ['not a token at all', async () => 'hello'],
  ])('%s gets 401 with a kind message, never anyone’s data', async (_name, make) => {
    const token = await make();
    for (const path of ['/api/me/summary', '/api/me/slips', '/api/me/view/summary', '/api/me/view/slips']) {
      const res = await get(path, token);
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body).toEqual({ message: NOT_CONFIRMED });
    }
    expect((await fetch(url('/api/me/links'), { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  test('a token is checked even in local mode: a bad one never falls back to the development identity', async () => {
    const res = await get('/api/me/summary', 'not-a-token');
    expect(res.status).toBe(401);
    const basic = await fetch(url('/api/me/summary'), { headers: { authorization: 'Basic YTpi' } });
    expect(basic.status).toBe(401);
  });

  test('without a token, local mode shows the development identity (Amara)', async () => {
    const body = await (await get('/api/me/summary')).json();
    expect(body.person).toEqual({ id: A, name: 'Amara Okafor' });
  });

  test('A’s token never returns B’s data, whatever the query says', async () => {
    // Naming B as the subject is refused outright (AccessPolicy.requireSelf); other fields are never read.
    for (const path of ['/api/me/summary', '/api/me/slips', '/api/me/view/slips']) {
      const refused = await get(`${path}?personId=${B}`, aToken);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('B SECRET');
    }
    for (const q of [`personId=${A}`, `oid=${B}`, `user=${B}&id=${B}&aadObjectId=${B}`]) {
      const summary = await (await get(`/api/me/summary?${q}`, aToken)).json();
      expect(summary.person.id).toBe(A);
      const slips = await (await get(`/api/me/slips?${q}`, aToken)).json();
      expect(slips.items).toHaveLength(10);
      expect(JSON.stringify(slips)).not.toContain('B SECRET');
      const html = await (await get(`/api/me/view/slips?${q}`, aToken)).text();
      expect(html).not.toContain('B SECRET');
    }
    // B's own token sees B's slips, and B's continuation token used by A stays in A's history.
    const bToken = await sso.mint(B);
    const bPage = await (await get('/api/me/slips', bToken)).json();
    expect(bPage.items.map((s: SlipHistoryEntry) => s.message)).toContain('For Sam only: B SECRET');
    const aFirst = await (await get('/api/me/slips', aToken)).json();
    const crossed = await (await get(`/api/me/slips?token=${encodeURIComponent(aFirst.continuationToken)}`, bToken)).json();
    expect(crossed.items.every((s: SlipHistoryEntry) => s.message.includes('B SECRET'))).toBe(true);
  });

  test('signing keys are fetched once and then cached', async () => {
    const before = sso.fetches;
    for (let i = 0; i < 5; i++) expect((await get('/api/me/summary', aToken)).status).toBe(200);
    expect(sso.fetches).toBe(before);
  });
});

describe('paging', () => {
  test(`paging through ${MANY} slips returns each exactly once, newest first`, async () => {
    const seen = await pageAll('', aToken);
    expect(seen).toHaveLength(MANY);
    expect(seen.map((s) => s.slipId)).toEqual(manySlips.map((s) => s.slipId));
  }, 60_000);

  test('filtering by value pages through exactly that value’s slips', async () => {
    const seen = await pageAll(`value=${encodeURIComponent('Team player')}`);
    expect(seen.map((s) => s.slipId)).toEqual(manySlips.filter((s) => s.values.includes('Team player')).map((s) => s.slipId));
  }, 60_000);

  test('filtering by year pages through exactly that year’s slips', async () => {
    // Two independent page chains, run side by side.
    const [seen, both] = await Promise.all([pageAll('year=2025'), pageAll(`year=2024&value=${encodeURIComponent('Including others')}`)]);
    const expected = manySlips.filter((s) => s.createdAt.startsWith('2025'));
    expect(expected.length).toBeGreaterThan(900);
    expect(seen.map((s) => s.slipId)).toEqual(expected.map((s) => s.slipId));
    expect(both.map((s) => s.slipId)).toEqual(
      manySlips.filter((s) => s.createdAt.startsWith('2024') && s.values.includes('Including others')).map((s) => s.slipId),
    );
  }, 60_000);

  test('a filter that is not a year is refused kindly', async () => {
    const res = await get('/api/me/slips?year=last', aToken);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/choose from the lists/);
  });

  test('the HTML fragment offers Older with the next token, and Newer when asked', async () => {
    const first = await (await get('/api/me/view/slips', aToken)).text();
    expect(first).toContain('Thank you, number 0<');
    expect(first).toMatch(/data-older="[^"]+"/);
    expect(first).not.toContain('data-newer');
    const next = await (await get('/api/me/slips', aToken)).json();
    const second = await (await get(`/api/me/view/slips?token=${encodeURIComponent(next.continuationToken)}&newer=1`, aToken)).text();
    expect(second).toContain('Thank you, number 10<');
    expect(second).toContain('data-newer');
  });
});

describe('the tab page', () => {
  test('/me is served with a strict Content-Security-Policy and only our own scripts', async () => {
    const res = await get('/me');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const html = await res.text();
    expect(html).toContain('<h1>My recognition</h1>');
    expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([' src="/me/tab.js" defer']);
    expect(html).not.toMatch(/style="/);
  });

  test('the scripts and stylesheet come from this server', async () => {
    const teams = await get('/me/teams-js.js');
    expect(teams.status).toBe(200);
    expect(teams.headers.get('content-type')).toContain('javascript');
    expect(await teams.text()).toContain('getAuthToken');
    const tab = await (await get('/me/tab.js')).text();
    expect(tab).toContain('/api/me/view/summary');
    expect(tab).toContain('/me/teams-js.js');
    expect(() => new Function(tab)).not.toThrow(); // valid JavaScript as served
    expect((await get('/me/styles.css')).headers.get('content-type')).toContain('text/css');
  });

  test('the summary fragment shows totals, both charts with table alternatives, and the filter', async () => {
    const html = await (await get('/api/me/view/summary', aToken)).text();
    expect(html).toContain('Hello Amara.');
    expect(html).toContain('<span class="total-number">1,200</span>');
    expect(html.match(/<svg class="chart"[^>]*role="img"/g)).toHaveLength(2);
    expect(html.match(/<summary>Show as a table<\/summary>/g)).toHaveLength(2);
    expect(html).toContain('<option value="2024">2024</option>');
  });

  test('the tab trades its token for signed portfolio and CSV links that work', async () => {
    const res = await fetch(url('/api/me/links'), { method: 'POST', headers: { authorization: `Bearer ${aToken}` } });
    const links = await res.json();
    expect(links.portfolioUrl).toMatch(/^\/me\/portfolio\?link=/);
    expect(links.csvUrl).toMatch(/^\/me\/history\.csv\?link=/);
    const portfolio = await fetch(url(links.portfolioUrl));
    expect(portfolio.status).toBe(200);
    expect(await portfolio.text()).toContain('<h1>Recognition portfolio</h1>');
    expect((await fetch(url(links.csvUrl))).status).toBe(200);
  });
});

describe('portfolio and CSV by signed link', () => {
  const TRICKY = [
    slip(0, {
      slipId: 'x1',
      message: '<script>alert("hi")</script> & thanks',
      sender: { id: 's', teamsId: '29:s', name: '<b>Bold</b> Name' },
    }),
    slip(1, { slipId: 'x2', message: '=HYPERLINK("http://evil.example","click")', values: ['Team player'] }),
    slip(2, { slipId: 'x3', message: 'Line one\nline two, with "quotes", commas', values: [] }),
    slip(3, { slipId: 'x4', message: '+44 call me', quote: '@everyone see this' }),
    slip(4, { slipId: 'x5', message: '-1 for nothing, just kidding' }),
    slip(400 * 24, { slipId: 'x6', message: 'From long ago' }),
  ];
  const C = 'c7cf4a79-6125-4686-b71c-a7b58b5b6e9a';

  beforeAll(async () => {
    await h.valued.repos.history.addSlips(C, TRICKY);
    await h.valued.repos.profiles.put({ personId: C, preferredTitle: 'Associate practitioner <AP>', updatedAt: new Date().toISOString() });
    await h.valued.repos.history.addAward(C, {
      kind: 'award',
      teamId: 't',
      teamName: 'Therapies Team',
      month: '2025-01',
      result: 'winner',
      citation: 'Always there for patients',
      values: [],
      announcedAt: '2025-02-01T10:00:00Z',
    });
    await h.valued.repos.history.addNomination(C, 'n1', {
      kind: 'nomination',
      teamId: 't',
      month: '2025-01',
      createdAt: '2025-01-20T10:00:00Z',
      reason: 'Stayed late <again>',
      values: [],
    });
  });

  // Links as the chat card makes them: the app's secret, for person C.
  const linkSigner = () => new LinkSigner(LINK_SECRET);

  test('the portfolio shows name, title, values, awards and nominations, all escaped', async () => {
    const res = await fetch(url(`/me/portfolio?link=${await appLink('portfolio')}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('Associate practitioner &lt;AP>');
    expect(html).toContain('&lt;script>alert(&quot;hi&quot;)&lt;/script> &amp; thanks');
    expect(html).toContain('&lt;b>Bold&lt;/b> Name');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Star of the month</strong>, January 2025');
    expect(html).toContain('Stayed late &lt;again>');
    expect(html).toContain('Thanks without a value');
    expect(html).toContain('Print or save as PDF');
    expect(html).toContain('From long ago');
  });

  test('the period form narrows the portfolio and its CSV', async () => {
    const link = await appLink('portfolio');
    const html = await (await fetch(url(`/me/portfolio?link=${link}&from=2025-01-01&to=2025-12-31`))).text();
    expect(html).toContain('1 January 2025 to 31 December 2025');
    expect(html).not.toContain('From long ago');
    // The page's spreadsheet is the portfolio CSV grouped as the page is, for the same period.
    const csvHref = /href="(\/me\/portfolio\.csv\?[^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    expect(csvHref).toMatch(/&by=value&from=2025-01-01&to=2025-12-31$/);
    const rows = parseCsv((await (await fetch(url(csvHref))).text()).replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(1 + 5);
    const bad = await (await fetch(url(`/me/portfolio?link=${link}&from=yesterday`))).text();
    expect(bad).toContain('wasn’t recognised');
  });

  test('grouped by framework domain: a saved note puts the thank-you under its domain, with the reflection, escaped', async () => {
    await h.valued.repos.reflections.put({
      personId: C,
      slipId: 'x2',
      createdAt: TRICKY[1].createdAt,
      teamId: TRICKY[1].teamId,
      month: TRICKY[1].month,
      frameworkId: 'ahp-support-worker-2021',
      domains: ['communication-information'],
      reflection: 'I learned to <listen> & check',
      updatedAt: new Date().toISOString(),
    });
    const link = await appLink('portfolio');
    const byValue = await (await fetch(url(`/me/portfolio?link=${link}`))).text();
    const domainHref = /<a href="([^"]+)">framework domain<\/a>/.exec(byValue)![1].replace(/&amp;/g, '&');
    const html = await (await fetch(url(domainHref))).text();
    expect(html).toContain('<a href="' + domainHref.replace(/&/g, '&amp;') + '" aria-current="page">framework domain</a>');
    const section = html.slice(
      html.indexOf('id="domain-communication-information"'),
      html.indexOf('id="domain-safe-inclusive-environments"'),
    );
    expect(section).toContain('4. Communication and information <span class="count">(1)</span>');
    expect(section).toContain('=HYPERLINK');
    expect(section).toContain('I learned to &lt;listen> &amp; check');
    expect(html).toContain('Nothing tagged here yet.');
    expect(html).not.toContain('<script>alert');
    const csvHref = /href="(\/me\/portfolio\.csv\?[^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    const rows = parseCsv((await (await fetch(url(csvHref))).text()).replace(/^\uFEFF/, ''));
    expect(rows.find((r) => r[0] === '4. Communication and information')?.[6]).toBe('I learned to <listen> & check');
  });

  test('the CSV round-trips: BOM, RFC 4180 quoting, formulas neutralised', async () => {
    const res = await fetch(url(`/me/history.csv?link=${await appLink('history-csv')}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="my-recognition\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['Date', 'Time', 'From', 'Message', 'Values', 'Who could see it', 'Quoted message']);
    const byMessage = new Map(rows.slice(1).map((r) => [r[3], r]));
    expect(rows).toHaveLength(1 + TRICKY.length);
    expect(byMessage.get('<script>alert("hi")</script> & thanks')?.[2]).toBe('<b>Bold</b> Name');
    expect(byMessage.has('Line one\nline two, with "quotes", commas')).toBe(true);
    expect(byMessage.get(`'=HYPERLINK("http://evil.example","click")`)?.[4]).toBe('Team player');
    expect(byMessage.get(`'+44 call me`)?.[6]).toBe(`'@everyone see this`);
    expect(byMessage.has(`'-1 for nothing, just kidding`)).toBe(true);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[1][0]).toBe('2025-02-10');
    expect(rows[1][1]).toBe('12:00');
  });

  test.each([
    ['forged', async () => 'eyJzdWIiOiJ4In0.bm90LWEtbWFj'],
    [
      'altered',
      async () => {
        const [body, mac] = decodeURIComponent(await appLink('portfolio')).split('.');
        const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
        return encodeURIComponent(`${Buffer.from(JSON.stringify({ ...claims, sub: A })).toString('base64url')}.${mac}`);
      },
    ],
    ['expired', async () => encodeURIComponent(linkSigner().sign(C, 'portfolio', new Date(Date.now() - 2 * 3600_000)))],
    ['for another purpose', async () => appLink('export')],
    ['missing', async () => ''],
  ])('a %s link gets a kind 403 page', async (_name, make) => {
    const link = await make();
    for (const path of ['/me/portfolio', '/me/history.csv']) {
      const res = await fetch(url(`${path}?link=${link}`));
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).toContain('This link can’t be opened');
      expect(html).toContain('type <strong>my recognition</strong>');
      expect(html).not.toContain('Thank you');
    }
  });

  async function appLink(purpose: 'portfolio' | 'history-csv' | 'export'): Promise<string> {
    return encodeURIComponent(linkSigner().sign(C, purpose, new Date()));
  }
});
