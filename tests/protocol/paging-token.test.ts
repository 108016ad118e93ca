// A paging token comes back from the browser, so it may be mangled or made up. Against the real
// app (real HTTP, real Azurite): a token that is not one of ours gets a kind 400, never a 500,
// as JSON from the API and as a notice fragment from the tab's view, and it is logged.
import { RestError } from '@azure/data-tables';
import type { SlipHistoryEntry } from '../../src/domain/history';
import type { PipelinePolicy } from '../../src/storage/table/table-store';
import { startHarness, type Harness } from '../support/harness';

const A = '8948d2ec-5a7e-4a13-a211-1d4406320a2b';
let h: Harness;

// Azurite takes any key in a token; Azure's table service may refuse one with a 400. This storage
// pipeline step answers so for one made-up key, as the service would.
const REFUSED_KEY = 'refused-by-the-service';
const refuseOneKey: PipelinePolicy = {
  name: 'test-refuse-token-key',
  async sendRequest(request, next) {
    if (new URL(request.url).searchParams.get('NextPartitionKey') === REFUSED_KEY) {
      throw new RestError('One of the request inputs is not valid (injected).', { statusCode: 400, code: 'InvalidInput', request });
    }
    return next(request);
  },
};

const slip = (i: number): SlipHistoryEntry => {
  const createdAt = new Date(Date.parse('2025-02-10T12:00:00Z') - i * 3_600_000).toISOString();
  return {
    kind: 'slip',
    slipId: `slip-${String(i).padStart(3, '0')}`,
    teamId: '19:team@thread.tacv2',
    month: createdAt.slice(0, 7),
    createdAt,
    sender: { id: 'sender', teamsId: '29:s', name: 'Jo Williams' },
    message: `Thank you, number ${i}`,
    values: ['Team player'],
    visibility: 'team',
  };
};

beforeAll(async () => {
  // Local mode with no token: the development identity, so no SSO set-up is needed here.
  h = await startHarness({ DEV_USER_ID: A, DEV_USER_NAME: 'Amara Okafor' }, { storagePolicies: [refuseOneKey] });
  await h.valued.repos.history.addSlips(
    A,
    Array.from({ length: 60 }, (_, i) => slip(i)),
  );
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

const get = (path: string) => fetch(`${h.valued.http.url}${path}`);
const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');

const BAD_TOKENS: Array<[string, string]> = [
  ['not base64 at all', 'x!!'],
  ['base64 of nothing useful', 'abcd'],
  ['base64 of text that is not JSON', b64('hello there')],
  ['JSON that is not an object', b64('[1,2]')],
  ['JSON null', b64('null')],
  ['a partition key that is not text', b64('{"nextPartitionKey":5}')],
  ['a row key that is not text', b64('{"nextPartitionKey":"p","nextRowKey":{}}')],
  ['far too long', 'A'.repeat(5000)],
];

test('a real token still pages on (the check lets our own tokens through)', async () => {
  const first = await get('/api/me/slips');
  expect(first.status).toBe(200);
  const { items, continuationToken } = (await first.json()) as { items: SlipHistoryEntry[]; continuationToken?: string };
  expect(continuationToken).toBeTruthy();
  const next = await get(`/api/me/slips?token=${encodeURIComponent(continuationToken!)}`);
  expect(next.status).toBe(200);
  const older = (await next.json()) as { items: SlipHistoryEntry[] };
  expect(older.items.length).toBeGreaterThan(0);
  expect(older.items[0].slipId).not.toBe(items[0].slipId);
  const view = await get(`/api/me/view/slips?token=${encodeURIComponent(continuationToken!)}`);
  expect(view.status).toBe(200);
});

describe.each(BAD_TOKENS)('%s', (_name, token) => {
  const path = (p: string) => `${p}?token=${encodeURIComponent(token)}`;

  test('the API answers 400 with a kind message in JSON, and logs it', async () => {
    const before = h.logs.entries.length;
    const res = await get(path('/api/me/slips'));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = await res.json();
    expect(body.error).toBe('bad_paging_token');
    expect(body.message).toMatch(/wasn’t recognised.*start again from your newest/);
    const logged = h.logs.entries.slice(before).filter((e) => e.msg === 'my recognition: paging token not recognised');
    expect(logged).toHaveLength(1);
    expect(logged[0].level).toBe('warn');
    expect(JSON.stringify(logged[0].data)).not.toContain(token.slice(0, 40)); // the token itself stays out of the log
  });

  test('the tab’s view answers 400 with a kind notice fragment, and logs it', async () => {
    const before = h.logs.entries.length;
    const res = await get(path('/api/me/view/slips'));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toMatch(
      /^<section class="notice" role="alert"><h2>That page can’t be shown<\/h2><p>That page of thank-yous wasn’t recognised/,
    );
    expect(html).not.toContain(token.slice(0, 40));
    expect(h.logs.entries.slice(before).filter((e) => e.msg === 'my recognition: paging token not recognised')).toHaveLength(1);
  });
});

test.each([
  ['another person’s partition', '{"nextPartitionKey":"someone-else","nextRowKey":"slip"}'],
  ['quotes and control characters', `{"nextPartitionKey":"p'\\u0000%","nextRowKey":"r'&$filter=x"}`],
  ['an empty partition key', '{"nextPartitionKey":""}'],
])('a token of the right shape naming %s is never a 500, and never shows anyone else’s slips', async (_name, json) => {
  const res = await get(`/api/me/slips?token=${encodeURIComponent(b64(json))}`);
  expect(res.status).toBe(200);
  for (const item of (await res.json()).items as SlipHistoryEntry[]) expect(item.slipId).toMatch(/^slip-/);
});

test('a token of the right shape that the table service refuses is a kind 400 too, and logged', async () => {
  const before = h.logs.entries.length;
  const token = encodeURIComponent(b64(JSON.stringify({ nextPartitionKey: REFUSED_KEY, nextRowKey: 'x' })));
  const api = await get(`/api/me/slips?token=${token}`);
  expect(api.status).toBe(400);
  expect((await api.json()).error).toBe('bad_paging_token');
  const view = await get(`/api/me/view/slips?token=${token}`);
  expect(view.status).toBe(400);
  expect(await view.text()).toContain('That page can’t be shown');
  const logged = h.logs.entries.slice(before).filter((e) => e.msg === 'my recognition: paging token not recognised');
  expect(logged.map((e) => e.data?.why)).toEqual(['refused by storage', 'refused by storage']);
});

test('every bad token above was a 400, never logged as a failure', () => {
  expect(h.logs.entries.filter((e) => e.level === 'error')).toEqual([]);
});
