// Contract tests of the shared table layer against the real Table API that Azurite serves.
import { TableStore } from '../../src/storage/table/table-store';
import { DocTable } from '../../src/storage/table/doc-table';
import { startAzurite, type TestAzurite } from '../support/azurite';

interface Counter {
  n: number;
  who: string[];
}

let azurite: TestAzurite;
let store: TableStore;
let table: DocTable<Counter>;

beforeAll(async () => {
  azurite = await startAzurite();
  store = new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString, tablePrefix: 'doc' });
  await store.ensureTables();
  table = new DocTable<Counter>(store.table('slips'));
});
afterAll(() => azurite.release());

test('a point read returns what was written, and nothing for a missing row', async () => {
  await table.upsert('p1', 'r1', { n: 1, who: ['a'] });
  expect((await table.get('p1', 'r1'))?.doc).toEqual({ n: 1, who: ['a'] });
  expect(await table.get('p1', 'missing')).toBeUndefined();
});

test('create is idempotent: the second create of a row reports it exists and changes nothing', async () => {
  expect(await table.create('p2', 'r', { n: 1, who: [] })).toBe(true);
  expect(await table.create('p2', 'r', { n: 99, who: [] })).toBe(false);
  expect((await table.get('p2', 'r'))?.doc.n).toBe(1);
});

test('a partition query pages past 1,000 rows in RowKey order and returns each row once', async () => {
  const rows = Array.from({ length: 2345 }, (_, i) => ({ rk: `row|${String(i).padStart(5, '0')}`, doc: { n: i, who: [] } }));
  await table.upsertMany('big', rows);
  await table.upsert('big-neighbour', 'row|00000', { n: -1, who: [] });
  const all = await table.list('big');
  expect(all).toHaveLength(2345);
  expect(all.map((d) => d.n)).toEqual(rows.map((r) => r.doc.n));

  const first = await table.page('big', { prefix: 'row|', pageSize: 1000 });
  expect(first.items).toHaveLength(1000);
  expect(first.continuationToken).toBeDefined();
  const second = await table.page('big', { prefix: 'row|', pageSize: 1000, continuationToken: first.continuationToken });
  expect(second.items[0].n).toBe(1000);
});

test('a prefix query returns only rows whose key starts with the prefix', async () => {
  await table.upsertMany('mixed', [
    { rk: 'a|1', doc: { n: 1, who: [] } },
    { rk: 'b|1', doc: { n: 2, who: [] } },
    { rk: 'b|2', doc: { n: 3, who: [] } },
    { rk: 'c|1', doc: { n: 4, who: [] } },
  ]);
  expect((await table.list('mixed', { prefix: 'b|' })).map((d) => d.n)).toEqual([2, 3]);
});

test('concurrent ETag-guarded updates all land exactly once', async () => {
  await table.upsert('counter', 'c', { n: 0, who: [] });
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      table.update('counter', 'c', (d) => (d.who.includes(`p${i}`) ? undefined : { n: d.n + 1, who: [...d.who, `p${i}`] })),
    ),
  );
  const final = (await table.get('counter', 'c'))!.doc;
  expect(final.n).toBe(20);
  expect(new Set(final.who).size).toBe(20);
});

test('an update with a stale ETag is refused by the service (412), which is what the retry loop relies on', async () => {
  await table.upsert('etag', 'e', { n: 1, who: [] });
  const read = (await table.get('etag', 'e'))!;
  await table.upsert('etag', 'e', { n: 2, who: [] });
  await expect(
    store
      .table('slips')
      .updateEntity({ partitionKey: 'etag', rowKey: 'e', parts: 1, doc0: '{"n":3,"who":[]}' }, 'Replace', { etag: read.etag }),
  ).rejects.toMatchObject({ statusCode: 412 });
  expect((await table.get('etag', 'e'))!.doc.n).toBe(2);
});

test('an update that starts from a read the caller made writes with its ETag, and reads again when it is stale', async () => {
  await table.upsert('known', 'k', { n: 1, who: [] });
  const fresh = (await table.get('known', 'k'))!;
  expect((await table.update('known', 'k', (d) => ({ n: d.n + 1, who: [...d.who, 'a'] }), undefined, fresh))?.doc).toEqual({
    n: 2,
    who: ['a'],
  });
  // `fresh` is now out of date: the write it guards is refused and the change is made on what is stored.
  const result = await table.update('known', 'k', (d) => ({ n: d.n + 10, who: [...d.who, 'b'] }), undefined, fresh);
  expect(result?.doc).toEqual({ n: 12, who: ['a', 'b'] });
  expect((await table.get('known', 'k'))!.doc).toEqual({ n: 12, who: ['a', 'b'] });
});

test('a batch transaction is atomic: one conflicting create rolls back the whole batch', async () => {
  await table.upsert('batch', 'taken', { n: 0, who: [] });
  const client = store.table('slips');
  await expect(
    client.submitTransaction([
      ['create', { partitionKey: 'batch', rowKey: 'new1', parts: 1, doc0: '{"n":1,"who":[]}' }],
      ['create', { partitionKey: 'batch', rowKey: 'taken', parts: 1, doc0: '{"n":2,"who":[]}' }],
    ]),
  ).rejects.toBeDefined();
  expect(await table.get('batch', 'new1')).toBeUndefined();
  expect((await table.list('batch')).length).toBe(1);
});

test('a document larger than one string property (64 KiB) is split and read back whole', async () => {
  const who = Array.from({ length: 3000 }, (_, i) => `person-${i}-${'x'.repeat(20)}`);
  await table.upsert('large', 'l', { n: 1, who });
  expect((await table.get('large', 'l'))!.doc.who).toEqual(who);
});

test('health check reports ok while storage answers and the reason when it does not', async () => {
  expect(await store.check()).toEqual({ ok: true });
  const down = new TableStore({
    kind: 'connectionString',
    connectionString: azurite.connectionString.replace(`:${azurite.port}/`, ':1/'),
    tablePrefix: 'doc',
  });
  const result = await down.check();
  expect(result.ok).toBe(false);
});

test('partitions whose keys hold Entra (GUID-shaped) ids stay apart in queries', async () => {
  const { keys } = await import('../../src/storage/table/keys');
  const a = keys.person('00000000-0000-4000-8000-000000000002');
  const b = keys.person('00000000-0000-4000-8000-000000000004');
  await table.upsert(a, 'slip|1', { n: 1, who: [] });
  await table.upsert(b, 'slip|1', { n: 2, who: [] });
  expect((await table.list(a, { prefix: 'slip|' })).map((d) => d.n)).toEqual([1]);
});
