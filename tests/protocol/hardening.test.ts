// Small hardening of the real app (real HTTP, real Azurite): the info pages and the data export
// say what they are and can't be framed, the personal tab can still be framed by Teams, refused
// calls to the jobs endpoint can't flood the log, and slow clients are cut off after 30 s.
import { LinkSigner } from '../../src/services/link-signer';
import { startHarness, type Harness } from '../support/harness';

const A = '8948d2ec-5a7e-4a13-a211-1d4406320a2b';
const LINK_SECRET = 'a-test-secret-for-signed-links-0123456789';
const JOBS_SECRET = 'a-test-secret-for-the-jobs-endpoint-0123456789';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ LINK_SECRET, JOBS_SECRET, DEV_USER_ID: A, DEV_USER_NAME: 'Amara Okafor' });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const get = (path: string) => fetch(`${h.valued.http.url}${path}`);
const cspOf = (res: Response) => res.headers.get('content-security-policy') ?? '';

describe('the pages the manifest links to (website, privacy, terms)', () => {
  test.each(['/', '/privacy', '/terms'])('%s is nosniff, and no one may frame it', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = cspOf(res);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await res.text()).toContain('Valued');
  });
});

describe('the personal tab, which Teams shows in a frame', () => {
  test.each(['/me', '/api/me/view/summary'])('%s still lets Teams frame it, and is nosniff', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = cspOf(res);
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://teams.microsoft.com');
    expect(csp).not.toContain("frame-ancestors 'none'");
  });
});

describe('/me/export.json', () => {
  test('the download is nosniff', async () => {
    const link = new LinkSigner(LINK_SECRET).sign(A, 'export', new Date());
    const res = await get(`/me/export.json?link=${encodeURIComponent(link)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toContain('attachment');
  });

  test('so is the refusal of a bad link', async () => {
    const res = await get('/me/export.json?link=not-a-link');
    expect(res.status).toBe(403);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('refused calls to POST /api/jobs/digest', () => {
  test('a flood of them writes only the first few warnings; the rest are counted, not written', async () => {
    const refused = () => h.logs.entries.filter((e) => e.msg === 'digest job refused');
    const before = refused().length;
    const calls = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${h.valued.http.url}/api/jobs/digest`, { method: 'POST', headers: i % 2 ? { authorization: 'Bearer wrong' } : {} }),
      ),
    );
    expect(calls.map((r) => r.status)).toEqual(Array(40).fill(401));
    const written = refused().slice(before);
    // Five in full (a misconfigured scheduler's first few are worth reading); the rest are one
    // line with their count when the minute is up (see tests/unit/log-throttle.test.ts).
    expect(written).toHaveLength(5);
    expect(written.every((e) => e.level === 'warn' && e.name === 'jobs')).toBe(true);
  });

  test('the right secret is still answered, and its result logged', async () => {
    const res = await fetch(`${h.valued.http.url}/api/jobs/digest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${JOBS_SECRET}` },
    });
    expect(res.status).toBe(200);
    expect(h.logs.entries.some((e) => e.msg === 'digest job ran')).toBe(true);
  });
});

test('the started app gives a client 30 s to send a request, headers and body alike', () => {
  expect(h.valued.http.node.requestTimeout).toBe(30_000);
  expect(h.valued.http.node.headersTimeout).toBe(30_000);
});
